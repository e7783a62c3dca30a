import { type SourceKind as Kind, SOURCE_KINDS } from '@clustergraph/schema';
import { builder } from '../builder.ts';
import { reads } from '../reads.ts';
import { SourceRef } from '../refs.ts';

const SourceKind = builder.enumType('SourceKind', {
  description:
    'DOCUMENT: the section states the fact. INFERENCE: the curators read the fact from the document (see `reason`); the document does not say it in these words. IMPORT: a named import stated it (`document` is the file, `section` the import stream). SYNTHETIC: generated. STATEMENT: an editor stated it through the API (`author`, `note`).',
  values: SOURCE_KINDS,
});

builder.objectFields(SourceRef, (t) => ({
  document: t.exposeString('document', {
    description: 'The file name of the document (or the reference used).',
  }),
  section: t.exposeString('section', {
    description: 'Where in the document the fact is stated, or (an INFERENCE) what it was read from.',
  }),
  kind: t.field({
    type: SourceKind,
    description:
      'Whether a document states the fact, the curators inferred it, an import or the generator stated it.',
    extensions: reads('kind'),
    // Sources written before kinds existed are document sections.
    resolve: (row) => (row.kind ?? 'DOCUMENT') as Kind,
  }),
  author: t.exposeString('author', {
    nullable: true,
    description: 'Who made the statement (STATEMENT only): the editor’s name.',
  }),
  note: t.exposeString('note', {
    nullable: true,
    description: 'What the editor states (STATEMENT only).',
  }),
  reason: t.exposeString('reason', {
    nullable: true,
    description: 'Why the curators read the fact so (INFERENCE only).',
  }),
}));
