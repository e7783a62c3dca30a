import {
  normaliseWeights,
  type PartnerCandidate,
  PROXIMITIES,
  SCORE_PARTS,
  type ScoreWeights,
  type StageCandidates,
  stagesAsked,
} from '@clustergraph/analytics/partners';
import {
  type ChainCoverage,
  nuts2Of,
  regionCoverage,
  STAGE_VERDICTS,
  type StageCoverage,
  type StageProvider,
  stagesWanting,
  type ValueChainCoverage,
  valueChainCoverage,
  WEAK_REASONS,
} from '@clustergraph/analytics/value-chains';
import { fromGlobalId, type NodeRow } from '@clustergraph/schema';
import {
  type ClusterChainFacts,
  clusterChainFacts,
  type OrganisationWithRow,
} from '../../db/analytics/value-chains.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { BadInputError } from '../errors.ts';
import { pagedComplexity } from '../lists.ts';
import { requestLoader } from '../loaders.ts';
import { type PageArgs, pageWindow, toConnection, type Window } from '../paging.ts';
import { reads, unplanned } from '../reads.ts';
import { ClusterRef, OrganisationRef, ValueChainStageRef } from '../refs.ts';
import { ProviderVia } from '../types/sector.ts';
import { OrganisationKind, pageArgs } from '../types/shared.ts';
import { analyticsCacheOf } from './cache.ts';

/** The organisation row the server fetched with an organisation's facts. */
const rowOf = (organisation: { id: string }) => (organisation as OrganisationWithRow).row;

export type CoverageOfCluster = {
  coverage: ValueChainCoverage;
  stageRows: Map<string, NodeRow<'ValueChainStage'>>;
};
type StageCoverageShape = StageCoverage & { stageRow: NodeRow<'ValueChainStage'> };

function coverageOf(facts: ClusterChainFacts): CoverageOfCluster {
  const { cluster } = facts;
  const coverage = valueChainCoverage({
    scope: {
      kind: 'CLUSTER',
      id: cluster.id,
      regionCode: cluster.regionCode === null ? null : nuts2Of(cluster.regionCode),
      synthetic: cluster.synthetic,
    },
    chains: facts.chains,
    organisations: facts.members,
  });
  const stageRows = new Map(
    facts.chains.flatMap((chain) => chain.stageRows.map((row) => [row.id, row] as const)),
  );
  return { coverage, stageRows };
}

/** A cluster's chain facts, batched over the clusters of a request: one round trip. */
function loadChainFacts(ctx: Context, clusterId: string) {
  return requestLoader(ctx, 'valueChainFacts', (ids) => clusterChainFacts(ctx.db, ids)).load(clusterId);
}

export const withRow = (
  stage: StageCoverage,
  stageRows: Map<string, NodeRow<'ValueChainStage'>>,
): StageCoverageShape => {
  const stageRow = stageRows.get(stage.stage.id);
  if (!stageRow) throw new Error(`stage ${stage.stage.id} has no row`);
  return { ...stage, stageRow };
};

const StageVerdict = builder.enumType('StageVerdict', {
  description:
    'COVERED: several providers, some in the region, some stated; WEAK: provided, but see `reasons`; GAP: no provider.',
  values: STAGE_VERDICTS,
});

const WeakReason = builder.enumType('WeakReason', {
  description:
    'Why a provided stage is weak: SINGLE_PROVIDER; OUTSIDE_REGION_ONLY (no provider in the cluster’s NUTS 2 region); NACE_ONLY (no source states it, only NACE codes suggest it); SYNTHETIC_ONLY (a curated cluster whose providers are all generated).',
  values: WEAK_REASONS,
});

const Proximity = builder.enumType('Proximity', {
  description: 'How near a candidate is to the cluster, nearest first.',
  values: PROXIMITIES,
});

type CoverageProviderEdge = StageProvider & { cursor: string; node: NodeRow<'Organisation'> };

