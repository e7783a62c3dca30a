import {
  AGGREGATE_GROUPS,
  AGGREGATE_MEASURES,
  AggregateInputError,
  aggregate,
  HELICES,
  NetworkFilterError,
  normaliseFilter,
  type RegionProfile,
  regionProfile,
} from '@clustergraph/analytics';
import { builder } from '../builder.ts';
import { BadInputError } from '../errors.ts';
import { unplanned } from '../reads.ts';
import { analyticsCacheOf } from './cache.ts';
import { BoundPeriodInput, DataOrigin } from './network-types.ts';

const Helix = builder.enumType('Helix', {
  description:
    'A side of the (quintuple) helix: companies, research institutes, universities, public bodies, support organisations, others.',
  values: HELICES,
});

type ProfileAnswer = RegionProfile & { names: ReadonlyMap<string, string> };

const HelixShare = builder.objectRef<RegionProfile['helixMix'][number]>('HelixShare').implement({
  description: 'How many organisations of the region stand on one side of the helix.',
  extensions: unplanned,
  fields: (t) => ({
    helix: t.field({ type: Helix, resolve: (h) => h.helix }),
    count: t.int({ resolve: (h) => h.count }),
    share: t.float({ description: 'Of all the region’s organisations.', resolve: (h) => h.share }),
  }),
});

const PartnerRegion = builder.objectRef<RegionProfile['partnerRegions'][number]>('PartnerRegion').implement({
  description: 'A region or country the region’s organisations cooperate with.',
  extensions: unplanned,
  fields: (t) => ({
    code: t.string({ resolve: (p) => p.code }),
    ties: t.int({ description: 'Organisation ties to it.', resolve: (p) => p.ties }),
    weight: t.float({ description: 'Their summed weight (shared projects).', resolve: (p) => p.weight }),
  }),
});

type GatekeeperShape = RegionProfile['gatekeepers'][number] & { name: string };

const Gatekeeper = builder.objectRef<GatekeeperShape>('Gatekeeper').implement({
  description: 'An organisation of the region with many ties outside it.',
  extensions: unplanned,
  fields: (t) => ({
    key: t.string({ description: 'The organisation’s key.', resolve: (g) => g.id }),
    name: t.string({ resolve: (g) => g.name }),
    outsideTies: t.int({
      description: 'Distinct partners outside the region.',
      resolve: (g) => g.outsideTies,
    }),
    outsideWeight: t.float({ description: 'Shared projects with them.', resolve: (g) => g.outsideWeight }),
  }),
});

const GroupCount = builder.objectRef<{ key: string; count: number }>('GroupCount').implement({
  description: 'A group and how many it holds.',
  extensions: unplanned,
  fields: (t) => ({ key: t.string({ resolve: (g) => g.key }), count: t.int({ resolve: (g) => g.count }) }),
});

const YearFigures = builder.objectRef<RegionProfile['perYear'][number]>('YearFigures').implement({
  description:
    'Projects of the region’s organisations starting in a year, and the EU contribution they received for them.',
  extensions: unplanned,
  fields: (t) => ({
    year: t.int({ resolve: (y) => y.year }),
    projects: t.int({ resolve: (y) => y.projects }),
    contribution: t.float({ resolve: (y) => y.contribution }),
  }),
});

const NeverMeet = builder.objectRef<RegionProfile['neverMeet'][number]>('NeverMeet').implement({
  description:
    'A sub-region, sector or cluster with research or university organisations and companies that have no tie between them.',
  extensions: unplanned,
  fields: (t) => ({
    dimension: t.string({ description: 'REGION, SECTOR or CLUSTER.', resolve: (n) => n.dimension }),
    key: t.string({ description: 'Region code, sector code or cluster key.', resolve: (n) => n.key }),
    knowledgeOrganisations: t.int({ resolve: (n) => n.knowledgeOrganisations }),
    businesses: t.int({ resolve: (n) => n.businesses }),
  }),
});

const RegionProfileRef = builder.objectRef<ProfileAnswer>('RegionProfile').implement({
  description:
    'How a region (with its sub-regions) cooperates over a period, from co-participation in projects.',
  extensions: unplanned,
  fields: (t) => ({
    code: t.string({ resolve: (p) => p.code }),
    level: t.int({ description: 'NUTS level (0 country).', resolve: (p) => p.level }),
    organisationCount: t.int({ resolve: (p) => p.organisationCount }),
    helixMix: t.field({ type: [HelixShare], resolve: (p) => p.helixMix }),
    tieCount: t.int({ description: 'Ties with an end in the region.', resolve: (p) => p.tieCount }),
    insideTies: t.int({ resolve: (p) => p.insideTies }),
    outsideTies: t.int({ resolve: (p) => p.outsideTies }),
    researchBusinessTies: t.int({
      description: 'Ties joining research or a university with a company.',
      resolve: (p) => p.researchBusinessTies,
    }),
    researchBusinessShare: t.float({
      description: 'researchBusinessTies / tieCount.',
      resolve: (p) => p.researchBusinessShare,
    }),
    partnerRegions: t.field({
      type: [PartnerRegion],
      description: 'Top partner regions at the region’s level.',
      resolve: (p) => p.partnerRegions,
    }),
    partnerCountries: t.field({ type: [PartnerRegion], resolve: (p) => p.partnerCountries }),
    gatekeepers: t.field({
      type: [Gatekeeper],
      description: 'Its organisations with most ties outside.',
      resolve: (p) => p.gatekeepers.map((g) => ({ ...g, name: p.names.get(g.id) ?? g.id })),
    }),
    sectors: t.field({
      type: [GroupCount],
      description: 'Sectors its organisations are active in.',
      resolve: (p) => p.sectors,
    }),
    clusterKeys: t.stringList({ description: 'Clusters located in it.', resolve: (p) => p.clusterIds }),
    perYear: t.field({ type: [YearFigures], resolve: (p) => p.perYear }),
    neverMeet: t.field({
      type: [NeverMeet],
      description: 'Where research and business never meet.',
      resolve: (p) => p.neverMeet,
    }),
  }),
});

