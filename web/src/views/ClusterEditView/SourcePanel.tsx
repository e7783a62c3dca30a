import { zodResolver } from '@hookform/resolvers/zod';
import { type UseFormReturn, useForm } from 'react-hook-form';
import { FieldFrame, TextField } from '../../components/forms/Field.tsx';
import type { SourceInput } from '../../gql/graphql.ts';
import { type SourceFields, sourceRules } from './rules.ts';

export type SourceForm = UseFormReturn<SourceFields, unknown, SourceInput>;

export function useSourceForm(): SourceForm {
  return useForm<SourceFields, unknown, SourceInput>({
    resolver: zodResolver(sourceRules),
    defaultValues: { note: '', document: '', section: '' },
  });
}

/** The source every change on the page is sent with; null (and the first bad field focused) when it is not valid. */
export async function readSource(form: SourceForm): Promise<SourceInput | null> {
  let source: SourceInput | null = null;
  await form.handleSubmit((valid) => {
    source = valid;
  })();
  return source;
}

/**
 * Said once for all the page's changes: who states them. The editor's own statement is a note;
 * a document needs the place in it.
 */
export function SourcePanel({ form }: { form: SourceForm }) {
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <fieldset className="card form source-panel" data-testid="source-panel">
      <legend className="card__title">Source of your changes</legend>
      <p className="muted small">
        Sent with every change below and kept in the history: your own statement, or a document that says it.
      </p>
      <FieldFrame
        label="Your statement"
        hint="Why you make the change, e.g. “Confirmed by the cluster manager on 2 Dec.”"
        error={errors.note?.message}
        testId="source-note-field"
      >
        {(control) => <textarea rows={2} {...register('note')} {...control} data-testid="source-note" />}
      </FieldFrame>
      <div className="form__row">
        <TextField
          label="Document"
          hint="File name or reference, if a document states it."
          error={errors.document?.message}
          {...register('document')}
          data-testid="source-document"
        />
        <TextField
          label="Section"
          hint="Page, table or paragraph in it."
          error={errors.section?.message}
          {...register('section')}
          data-testid="source-section"
        />
      </div>
    </fieldset>
  );
}
