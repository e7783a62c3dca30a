import { builder } from '../builder.ts';
import { SourceRef } from '../refs.ts';

builder.objectFields(SourceRef, (t) => ({
  document: t.exposeString('document', {
    description: 'The file name of the document (or the reference used).',
  }),
  section: t.exposeString('section', { description: 'Where in the document the fact is stated.' }),
}));
