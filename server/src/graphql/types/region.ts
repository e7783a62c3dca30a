import { builder } from '../builder.ts';
import { connectionOf, orderEnum, pagedComplexity, resolveRootList } from '../lists.ts';
import { ClusterRef, OrganisationRef, RegionRef } from '../refs.ts';
import { nodesVia, nodeVia } from '../relations.ts';
import { ORIGINS_FILTER_DESCRIPTION, Origin, pageArgs } from './shared.ts';

builder.objectFields(RegionRef, (t) => ({
  code: t.exposeString('code', { description: 'NUTS 2021 code (country code for level 0).' }),
  name: t.exposeString('name'),
  nameLocal: t.exposeString('nameLocal', { nullable: true }),
  level: t.exposeInt('level', {
    description: 'NUTS level: 0 country, 1, 2 (development region), 3 (county).',
  }),
  parent: t.field({
    type: RegionRef,
    nullable: true,
    ...nodeVia({ from: 'Region', type: 'PART_OF', direction: 'OUT', to: 'Region' }),
  }),
  children: t.field({
    type: [RegionRef],
    ...nodesVia({ from: 'Region', type: 'PART_OF', direction: 'IN', to: 'Region' }),
  }),
  clusters: t.field({
    type: [ClusterRef],
    description: 'Clusters located directly in this region.',
    ...nodesVia({ from: 'Region', type: 'LOCATED_IN', direction: 'IN', to: 'Cluster' }),
  }),
  organisations: t.field({
    type: [OrganisationRef],
    description:
      'Organisations located directly in this region (use `organisations(filter: {regionCodes})` for sub-regions too).',
    ...nodesVia({ from: 'Region', type: 'LOCATED_IN', direction: 'IN', to: 'Organisation' }),
  }),
}));

const RegionOrderBy = orderEnum('RegionOrderBy', {
  CODE_ASC: { property: 'code', direction: 'ASC' },
  NAME_ASC: { property: 'name', direction: 'ASC' },
  RELEVANCE: 'RELEVANCE',
});

const RegionFilter = builder.inputType('RegionFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Words of the name or code; case and accents ignored.' }),
    regionCodes: t.stringList({ description: 'Only these regions and their sub-regions.' }),
    levels: t.intList({ description: 'NUTS levels (0 to 3).' }),
    origins: t.field({ type: [Origin], description: ORIGINS_FILTER_DESCRIPTION }),
  }),
});

builder.queryField('regions', (t) =>
  t.field({
    type: connectionOf(RegionRef, 'Region'),
    description: 'NUTS regions, by code unless ordered otherwise.',
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: RegionFilter }),
      orderBy: t.arg({ type: RegionOrderBy.ref }),
    },
    complexity: pagedComplexity,
    resolve: (_root, args, ctx, info) =>
      resolveRootList(ctx, info, 'Region', args, RegionOrderBy.orders, {
        property: 'code',
        direction: 'ASC',
      }),
  }),
);
