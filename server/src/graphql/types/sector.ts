import { STAGE_KINDS } from '@clustergraph/schema';
import { type Provider, providersOfStages } from '../../db/repositories/providers.ts';
import { builder } from '../builder.ts';
import { connectionOf, orderEnum, pagedComplexity, resolveRootList } from '../lists.ts';
import { requestLoader } from '../loaders.ts';
import { reads, unplanned } from '../reads.ts';
import { ClusterRef, OrganisationRef, SectorRef, ValueChainStageRef } from '../refs.ts';
import { nodesVia } from '../relations.ts';
import { pageArgs } from './shared.ts';

const StageKind = builder.enumType('StageKind', {
  description: 'PRIMARY: a step of the chain itself; SUPPORT: a function every chain needs.',
  values: STAGE_KINDS,
});

const ProviderVia = builder.enumType('ProviderVia', {
  description: 'EXPLICIT: a source states it; NACE: derived from the organisation’s NACE codes.',
  values: ['EXPLICIT', 'NACE'] as const,
});

const StageProvider = builder.objectRef<Provider>('StageProvider').implement({
  extensions: unplanned,
  fields: (t) => ({
    organisation: t.field({ type: OrganisationRef, resolve: (provider) => provider.organisation }),
    via: t.field({ type: ProviderVia, resolve: (provider) => provider.via }),
  }),
});

builder.objectFields(SectorRef, (t) => ({
  code: t.exposeString('code'),
  name: t.exposeString('name'),
  nameLocal: t.exposeString('nameLocal', { nullable: true }),
  naceCodes: t.stringList({
    extensions: reads('naceCodes'),
    resolve: (row) => row.naceCodes ?? [],
    description: 'NACE Rev. 2 codes of the sector.',
  }),
  valueChain: t.field({
    type: [ValueChainStageRef],
    description: 'The stages of the sector’s value chain in order, then the support functions.',
    ...nodesVia({
      from: 'Sector',
      type: 'HAS_STAGE',
      direction: 'OUT',
      to: 'ValueChainStage',
      orderByRel: 'position',
    }),
  }),
  clusters: t.field({
    type: [ClusterRef],
    ...nodesVia({ from: 'Sector', type: 'ACTIVE_IN', direction: 'IN', to: 'Cluster' }),
  }),
}));

builder.objectFields(ValueChainStageRef, (t) => ({
  name: t.exposeString('name'),
  kind: t.field({
    type: StageKind,
    extensions: reads('kind'),
    resolve: (row) => row.kind as (typeof STAGE_KINDS)[number],
  }),
  description: t.exposeString('description', { nullable: true }),
  naceCodes: t.stringList({
    extensions: reads('naceCodes'),
    resolve: (row) => row.naceCodes ?? [],
    description: 'NACE Rev. 2 codes of the stage.',
  }),
  sectors: t.field({
    type: [SectorRef],
    ...nodesVia({ from: 'ValueChainStage', type: 'HAS_STAGE', direction: 'IN', to: 'Sector' }),
  }),
  providers: t.field({
    type: [StageProvider],
    description:
      'Organisations that provide this stage: those stated to (EXPLICIT), then those whose NACE codes fall under the stage’s (NACE).',
    // Batched by the stage's id, once per request: not prefetched.
    extensions: reads('id'),
    resolve: (row, _args, ctx) =>
      requestLoader(ctx, 'providers', (ids) => providersOfStages(ctx.db, ids)).load(row.id),
  }),
}));

const SectorOrderBy = orderEnum('SectorOrderBy', {
  NAME_ASC: { property: 'name', direction: 'ASC' },
  CODE_ASC: { property: 'code', direction: 'ASC' },
  RELEVANCE: 'RELEVANCE',
});

const SectorFilter = builder.inputType('SectorFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Words of the name; case and accents ignored.' }),
    sectorCodes: t.stringList(),
  }),
});

builder.queryField('sectors', (t) =>
  t.field({
    type: connectionOf(SectorRef, 'Sector'),
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: SectorFilter }),
      orderBy: t.arg({ type: SectorOrderBy.ref }),
    },
    complexity: pagedComplexity,
    resolve: (_root, args, ctx, info) =>
      resolveRootList(ctx, info, 'Sector', args, SectorOrderBy.orders, {
        property: 'name',
        direction: 'ASC',
      }),
  }),
);
