import { builder } from '../builder.ts';
import { connectionOf, orderEnum, pagedComplexity, resolveRootList } from '../lists.ts';
import { PilotActionRef, ProgrammeRef, ProjectRef } from '../refs.ts';
import { relatedConnection, relatedNode, relatedNodes } from '../relations.ts';
import { pageArgs } from './shared.ts';

const ProgrammeProjectConnection = connectionOf(ProjectRef, 'ProgrammeProject');

builder.objectFields(ProgrammeRef, (t) => ({
  name: t.exposeString('name'),
  nameLocal: t.exposeString('nameLocal', { nullable: true }),
  acronym: t.exposeString('acronym', { nullable: true }),
  description: t.exposeString('description', { nullable: true }),
  projects: t.field({
    type: ProgrammeProjectConnection,
    args: pageArgs(t.arg),
    complexity: pagedComplexity,
    description: 'Projects it funds, by title.',
    resolve: (row, args, ctx) =>
      relatedConnection(
        ctx,
        { from: 'Programme', type: 'FUNDED_BY', direction: 'IN', to: 'Project' },
        row.id,
        args,
        'projects',
        () => ({}),
      ),
  }),
  pilotActions: t.field({
    type: [PilotActionRef],
    resolve: (row, _args, ctx) =>
      relatedNodes(ctx, { from: 'Programme', type: 'FUNDED_BY', direction: 'IN', to: 'PilotAction' }, row.id),
  }),
  parent: t.field({
    type: ProgrammeRef,
    nullable: true,
    description: 'The programme this one is a sub-programme of.',
    resolve: (row, _args, ctx) =>
      relatedNode(
        ctx,
        { from: 'Programme', type: 'SUBPROGRAMME_OF', direction: 'OUT', to: 'Programme' },
        row.id,
      ),
  }),
  subprogrammes: t.field({
    type: [ProgrammeRef],
    resolve: (row, _args, ctx) =>
      relatedNodes(
        ctx,
        { from: 'Programme', type: 'SUBPROGRAMME_OF', direction: 'IN', to: 'Programme' },
        row.id,
      ),
  }),
}));

const ProgrammeOrderBy = orderEnum('ProgrammeOrderBy', {
  NAME_ASC: { property: 'name', direction: 'ASC' },
  RELEVANCE: 'RELEVANCE',
});

const ProgrammeFilter = builder.inputType('ProgrammeFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Words of the name or acronym; case and accents ignored.' }),
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
    resolve: (_root, args, ctx) =>
      resolveRootList(ctx, 'Programme', args, ProgrammeOrderBy.orders, {
        property: 'name',
        direction: 'ASC',
      }),
  }),
);
