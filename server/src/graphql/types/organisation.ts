import { isoCountryOfNuts, type OrganisationKind as Kind } from '@clustergraph/schema';
import { builder } from '../builder.ts';
import { connectionOf, orderEnum, pagedComplexity, resolveRootList } from '../lists.ts';
import { reads, readsVia } from '../reads.ts';
import {
  ClusterRef,
  OrganisationRef,
  PartnershipRef,
  ProjectRef,
  RegionRef,
  SectorRef,
  ValueChainStageRef,
} from '../refs.ts';
import { nodesVia, nodeVia } from '../relations.ts';
import {
  agreedRegion,
  agreedRegionField,
  agreedRegionReads,
  ORIGINS_FILTER_DESCRIPTION,
  OrganisationKind,
  Origin,
  RegionClaim,
  regionClaimsField,
} from './shared.ts';

builder.objectFields(OrganisationRef, (t) => ({
  name: t.exposeString('name'),
  nameLocal: t.exposeString('nameLocal', {
    nullable: true,
    description: 'The name in the source document’s language, where it differs.',
  }),
  acronym: t.exposeString('acronym', { nullable: true }),
  aliases: t.stringList({
    description:
      'Other names the documents write for it (short forms, spellings), searched like the acronym.',
    extensions: reads('aliases'),
    resolve: (row) => row.aliases ?? [],
  }),
  kind: t.field({ type: OrganisationKind, extensions: reads('kind'), resolve: (row) => row.kind as Kind }),
  description: t.exposeString('description', { nullable: true }),
  website: t.exposeString('website', { nullable: true }),
  size: t.exposeString('size', {
    nullable: true,
    description: 'Size class for companies (MICRO, SMALL, MEDIUM, LARGE).',
  }),
  country: t.string({
    nullable: true,
    description: 'ISO 3166-1 alpha-2 country code: stated, or that of the region it is located in.',
    extensions: readsVia([agreedRegionReads('Organisation')], 'country'),
    resolve: async (row, _args, ctx) => {
      if (row.country) return row.country;
      const region = await agreedRegion(ctx, 'Organisation', row);
      return region ? isoCountryOfNuts(region.code) : null;
    },
  }),
  region: t.field({
    type: RegionRef,
    nullable: true,
    ...agreedRegionField('Organisation'),
  }),
  locatedIn: t.field({
    type: [RegionClaim],
    description: 'Every region a source places this organisation in, with its sources.',
    ...regionClaimsField('Organisation'),
  }),
  naceCodes: t.stringList({
    extensions: reads('naceCodes'),
    resolve: (row) => row.naceCodes ?? [],
    description: 'NACE Rev. 2 activity codes.',
  }),
  capabilities: t.stringList({
    extensions: reads('capabilities'),
    resolve: (row) => row.capabilities ?? [],
    description: 'What the organisation can offer partners, in short phrases.',
  }),
  clusters: t.field({
    type: [ClusterRef],
    description: 'Clusters it is a member of.',
    ...nodesVia({ from: 'Organisation', type: 'MEMBER_OF', direction: 'OUT', to: 'Cluster' }),
  }),
  managedClusters: t.field({
    type: [ClusterRef],
    description: 'Clusters it manages as their legal entity.',
    ...nodesVia({ from: 'Organisation', type: 'MANAGES', direction: 'OUT', to: 'Cluster' }),
  }),
  projects: t.field({
    type: [ProjectRef],
    description: 'Projects it takes part in.',
    ...nodesVia({ from: 'Organisation', type: 'PARTICIPATES_IN', direction: 'OUT', to: 'Project' }),
  }),
  sectors: t.field({
    type: [SectorRef],
    ...nodesVia({ from: 'Organisation', type: 'ACTIVE_IN', direction: 'OUT', to: 'Sector' }),
  }),
  provides: t.field({
    type: [ValueChainStageRef],
    description: 'Value-chain stages it is stated to provide.',
    ...nodesVia({ from: 'Organisation', type: 'PROVIDES', direction: 'OUT', to: 'ValueChainStage' }),
  }),
  partnerships: t.field({
    type: [PartnershipRef],
    ...nodesVia({ from: 'Organisation', type: 'PARTNER_IN', direction: 'OUT', to: 'Partnership' }),
  }),
  parent: t.field({
    type: OrganisationRef,
    nullable: true,
    description: 'The body it is part of (a directorate’s ministry, say).',
    ...nodeVia({ from: 'Organisation', type: 'PART_OF', direction: 'OUT', to: 'Organisation' }),
  }),
  units: t.field({
    type: [OrganisationRef],
    description: 'Bodies that are part of it.',
    ...nodesVia({ from: 'Organisation', type: 'PART_OF', direction: 'IN', to: 'Organisation' }),
  }),
}));

export const OrganisationConnection = connectionOf(OrganisationRef, 'Organisation');

const OrganisationOrderBy = orderEnum('OrganisationOrderBy', {
  NAME_ASC: { property: 'name', direction: 'ASC' },
  NAME_DESC: { property: 'name', direction: 'DESC' },
  RELEVANCE: 'RELEVANCE',
});

const OrganisationFilter = builder.inputType('OrganisationFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Words of the name, acronym or local name; case and accents ignored.' }),
    regionCodes: t.stringList({ description: 'NUTS codes; a region includes its sub-regions.' }),
    sectorCodes: t.stringList({ description: 'Sector codes (see `sectors`).' }),
    kinds: t.field({ type: [OrganisationKind] }),
    synthetic: t.boolean({ description: 'true: generated data only; false: curated only; omitted: both.' }),
    origins: t.field({ type: [Origin], description: ORIGINS_FILTER_DESCRIPTION }),
  }),
});

builder.queryField('organisations', (t) =>
  t.field({
    type: OrganisationConnection,
    description: 'Organisations, filtered and paged.',
    args: {
      first: t.arg.int(),
      after: t.arg.string(),
      filter: t.arg({ type: OrganisationFilter }),
      orderBy: t.arg({ type: OrganisationOrderBy.ref }),
    },
    complexity: pagedComplexity,
    resolve: (_root, args, ctx, info) =>
      resolveRootList(ctx, info, 'Organisation', args, OrganisationOrderBy.orders, {
        property: 'name',
        direction: 'ASC',
      }),
  }),
);