const CoverageProviderConnection = builder.connectionObject(
  {
    type: OrganisationRef,
    name: 'CoverageProviderConnection',
    description: 'Members that provide a stage, stated ones first, those in the region first.',
    extensions: unplanned,
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many members provide the stage.',
        resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
      }),
    }),
  },
  {
    name: 'CoverageProviderEdge',
    description: 'A member providing the stage, and how we know.',
    extensions: unplanned,
    fields: (t) => ({
      via: t.field({
        type: ProviderVia,
        description: 'EXPLICIT when a source states it, NACE when its NACE codes say so.',
        resolve: (edge) => (edge as unknown as CoverageProviderEdge).via,
      }),
      naceCode: t.string({
        nullable: true,
        description: 'For NACE providers, the member’s code that falls under the stage’s.',
        resolve: (edge) => (edge as unknown as CoverageProviderEdge).naceCode,
      }),
      inRegion: t.boolean({
        description: 'Whether the member is located in the cluster’s NUTS 2 region.',
        resolve: (edge) => (edge as unknown as CoverageProviderEdge).inRegion,
      }),
    }),
  },
);

function pageOf<T, E extends { cursor: string }>(
  items: readonly T[],
  args: PageArgs,
  toEdge: (item: T, cursor: string) => E,
) {
  const window: Window = pageWindow(args);
  return toConnection(window, items.length, items.slice(window.offset, window.offset + window.limit), toEdge);
}

export const StageCoverageRef = builder.objectRef<StageCoverageShape>('StageCoverage').implement({
  description:
    'One stage of a chain as the cluster covers it: its providers among the members and a verdict.',
  extensions: unplanned,
  fields: (t) => ({
    stage: t.field({ type: ValueChainStageRef, resolve: (shape) => shape.stageRow }),
    position: t.int({
      description: 'Place in the chain, from 0: primary stages in order, then support functions.',
      resolve: (shape) => shape.position,
    }),
    verdict: t.field({ type: StageVerdict, resolve: (shape) => shape.verdict }),
    reasons: t.field({
      type: [WeakReason],
      description: 'Why the stage is WEAK (empty for COVERED and GAP).',
      resolve: (shape) => shape.reasons,
    }),
    providers: t.field({
      type: CoverageProviderConnection,
      description: 'Members providing the stage, paged.',
      args: pageArgs(t.arg),
      complexity: pagedComplexity,
      resolve: (shape, args) =>
        pageOf(shape.providers, args, (provider, cursor) => ({
          ...provider,
          cursor,
          node: rowOf(provider.organisation),
        })),
    }),
  }),
});

type ChainShape = ChainCoverage & { stageRows: Map<string, NodeRow<'ValueChainStage'>> };

const ChainCoverageRef = builder.objectRef<ChainShape>('ChainCoverage').implement({
  description: 'One sector’s value chain as a cluster covers it.',
  extensions: unplanned,
  fields: (t) => ({
    sectorKey: t.string({
      description: 'The sector’s key (id in the graph).',
      resolve: (chain) => chain.sectorId,
    }),
    sectorName: t.string({ resolve: (chain) => chain.sectorName }),
    coveredShare: t.float({
      description: 'Share of the chain’s stages that are COVERED, 0 to 1.',
      resolve: (chain) => chain.coveredShare,
    }),
    providedShare: t.float({
      description: 'Share of the chain’s stages with at least one provider (COVERED or WEAK), 0 to 1.',
      resolve: (chain) => chain.providedShare,
    }),
    stages: t.field({
      type: [StageCoverageRef],
      description: 'Primary stages in order, then the support functions.',
      resolve: (chain) => chain.stages.map((stage) => withRow(stage, chain.stageRows)),
    }),
  }),
});

