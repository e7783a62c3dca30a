import { type ComponentPropsWithRef, type ReactNode, useId } from 'react';

/*
 * A labelled form control whose hint and error are tied to it (aria-describedby), so a screen
 * reader says them with the field; aria-invalid marks it while the error stands. The error is
 * rendered beside the field whether it came from the form's own check or from the API.
 */
export function FieldFrame({
  label,
  hint,
  error,
  children,
  testId,
}: {
  label: string;
  hint?: string;
  error?: string;
  testId?: string;
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`form-field${error ? ' form-field--invalid' : ''}`} data-testid={testId}>
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? true : undefined,
      })}
      {hint && (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="form-field__error" data-testid="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  label,
  hint,
  error,
  testId,
  ...input
}: { label: string; hint?: string; error?: string; testId?: string } & ComponentPropsWithRef<'input'>) {
  return (
    <FieldFrame label={label} hint={hint} error={error} testId={testId}>
      {(control) => <input type="text" {...input} {...control} />}
    </FieldFrame>
  );
}

/** The problems of a write that belong to no one field: refused, a conflict, the network. */
export function FormAlert({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="notice notice--error" role="alert" data-testid={testId ?? 'form-alert'}>
      {children}
    </div>
  );
}