builder.queryField('regionProfile', (t) =>
  t.field({
    type: RegionProfileRef,
    nullable: true,
    description:
      'The profile of a region (any NUTS level) over a period; null for a region without organisations.',
    args: {
      code: t.arg.string({ required: true, description: 'NUTS or country code, e.g. "RO21".' }),
      period: t.arg({
        type: BoundPeriodInput,
        required: false,
        description: 'Projects overlapping this range.',
      }),
    },
    complexity: 200,
    resolve: async (_root, args, ctx) => {
      const period = {
        ...(args.period?.from ? { from: args.period.from } : {}),
        ...(args.period?.to ? { to: args.period.to } : {}),
      };
      try {
        normaliseFilter({ period });
      } catch (error) {
        if (error instanceof NetworkFilterError) throw new BadInputError('period', error.message);
        throw error;
      }
      const { data, entry } = await analyticsCacheOf(ctx.db).network({ period });
      const profile = regionProfile(data, entry.network, args.code, period);
      if (profile.organisationCount === 0) return null;
      return { ...profile, names: new Map(data.organisations.map((o) => [o.id, o.name])) };
    },
  }),
);

const AggregateMeasure = builder.enumType('AggregateMeasure', {
  description: 'What to count: organisations, clusters, projects, or EU contribution (summed).',
  values: AGGREGATE_MEASURES,
});

const AggregateGroup = builder.enumType('AggregateGroup', {
  description:
    'What to count per: kind, region (at `regionLevel`), country, sector, project start year, programme.',
  values: AGGREGATE_GROUPS,
});

const FilterAggregateInput = builder.inputType('FilterAggregateInput', {
  description: 'Which rows count.',
  fields: (t) => ({
    regionCode: t.string({ required: false, description: 'Only in this region and its sub-regions.' }),
    period: t.field({
      type: BoundPeriodInput,
      required: false,
      description: 'Only projects overlapping this range (and their participations).',
    }),
    origins: t.field({ type: [DataOrigin], required: false }),
    regionLevel: t.int({
      required: false,
      description: 'REGION groups roll up to this NUTS level (default 2).',
    }),
  }),
});

const GroupValue = builder.objectRef<{ key: string; value: number }>('GroupValue').implement({
  description: 'A group and its value.',
  extensions: unplanned,
  fields: (t) => ({ key: t.string({ resolve: (g) => g.key }), value: t.float({ resolve: (g) => g.value }) }),
});

builder.queryField('aggregate', (t) =>
  t.field({
    type: [GroupValue],
    description:
      'A measure per group, largest first: organisations per kind in a region, clusters per region, projects per year, contribution per country, ... A project counts once per group it reaches.',
    args: {
      measure: t.arg({ type: AggregateMeasure, required: true }),
      by: t.arg({ type: AggregateGroup, required: true }),
      filter: t.arg({ type: FilterAggregateInput, required: false }),
      first: t.arg.int({
        required: false,
        description: 'At most this many groups (default 100, at most 1,000).',
      }),
    },
    complexity: (args) => ({ field: 50, multiplier: Math.min(1_000, args.first ?? 100) }),
    resolve: async (_root, args, ctx) => {
      const first = args.first ?? 100;
      if (first < 1 || first > 1_000)
        throw new BadInputError('first', `first must be between 1 and 1000, got ${first}`);
      const { data } = await analyticsCacheOf(ctx.db).data();
      const filter = args.filter;
      try {
        return aggregate(data, args.measure, args.by, {
          ...(filter?.regionCode ? { regionCode: filter.regionCode } : {}),
          ...(filter?.period
            ? {
                period: {
                  ...(filter.period.from ? { from: filter.period.from } : {}),
                  ...(filter.period.to ? { to: filter.period.to } : {}),
                },
              }
            : {}),
          ...(filter?.origins ? { origins: filter.origins } : {}),
          ...(filter?.regionLevel !== null && filter?.regionLevel !== undefined
            ? { regionLevel: filter.regionLevel }
            : {}),
        }).slice(0, first);
      } catch (error) {
        if (error instanceof AggregateInputError) throw new BadInputError(error.field, error.message);
        if (error instanceof Error && error.name === 'PartialDateError')
          throw new BadInputError('filter.period', error.message);
        throw error;
      }
    },
  }),
);
