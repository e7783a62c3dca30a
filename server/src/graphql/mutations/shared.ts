import { fromGlobalId, type NodeLabel } from '@clustergraph/schema';
import type { Edit, EditSource } from '../../db/writes/edit.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputFieldError } from '../errors.ts';

export const SourceInput = builder.inputType('SourceInput', {
  description:
    'Who states what a mutation writes: a document with its section, an import, or (a note alone) the editor’s own statement, recorded as a STATEMENT source with the editor as author.',
  fields: (t) => ({
    document: t.string({ description: 'The document’s file name or reference (as in `Source.document`).' }),
    section: t.string({
      description: 'Where in the document: page, table, paragraph. Required with document.',
    }),
    importId: t.id({ description: 'The `key` of an Import that states it.' }),
    note: t.string({ description: 'Why, or what you state; alone it makes your own statement.' }),
  }),
});

/** The node key a global id names, refusing one of another type (BAD_USER_INPUT naming the field). */
export function keyOf(globalId: string | number, label: NodeLabel, field: string): string {
  const decoded = fromGlobalId(String(globalId));
  if (decoded?.label !== label) {
    throw new InputFieldError([{ field, message: `"${globalId}" is not the id of a ${label}` }]);
  }
  return decoded.id;
}

/** For authScopes: the key, or one no editor has (the resolver then names the bad field). */
export function scopeKey(globalId: string | number | null | undefined, label: NodeLabel): string {
  if (globalId === null || globalId === undefined) return '';
  const decoded = fromGlobalId(String(globalId));
  return decoded?.label === label ? decoded.id : '';
}

/** The edit a mutation makes: its viewer (scope-auth let it through, so there is one), its source. */
export function editOf(ctx: Context, operation: string, source: EditSource): Edit {
  const viewer = ctx.viewer;
  if (!viewer) throw new Error('a mutation ran without a viewer: its authScopes are missing');
  return { actor: { id: viewer.id, name: viewer.name }, operation, source };
}

export const CHANGE_ID_DESCRIPTION = 'The audit record of this change (see the history queries).';
