import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { FormAlert } from '../../components/forms/Field.tsx';
import type { WriteProblem } from '../../components/forms/server-errors.ts';
import type { SourceForm } from './SourcePanel.tsx';

/**
 * The API's BAD_USER_INPUT errors go beside their fields: "source.*" on the page's source panel,
 * the rest on the form that sent them; the first one takes the focus. Errors naming a field the
 * form does not have stay in the form's alert, so nothing the API says is lost.
 */
export function showFieldProblems<Fields extends FieldValues>(
  problem: WriteProblem,
  fields: readonly Path<Fields>[],
  setError: UseFormSetError<Fields>,
  source: SourceForm,
): string[] {
  const unplaced: string[] = [];
  let focused = false;
  for (const { field, message } of problem.fields) {
    const shouldFocus = !focused;
    if (field.startsWith('source.')) {
      const sourceField = field.slice('source.'.length);
      if (sourceField === 'note' || sourceField === 'document' || sourceField === 'section') {
        source.setError(sourceField, { message }, { shouldFocus });
        focused = true;
        continue;
      }
    } else if ((fields as readonly string[]).includes(field)) {
      setError(field as Path<Fields>, { message }, { shouldFocus });
      focused = true;
      continue;
    }
    unplaced.push(`${field}: ${message}`);
  }
  return unplaced;
}

/** A refusal, a stale version or anything else the API said about the whole write. */
export function WriteAlert({
  general,
  conflict,
  onReload,
  testId,
}: {
  general: readonly string[];
  conflict: string | null;
  onReload: () => void;
  testId?: string;
}) {
  if (general.length === 0 && !conflict) return null;
  return (
    <FormAlert testId={testId}>
      {conflict && (
        <div data-testid="conflict">
          <p>
            <strong>Someone else changed this after you loaded it</strong>, so nothing was written ({conflict}
            ). Reload to see their version, then make your change again.
          </p>
          <button type="button" className="button" onClick={onReload} data-testid="reload">
            Reload
          </button>
        </div>
      )}
      {general.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </FormAlert>
  );
}
