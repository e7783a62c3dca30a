import { builder } from '../builder.ts';
import { connectionOf, orderEnum, pagedComplexity, resolveRootList } from '../lists.ts';
import { reads } from '../reads.ts';
import { PilotActionRef, ProgrammeRef, ProjectRef } from '../refs.ts';
import { nodesVia, nodeVia, pageVia } from '../relations.ts';
import { ORIGINS_FILTER_DESCRIPTION, Origin, pageArgs } from './shared.ts';

const ProgrammeProjectConnection = connectionOf(ProjectRef, 'ProgrammeProject', {}, { relationship: true });

builder.objectFields(ProgrammeRef, (t) => ({
  name: t.exposeString('name'),
  nameLocal: t.exposeString('nameLocal', { nullable: true }),
  acronym: t.exposeString('acronym', { nullable: true }),
  aliases: t.stringList({
    description:
      'Other names the documents write for it (short forms, spellings), searched like the acronym.',
    extensions: reads('aliases'),
    resolve: (row) => row.aliases ?? [],
  }),
  description: t.exposeString('description', { nullable: true }),
  projects: t.field({
    type: ProgrammeProjectConnection,
    args: pageArgs(t.arg),
    complexity: pagedComplexity,
    description: 'Projects it funds, by title.',
    ...pageVia({ from: 'Programme', type: 'FUNDED_BY', direction: 'IN', to: 'Project' }, 'projects'),
  }),
  pilotActions: t.field({
    type: [PilotActionRef],
    ...nodesVia({ from: 'Programme', type: 'FUNDED_BY', direction: 'IN', to: 'PilotAction' }),
  }),
  parent: t.field({
    type: ProgrammeRef,
    nullable: true,
    description: 'The programme this one is a sub-programme of.',
    ...nodeVia({ from: 'Programme', type: 'SUBPROGRAMME_OF', direction: 'OUT', to: 'Programme' }),
  }),
  subprogrammes: t.field({
    type: [ProgrammeRef],
    ...nodesVia({ from: 'Programme', type: 'SUBPROGRAMME_OF', direction: 'IN', to: 'Programme' }),
  }),
}));

const ProgrammeOrderBy = orderEnum('ProgrammeOrderBy', {
  NAME_ASC: { property: 'name', direction: 'ASC' },
  RELEVANCE: 'RELEVANCE',
});

const ProgrammeFilter = builder.inputType('ProgrammeFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Words of the name or acronym; case and accents ignored.' }),
    origins: t.field({ type: [Origin], description: ORIGINS_FILTER_DESCRIPTION }),
  }),
});

builder.queryField('programmes', (t) =>
  t.field({
    type: connectionOf(ProgrammeRef, 'Programme'),
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: ProgrammeFilter }),
      orderBy: t.arg({ type: ProgrammeOrderBy.ref }),
    },
    complexity: pagedComplexity,
    resolve: (_root, args, ctx, info) =>
      resolveRootList(ctx, info, 'Programme', args, ProgrammeOrderBy.orders, {
        property: 'name',
        direction: 'ASC',
      }),
  }),
);