const ValueChainCoverageRef = builder.objectRef<CoverageOfCluster>('ValueChainCoverage').implement({
  description: 'How a cluster’s members cover the value chains of its sectors and the support functions.',
  extensions: unplanned,
  fields: (t) => ({
    coveredShare: t.float({
      description: 'Share of the distinct stages of all chains that are COVERED, 0 to 1.',
      resolve: ({ coverage }) => coverage.coveredShare,
    }),
    providedShare: t.float({
      description: 'Share of the distinct stages with at least one provider, 0 to 1.',
      resolve: ({ coverage }) => coverage.providedShare,
    }),
    chains: t.field({
      type: [ChainCoverageRef],
      description: 'One per sector of the cluster, by sector name.',
      resolve: ({ coverage, stageRows }) => coverage.chains.map((chain) => ({ ...chain, stageRows })),
    }),
  }),
});

builder.objectFields(ClusterRef, (t) => ({
  valueChain: t.field({
    type: ValueChainCoverageRef,
    description:
      'Each stage of the value chains of the cluster’s sectors, and the support functions, with the members that provide it and a verdict (COVERED, WEAK, GAP). One round trip for all clusters of a request.',
    extensions: reads('id'),
    resolve: async (row, _args, ctx) => {
      const facts = await loadChainFacts(ctx, row.id);
      if (!facts) throw new Error(`cluster ${row.id} vanished`);
      return coverageOf(facts);
    },
  }),
  valueChainGaps: t.field({
    type: [StageCoverageRef],
    description: 'The stages wanting partners: gaps first, then weak stages, each stage once.',
    extensions: reads('id'),
    resolve: async (row, _args, ctx) => {
      const facts = await loadChainFacts(ctx, row.id);
      if (!facts) throw new Error(`cluster ${row.id} vanished`);
      const { coverage, stageRows } = coverageOf(facts);
      return stagesWanting(coverage).map((stage) => withRow(stage, stageRows));
    },
  }),
}));

const PartnerScoreParts = builder.objectRef<PartnerCandidate['parts']>('PartnerScoreParts').implement({
  description: 'The parts of a candidate’s score, each 0 to 1; the score is their weighted mean.',
  extensions: unplanned,
  fields: (t) => ({
    stageFit: t.float({
      description: '1 when a source states it provides the stage, 0.6 when only its NACE codes say so.',
      resolve: (p) => p.stageFit,
    }),
    geography: t.float({
      description:
        '1 same NUTS 3, 0.8 same NUTS 2, 0.6 same country, 0.4 neighbouring country, 0.2 EU/EEA, 0 beyond.',
      resolve: (p) => p.geography,
    }),
    cooperation: t.float({
      description: '0.6 to 1 when it shares projects with members (more: higher), 0.3 two hops away, 0 none.',
      resolve: (p) => p.cooperation,
    }),
    experience: t.float({
      description:
        'Projects and co-participations, each on a log scale (20 projects, 100 co-participations: full).',
      resolve: (p) => p.experience,
    }),
    kindFit: t.float({
      description:
        'How its kind suits the stage: research wants universities and institutes, production wants companies.',
      resolve: (p) => p.kindFit,
    }),
    availability: t.float({
      description: '1 in no cluster, 0.7 member of another cluster, 0.4 of a competing one (same sector).',
      resolve: (p) => p.availability,
    }),
  }),
});

const OtherCluster = builder
  .objectRef<PartnerCandidate['otherClusters'][number]>('PartnerOtherCluster')
  .implement({
    description: 'A cluster the candidate is already a member of.',
    extensions: unplanned,
    fields: (t) => ({
      key: t.string({ description: 'The cluster’s key (id in the graph).', resolve: (c) => c.id }),
      name: t.string({ resolve: (c) => c.name }),
      competing: t.boolean({
        description: 'Whether it shares a sector with the cluster looking for partners.',
        resolve: (c) => c.competing,
      }),
    }),
  });

type CandidateEdge = PartnerCandidate & { cursor: string; node: NodeRow<'Organisation'> };
const edge = (value: unknown) => value as CandidateEdge;

