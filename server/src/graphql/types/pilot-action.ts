import { NEED_KINDS, PILOT_ACTION_LEVELS } from '@clustergraph/schema';
import { builder } from '../builder.ts';
import { connectionOf, orderEnum, pagedComplexity, resolveRootList } from '../lists.ts';
import { reads } from '../reads.ts';
import {
  ClusterRef,
  NeedRef,
  OrganisationRef,
  PartnershipRef,
  PilotActionRef,
  ProgrammeRef,
  ProjectRef,
  RegionRef,
} from '../refs.ts';
import { nodesVia, nodeVia } from '../relations.ts';
import { agreedRegionField, pageArgs, RegionClaim, regionClaimsField } from './shared.ts';

const PilotActionLevel = builder.enumType('PilotActionLevel', {
  description: 'SME: support to companies; POLICY: a change of regional policy or its instruments.',
  values: PILOT_ACTION_LEVELS,
});

export const NeedKind = builder.enumType('NeedKind', { values: NEED_KINDS });

builder.objectFields(PilotActionRef, (t) => ({
  title: t.exposeString('title'),
  level: t.field({
    type: PilotActionLevel,
    extensions: reads('level'),
    resolve: (row) => row.level as (typeof PILOT_ACTION_LEVELS)[number],
  }),
  description: t.exposeString('description', { nullable: true }),
  objectives: t.stringList({ extensions: reads('objectives'), resolve: (row) => row.objectives ?? [] }),
  budgetAmount: t.exposeFloat('budgetAmount', { nullable: true }),
  budgetCurrency: t.exposeString('budgetCurrency', { nullable: true }),
  startDate: t.exposeString('startDate', { nullable: true }),
  endDate: t.exposeString('endDate', { nullable: true }),
  proposedBy: t.field({
    type: [OrganisationRef],
    ...nodesVia({ from: 'PilotAction', type: 'PROPOSES', direction: 'IN', to: 'Organisation' }),
  }),
  addresses: t.field({
    type: [NeedRef],
    description: 'The gaps and needs it answers.',
    ...nodesVia({ from: 'PilotAction', type: 'ADDRESSES', direction: 'OUT', to: 'Need' }),
  }),
  project: t.field({
    type: ProjectRef,
    nullable: true,
    ...nodeVia({ from: 'PilotAction', type: 'PART_OF', direction: 'OUT', to: 'Project' }),
  }),
  programme: t.field({
    type: ProgrammeRef,
    nullable: true,
    ...nodeVia({ from: 'PilotAction', type: 'FUNDED_BY', direction: 'OUT', to: 'Programme' }),
  }),
  region: t.field({
    type: RegionRef,
    nullable: true,
    ...agreedRegionField('PilotAction'),
  }),
  locatedIn: t.field({
    type: [RegionClaim],
    description: 'Every region a source places this pilot action in, with its sources.',
    ...regionClaimsField('PilotAction'),
  }),
}));

builder.objectFields(NeedRef, (t) => ({
  text: t.exposeString('text'),
  kind: t.field({
    type: NeedKind,
    extensions: reads('kind'),
    resolve: (row) => row.kind as (typeof NEED_KINDS)[number],
  }),
  region: t.field({
    type: RegionRef,
    nullable: true,
    ...agreedRegionField('Need'),
  }),
  locatedIn: t.field({
    type: [RegionClaim],
    ...regionClaimsField('Need'),
  }),
  addressedBy: t.field({
    type: [PilotActionRef],
    ...nodesVia({ from: 'Need', type: 'ADDRESSES', direction: 'IN', to: 'PilotAction' }),
  }),
  identifiedIn: t.field({
    type: [PartnershipRef],
    description: 'The regional lab that found it.',
    ...nodesVia({ from: 'Need', type: 'IDENTIFIED_IN', direction: 'OUT', to: 'Partnership' }),
  }),
  projects: t.field({
    type: [ProjectRef],
    description: 'The projects whose analysis found it.',
    ...nodesVia({ from: 'Need', type: 'IDENTIFIED_IN', direction: 'OUT', to: 'Project' }),
  }),
  clusters: t.field({
    type: [ClusterRef],
    description: 'The clusters it was recorded for.',
    ...nodesVia({ from: 'Need', type: 'IDENTIFIED_IN', direction: 'OUT', to: 'Cluster' }),
  }),
}));

const PilotActionFilter = builder.inputType('PilotActionFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Words of the title; case and accents ignored.' }),
    regionCodes: t.stringList(),
    synthetic: t.boolean(),
  }),
});

const NeedFilter = builder.inputType('NeedFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Words of the text; case and accents ignored.' }),
    regionCodes: t.stringList(),
    kinds: t.field({ type: [NeedKind] }),
    synthetic: t.boolean(),
  }),
});

const PilotActionOrderBy = orderEnum('PilotActionOrderBy', {
  TITLE_ASC: { property: 'title', direction: 'ASC' },
  RELEVANCE: 'RELEVANCE',
});
const NeedOrderBy = orderEnum('NeedOrderBy', {
  TEXT_ASC: { property: 'text', direction: 'ASC' },
  RELEVANCE: 'RELEVANCE',
});

builder.queryFields((t) => ({
  pilotActions: t.field({
    type: connectionOf(PilotActionRef, 'PilotAction'),
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: PilotActionFilter }),
      orderBy: t.arg({ type: PilotActionOrderBy.ref }),
    },
    complexity: pagedComplexity,
    resolve: (_root, args, ctx, info) =>
      resolveRootList(ctx, info, 'PilotAction', args, PilotActionOrderBy.orders, {
        property: 'title',
        direction: 'ASC',
      }),
  }),
  needs: t.field({
    type: connectionOf(NeedRef, 'Need'),
    args: {
      ...pageArgs(t.arg),
      filter: t.arg({ type: NeedFilter }),
      orderBy: t.arg({ type: NeedOrderBy.ref }),
    },
    complexity: pagedComplexity,
    resolve: (_root, args, ctx, info) =>
      resolveRootList(ctx, info, 'Need', args, NeedOrderBy.orders, { property: 'text', direction: 'ASC' }),
  }),
}));
