import { STAGE_KINDS } from '@clustergraph/schema';
import {
  PROVIDER_VIAS,
  type Provider,
  type ProviderFilter,
  type ProviderPage,
  providersOfStages,
} from '../../db/repositories/providers.ts';
import { builder } from '../builder.ts';
import { BadInputError } from '../errors.ts';
import { connectionOf, orderEnum, pagedComplexity, resolveRootList } from '../lists.ts';
import { requestLoader } from '../loaders.ts';
import { pageWindow, toConnection } from '../paging.ts';
import { reads, unplanned } from '../reads.ts';
import { ClusterRef, OrganisationRef, SectorRef, ValueChainStageRef } from '../refs.ts';
import { nodesVia } from '../relations.ts';
import { OrganisationKind, pageArgs } from './shared.ts';

const StageKind = builder.enumType('StageKind', {
  description: 'PRIMARY: a step of the chain itself; SUPPORT: a function every chain needs.',
  values: STAGE_KINDS,
});

export const ProviderVia = builder.enumType('ProviderVia', {
  description: 'EXPLICIT: a source states it; NACE: derived from the organisation’s NACE codes.',
  values: PROVIDER_VIAS,
});

type ProviderEdgeShape = Provider & { cursor: string; node: Provider['organisation'] };

const StageProviderConnection = builder.connectionObject(
  {
    type: OrganisationRef,
    name: 'StageProviderConnection',
    description: 'A page of the organisations that provide a stage.',
    extensions: unplanned,
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many providers match the filter, over all pages.',
        resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
      }),
    }),
  },
  {
    name: 'StageProviderEdge',
    description: 'An organisation that provides the stage, and how we know.',
    extensions: unplanned,
    fields: (t) => ({
      via: t.field({
        type: ProviderVia,
        description: 'EXPLICIT when a source states it, NACE when its NACE codes say so.',
        resolve: (edge) => (edge as unknown as ProviderEdgeShape).via,
      }),
      naceCode: t.string({
        nullable: true,
        description: 'For NACE providers, the organisation’s code that falls under the stage’s.',
        resolve: (edge) => (edge as unknown as ProviderEdgeShape).naceCode,
      }),
    }),
  },
);

export const StageProviderFilter = builder.inputType('StageProviderFilter', {
  description: 'Which providers of a stage to list; all given conditions hold.',
  fields: (t) => ({
    regionCodes: t.stringList({ description: 'NUTS codes; a region includes its sub-regions.' }),
    kinds: t.field({ type: [OrganisationKind], description: 'Kinds of organisation.' }),
    sizes: t.stringList({ description: 'Company sizes: MICRO, SMALL, MEDIUM, LARGE.' }),
    via: t.field({ type: [ProviderVia], description: 'Stated providers, NACE-derived ones, or both.' }),
    synthetic: t.boolean({ description: 'true: generated data only; false: curated and imported only.' }),
  }),
});

const COMPANY_SIZES = new Set(['MICRO', 'SMALL', 'MEDIUM', 'LARGE']);

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
    type: StageProviderConnection,
    description:
      'Organisations that provide this stage, paged and filtered: those stated to (EXPLICIT), then those whose NACE codes fall under the stage’s (NACE), by name.',
    args: { ...pageArgs(t.arg), filter: t.arg({ type: StageProviderFilter }) },
    complexity: pagedComplexity,
    // Batched by the stage's id, once per request and filter: not prefetched.
    extensions: reads('id'),
    resolve: async (row, args, ctx) => {
      const window = pageWindow(args);
      const filter: ProviderFilter = {
        regionCodes: args.filter?.regionCodes,
        kinds: args.filter?.kinds,
        sizes: args.filter?.sizes,
        vias: args.filter?.via,
        synthetic: args.filter?.synthetic,
      };
      for (const size of filter.sizes ?? [])
        if (!COMPANY_SIZES.has(size))
          throw new BadInputError(
            'filter.sizes',
            `unknown size "${size}"; one of ${[...COMPANY_SIZES].join(', ')}`,
          );
      const key = `providers:${JSON.stringify([filter, window])}`;
      const page: ProviderPage = await requestLoader(ctx, key, (ids) =>
        providersOfStages(ctx.db, ids, filter, window),
      ).load(row.id);
      const [unknown] = page.unknownRegionCodes;
      if (unknown) throw new BadInputError('filter.regionCodes', `no region has the code "${unknown}"`);
      return toConnection(window, page.total, page.providers, (provider, cursor) => ({
        ...provider,
        cursor,
        node: provider.organisation,
      }));
    },
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