const PartnerCandidateConnection = builder.connectionObject(
  {
    type: OrganisationRef,
    name: 'PartnerCandidateConnection',
    description: 'Organisations that could fill a stage, best first.',
    extensions: unplanned,
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many candidates pass the filters, over all pages.',
        resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
      }),
    }),
  },
  {
    name: 'PartnerCandidateEdge',
    description: 'A candidate with its score, the parts of it and why.',
    extensions: unplanned,
    fields: (t) => ({
      score: t.float({ description: 'Weighted mean of the parts, 0 to 1.', resolve: (e) => edge(e).score }),
      parts: t.field({ type: PartnerScoreParts, resolve: (e) => edge(e).parts }),
      reason: t.string({
        description: 'One sentence saying why, part by part.',
        resolve: (e) => edge(e).reason,
      }),
      via: t.field({ type: ProviderVia, resolve: (e) => edge(e).via }),
      naceCode: t.string({ nullable: true, resolve: (e) => edge(e).naceCode }),
      proximity: t.field({ type: Proximity, resolve: (e) => edge(e).proximity }),
      distance: t.int({
        nullable: true,
        description:
          'Hops to the nearest member in the project network (1: shares a project), null beyond 2.',
        resolve: (e) => edge(e).cooperation.distance,
      }),
      membersMet: t.int({
        description: 'Members it shares a project with.',
        resolve: (e) => edge(e).cooperation.membersMet,
      }),
      sharedProjects: t.int({
        description: 'Projects it shares with members.',
        resolve: (e) => edge(e).cooperation.sharedProjects,
      }),
      otherClusters: t.field({ type: [OtherCluster], resolve: (e) => edge(e).otherClusters }),
    }),
  },
);

type StageCandidatesShape = StageCandidates & { stageRow: NodeRow<'ValueChainStage'>; window: Window };

const StagePartnerCandidates = builder.objectRef<StageCandidatesShape>('StagePartnerCandidates').implement({
  description: 'A stage wanting partners and the organisations that could fill it.',
  extensions: unplanned,
  fields: (t) => ({
    stage: t.field({
      type: StageCoverageRef,
      resolve: (shape) => ({ ...shape.stage, stageRow: shape.stageRow }),
    }),
    candidates: t.field({
      type: PartnerCandidateConnection,
      description: 'The page asked by `first`/`after` of `partnerCandidates`.',
      resolve: (shape) =>
        toConnection(shape.window, shape.totalCount, shape.candidates, (candidate, cursor) => ({
          ...candidate,
          cursor,
          node: rowOf(candidate.organisation),
        })),
    }),
  }),
});

const WeighPartnerScoreInput = builder.inputType('WeighPartnerScoreInput', {
  description:
    'Relative weights of the score’s parts (divided by their sum; at least one above 0). Omitted parts keep their defaults: stageFit 0.3, geography 0.2, cooperation 0.2, experience 0.1, kindFit 0.1, availability 0.1.',
  fields: (t) => Object.fromEntries(SCORE_PARTS.map((part) => [part, t.float({ required: false })])) as never,
});

/** The weights given, checked as the analysis will use them, a bad one named. */
function weightsOf(
  given: Record<string, number | null | undefined> | null | undefined,
): Partial<ScoreWeights> {
  const weights: Partial<ScoreWeights> = {};
  for (const part of SCORE_PARTS) {
    const value = given?.[part];
    if (value === null || value === undefined) continue;
    if (!Number.isFinite(value) || value < 0)
      throw new BadInputError(`weights.${part}`, `must be 0 or more, got ${value}`);
    weights[part] = value;
  }
  try {
    normaliseWeights(weights);
  } catch (error) {
    throw new BadInputError('weights', (error as Error).message);
  }
  return weights;
}

export function decodeId(globalId: string, label: 'Cluster' | 'ValueChainStage', argument: string): string {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.label !== label)
    throw new BadInputError(argument, `"${globalId}" is not the global id of a ${label}`);
  return decoded.id;
}

builder.queryField('partnerCandidates', (t) =>
  t.field({
    type: [StagePartnerCandidates],
    nullable: true,
    description:
      'For each gap or weak stage of a cluster (or the stages asked), organisations outside it that could fill it, ranked, with the parts of their score and a sentence why. Null for an unknown cluster. Ranked from the value-chain facts of the whole graph, read once per dataset version and kept with every cluster’s coverage and a stage → providers index: one round trip (the version check), two after a write.',
    args: {
      clusterId: t.arg.id({ required: true, description: 'Global id of the cluster.' }),
      stageIds: t.arg.idList({
        required: false,
        description: 'Global ids of stages; default: its gaps and weak stages.',
      }),
      weights: t.arg({ type: WeighPartnerScoreInput, required: false }),
      outsideRegion: t.arg.string({
        required: false,
        description: 'Only organisations outside this region (NUTS code), e.g. "RO21".',
      }),
      kinds: t.arg({
        type: [OrganisationKind],
        required: false,
        description: 'Only organisations of these kinds.',
      }),
      ...pageArgs(t.arg),
    },
    complexity: pagedComplexity,
    resolve: async (_root, args, ctx) => {
      const window = pageWindow(args);
      const clusterId = decodeId(String(args.clusterId), 'Cluster', 'clusterId');
      const stageIds = args.stageIds?.map((id, i) =>
        decodeId(String(id), 'ValueChainStage', `stageIds.${i}`),
      );
      const weights = weightsOf(args.weights as Record<string, number | null | undefined> | null | undefined);
      const { analysis, stageRows } = await analyticsCacheOf(ctx.db).valueChains();
      const coverage = analysis.coverage(clusterId);
      if (!coverage) return null;
      if (stageIds && stagesAsked(coverage, stageIds).length < new Set(stageIds).size)
        throw new BadInputError('stageIds', 'a stage asked is not in the cluster’s value chains');
      const results = analysis.partnerCandidates(clusterId, {
        stageIds: stageIds ?? null,
        weights,
        outsideRegion: args.outsideRegion ?? null,
        kinds: args.kinds ?? null,
        window,
      });
      return (results ?? []).map((result) => ({
        ...result,
        stageRow: stageRows.get(result.stage.stage.id) as NodeRow<'ValueChainStage'>,
        window,
      }));
    },
  }),
);

builder.queryField('regionValueChain', (t) =>
  t.field({
    type: ValueChainCoverageRef,
    description:
      'How the organisations located in a region (any NUTS level, sub-regions included) cover value chains: each stage with its providers there and a verdict, as for a cluster. By default the chains of the sectors of the clusters located in the region. Computed from the value-chain facts kept per dataset version.',
    args: {
      code: t.arg.string({ required: true, description: 'NUTS code, e.g. "RO21".' }),
      sectorKeys: t.arg.stringList({
        required: false,
        description: 'Keys of the sectors whose chains to cover, e.g. ["sector:textiles-leather"].',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const { analysis, stageRows } = await analyticsCacheOf(ctx.db).valueChains();
      const { ecosystem } = analysis;
      const code = args.code.trim().toUpperCase();
      const known = [...ecosystem.organisations.values()].some((o) => o.regionCode?.startsWith(code));
      if (
        !/^[A-Z]{2}[0-9A-Z]{0,3}$/.test(code) ||
        (!known && ![...ecosystem.clusters.values()].some((c) => c.regionCode?.startsWith(code)))
      )
        throw new BadInputError('code', `no organisation or cluster is located in a region "${args.code}"`);
      const sectorIds =
        args.sectorKeys ??
        [
          ...new Set(
            [...ecosystem.clusters.values()]
              .filter((cluster) => cluster.regionCode?.startsWith(code))
              .flatMap((cluster) => cluster.sectorIds),
          ),
        ].sort();
      for (const [i, key] of sectorIds.entries())
        if (!ecosystem.chains.has(key))
          throw new BadInputError(
            `sectorKeys.${i}`,
            `"${key}" is not the key of a sector with a value chain`,
          );
      return {
        coverage: regionCoverage(ecosystem, code, sectorIds),
        stageRows: stageRows as Map<string, NodeRow<'ValueChainStage'>>,
      };
    },
  }),
);
