import {
  byName,
  clusterCoverage,
  type ProviderVia,
  providersOf,
  type StageCoverage,
  type StageProvider,
  stagesWanting,
  type ValueChainCoverage,
} from '../value-chains/coverage.ts';
import type { ClusterFacts, Ecosystem } from '../value-chains/ecosystem.ts';
import {
  isInRegion,
  matchingNaceCode,
  nuts2Of,
  type OrganisationFacts,
  type StageFacts,
} from '../value-chains/facts.ts';
import { type Cooperation, membersNeighbourhood, reachesInTwoHops } from './cooperation.ts';
import { PROXIMITY_SCORES, type Proximity, proximityOf } from './geography.ts';

/** The parts of a candidate's score, each from 0 to 1. */
export type ScoreParts = {
  /** 1 when a source states it provides the stage, 0.6 when only its NACE codes say so. */
  stageFit: number;
  /** 1 same NUTS 3, 0.8 same NUTS 2, 0.6 same country, 0.4 neighbouring country, 0.2 EU/EEA, 0 beyond. */
  geography: number;
  /** 0.6 to 1 sharing projects with members (more members and projects: more), 0.3 two hops away, 0 none. */
  cooperation: number;
  /** Projects taken part in and co-participations, each on a log scale, averaged. */
  experience: number;
  /** How well its kind suits the stage: research wants research bodies, production wants companies. */
  kindFit: number;
  /** 1 in no cluster, 0.7 member of another cluster, 0.4 member of a competing one (same sector). */
  availability: number;
};
export type ScoreWeights = ScoreParts;
export const SCORE_PARTS = [
  'stageFit',
  'geography',
  'cooperation',
  'experience',
  'kindFit',
  'availability',
] as const;

/**
 * Defaults an agency looking for missing links would start from: doing the job weighs most,
 * then being near and already knowing the members, then the rest. Weights are relative: they
 * are divided by their sum, so { stageFit: 3, geography: 1 } means three to one.
 */
export const DEFAULT_WEIGHTS: ScoreWeights = {
  stageFit: 0.3,
  geography: 0.2,
  cooperation: 0.2,
  experience: 0.1,
  kindFit: 0.1,
  availability: 0.1,
};

export type OtherCluster = { id: string; name: string; competing: boolean };

export type PartnerCandidate = {
  organisation: OrganisationFacts;
  via: ProviderVia;
  naceCode: string | null;
  score: number;
  parts: ScoreParts;
  proximity: Proximity;
  cooperation: Cooperation;
  projects: number;
  otherClusters: OtherCluster[];
  /** One sentence: why this organisation, part by part. */
  reason: string;
};

export type CandidateOptions = {
  weights?: Partial<ScoreWeights>;
  /** Only organisations outside this region (NUTS code prefix): "outside RO21 only". */
  outsideRegion?: string | null;
  /** Only organisations of these kinds. */
  kinds?: readonly string[] | null;
};

/** Which of a stage's ranked candidates to return (with their sentences): by default the top 20. */
export type CandidateWindow = { offset: number; limit: number };

export type StageCandidates = {
  stage: StageCoverage;
  /** Candidates in the window asked, best first. */
  candidates: PartnerCandidate[];
  /** Candidates for the stage after the filters, before the window. */
  totalCount: number;
};

/** Weights completed with the defaults and divided by their sum; throws naming a bad part. */
export function normaliseWeights(weights: Partial<ScoreWeights> = {}): ScoreWeights {
  const merged = { ...DEFAULT_WEIGHTS, ...weights };
  for (const part of SCORE_PARTS) {
    const value = merged[part];
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`weight ${part} must be a number ≥ 0, got ${value}`);
  }
  const sum = SCORE_PARTS.reduce((total, part) => total + merged[part], 0);
  if (sum === 0) throw new RangeError('at least one weight must be above 0');
  return Object.fromEntries(SCORE_PARTS.map((part) => [part, merged[part] / sum])) as ScoreWeights;
}

type StageRole = 'RESEARCH' | 'TRAINING' | 'FINANCE' | 'BUSINESS_SUPPORT' | 'PRODUCTION';

/** What a stage asks of its providers, from its NACE divisions (72 research, 85 education, 64-66 finance). */
export function roleOf(stage: StageFacts): StageRole {
  const divisions = new Set(stage.naceCodes.map((code) => code.slice(0, 2)));
  if (divisions.has('72')) return 'RESEARCH';
  if (divisions.has('85')) return 'TRAINING';
  if (divisions.has('64') || divisions.has('65') || divisions.has('66')) return 'FINANCE';
  if (stage.kind === 'SUPPORT') return 'BUSINESS_SUPPORT';
  return 'PRODUCTION';
}

const KIND_FIT: Record<StageRole, Readonly<Record<string, number>>> = {
  RESEARCH: { UNIVERSITY: 1, RESEARCH_INSTITUTE: 1, LARGE_COMPANY: 0.6, SME: 0.3 },
  TRAINING: { UNIVERSITY: 1, BUSINESS_SUPPORT: 0.7, NGO: 0.7, CHAMBER: 0.6, RESEARCH_INSTITUTE: 0.5 },
  FINANCE: { SME: 1, LARGE_COMPANY: 1, BUSINESS_SUPPORT: 0.8, DEVELOPMENT_AGENCY: 0.8 },
  BUSINESS_SUPPORT: {
    BUSINESS_SUPPORT: 1,
    CHAMBER: 1,
    DEVELOPMENT_AGENCY: 1,
    CLUSTER_ORGANISATION: 0.8,
    PUBLIC_AUTHORITY: 0.7,
    NGO: 0.6,
  },
  PRODUCTION: { SME: 1, LARGE_COMPANY: 1, RESEARCH_INSTITUTE: 0.5, UNIVERSITY: 0.4 },
};
const OTHER_KIND_FIT = 0.2;

const ROLE_WORDS: Record<StageRole, string> = {
  RESEARCH: 'a research stage',
  TRAINING: 'a training stage',
  FINANCE: 'a finance stage',
  BUSINESS_SUPPORT: 'a business-support stage',
  PRODUCTION: 'a production stage',
};

const logScale = (value: number, full: number) => Math.min(1, Math.log1p(value) / Math.log1p(full));

function cooperationScore(cooperation: Cooperation): number {
  if (cooperation.distance === 1)
    return (
      0.6 + 0.2 * logScale(cooperation.membersMet - 1, 4) + 0.2 * logScale(cooperation.sharedProjects - 1, 4)
    );
  return cooperation.distance === 2 ? 0.3 : 0;
}

const PROXIMITY_WORDS: Record<Proximity, (candidate: OrganisationFacts, home: string) => string> = {
  SAME_NUTS3: (c) => `in ${c.regionCode} like the cluster`,
  SAME_NUTS2: (_c, home) => `in ${home} like the cluster`,
  SAME_COUNTRY: (c) =>
    `in ${c.country ?? c.regionCode?.slice(0, 2)} like the cluster, another region (${c.regionCode ?? 'unknown'})`,
  NEIGHBOURING_COUNTRY: (c) => `in a neighbouring country (${c.country})`,
  EU_EEA: (c) => `elsewhere in the EU/EEA (${c.country})`,
  FAR: (c) => `outside the EU/EEA (${c.country ?? 'country unknown'})`,
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function reasonOf(candidate: PartnerCandidate, stage: StageFacts, home: string): string {
  const { organisation, cooperation } = candidate;
  const provides =
    candidate.via === 'EXPLICIT'
      ? `provides ${stage.name} (stated)`
      : `provides ${stage.name} (NACE ${candidate.naceCode})`;
  const ties =
    cooperation.distance === 1
      ? `already co-participates with ${plural(cooperation.membersMet, 'member')} in ${plural(cooperation.sharedProjects, 'project')}`
      : cooperation.distance === 2
        ? 'a partner of members’ partners (2 hops)'
        : 'no project with members yet';
  const role = roleOf(stage);
  const kind = organisation.kind.toLowerCase().replaceAll('_', ' ');
  const fit =
    candidate.parts.kindFit >= 0.9
      ? `a ${kind}, as ${ROLE_WORDS[role]} wants`
      : `a ${kind} for ${ROLE_WORDS[role]}`;
  const competing = candidate.otherClusters.filter((c) => c.competing);
  const clusters =
    candidate.otherClusters.length === 0
      ? 'not a member of any cluster'
      : competing.length > 0
        ? `member of a competing cluster (${competing.map((c) => c.name).join(', ')})`
        : `member of ${candidate.otherClusters.map((c) => c.name).join(', ')}, not a competing cluster`;
  return [
    provides,
    PROXIMITY_WORDS[candidate.proximity](organisation, home),
    ties,
    `${plural(candidate.projects, 'project')}`,
    fit,
    clusters,
  ].join('; ');
}

/** A possible provider of a stage, as the stage index holds it: how it provides the stage. */
export type IndexedProvider = Pick<StageProvider, 'organisation' | 'via' | 'naceCode'>;

const NO_TIES: Cooperation = { distance: null, membersMet: 0, sharedProjects: 0 };

export type SearchInput = {
  cluster: ClusterFacts;
  /** The wanted stages' coverage by the cluster (gaps and weak stages, or those asked). */
  stages: readonly StageCoverage[];
  /** Organisations that may provide them (members are left out here). */
  organisations: Iterable<OrganisationFacts>;
  /** When given, the stage's providers among all organisations (a stage index): `organisations` is then unused. */
  providersOf?: (stage: StageCoverage) => Iterable<IndexedProvider>;
  /** The clusters candidates are members of, with their sectors. */
  clusters: ReadonlyMap<string, ClusterFacts>;
  clustersOf: ReadonlyMap<string, readonly string[]>;
  /** Who took part in which project: the network cooperation is measured in. */
  network: Pick<Ecosystem, 'projectsOf' | 'participantsOf'>;
  options?: CandidateOptions & { window?: CandidateWindow };
};

/** The k-th largest of `values` (k from 1), or -Infinity when there are fewer. */
function kthLargest(values: Float64Array, k: number): number {
  if (k > values.length || k < 1) return Number.NEGATIVE_INFINITY;
  return Float64Array.from(values).sort()[values.length - k] as number;
}

/** The cooperation part for an organisation two hops away (a partner of members' partners). */
const TWO_HOP_SCORE = cooperationScore({ distance: 2, membersMet: 0, sharedProjects: 0 });
/** Bounds compared with a margin: scores are sums of a few products, rounding must not lose a tie. */
const EPSILON = 1e-9;

/**
 * Ranks each stage's providers outside the cluster and returns the window asked, with the parts
 * of each score and a sentence why. A stage can have thousands of providers (11,000 at tier L),
 * so the work is bounded by what can reach the window: every provider gets its score from the
 * parts that are arrays lookups (stage fit, geography, experience, kind, availability) and the
 * organisations one hop from the members get their exact cooperation; a provider that even two
 * hops away (the best it can still be) stays below the window's last score is only counted. Only
 * the others are checked for two hops, and only those reaching the window are ordered by name
 * among equal scores and given a sentence.
 */
export function rankPartnerCandidates(input: SearchInput): StageCandidates[] {
  const { cluster, clusters, clustersOf, network } = input;
  const options = input.options ?? {};
  const weights = normaliseWeights(options.weights);
  const window = options.window ?? { offset: 0, limit: 20 };
  const reach = window.offset + window.limit;
  const organisations = [...input.organisations];
  const countries = organisations.filter((o) => cluster.memberIds.includes(o.id)).map((o) => o.country);
  const home = {
    regionCode: cluster.regionCode,
    country: cluster.regionCode ? null : (countries.find((c) => c) ?? null),
  };
  const homeName = cluster.regionCode ? nuts2Of(cluster.regionCode) : 'the cluster’s region';
  const sectors = new Set(cluster.sectorIds);
  const members = new Set(cluster.memberIds);
  const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
  const { oneHop } = membersNeighbourhood(network, cluster.memberIds);
  const twoHops = new Map<string, boolean>();
  const reachesTwoHops = (id: string) => {
    let reaches = twoHops.get(id);
    if (reaches === undefined) {
      reaches = reachesInTwoHops(network, id, oneHop);
      twoHops.set(id, reaches);
    }
    return reaches;
  };
  const availabilityOf = (organisation: OrganisationFacts) => {
    let other = false;
    for (const id of clustersOf.get(organisation.id) ?? []) {
      const found = clusters.get(id);
      if (!found || found.id === cluster.id) continue;
      if (found.sectorIds.some((sector) => sectors.has(sector))) return 0.4;
      other = true;
    }
    return other ? 0.7 : 1;
  };
  const otherClustersOf = (organisation: OrganisationFacts): OtherCluster[] =>
    (clustersOf.get(organisation.id) ?? []).flatMap((id) => {
      const other = clusters.get(id);
      if (!other || other.id === cluster.id) return [];
      return [{ id, name: other.name, competing: other.sectorIds.some((sector) => sectors.has(sector)) }];
    });

  return input.stages.map((stage): StageCandidates => {
    const role = roleOf(stage.stage);
    const kindFit = KIND_FIT[role];
    const providers: IndexedProvider[] = [];
    for (const provider of input.providersOf
      ? input.providersOf(stage)
      : providersOf(stage.stage, organisations, cluster.regionCode, false)) {
      const { organisation } = provider;
      if (members.has(organisation.id)) continue;
      if (kinds !== null && !kinds.has(organisation.kind)) continue;
      if (options.outsideRegion && isInRegion(organisation.regionCode, options.outsideRegion)) continue;
      providers.push(provider);
    }
    // Scores without cooperation, and the lower bound with what is known of it (one hop: exact).
    const base = new Float64Array(providers.length);
    const known = new Float64Array(providers.length);
    for (const [i, { organisation, via }] of providers.entries()) {
      const score =
        weights.stageFit * (via === 'EXPLICIT' ? 1 : 0.6) +
        weights.geography * PROXIMITY_SCORES[proximityOf(organisation, home)] +
        weights.experience *
          (0.5 * logScale(organisation.projectCount, 20) +
            0.5 * logScale(organisation.coParticipations, 100)) +
        weights.kindFit * (kindFit[organisation.kind] ?? OTHER_KIND_FIT) +
        weights.availability * availabilityOf(organisation);
      base[i] = score;
      const near = oneHop.get(organisation.id);
      known[i] = near ? score + weights.cooperation * cooperationScore(near) : score;
    }
    const floor = kthLargest(known, reach) - EPSILON;
    const candidates: PartnerCandidate[] = [];
    for (const [i, provider] of providers.entries()) {
      const { organisation } = provider;
      const near = oneHop.get(organisation.id);
      if (!near && (base[i] as number) + weights.cooperation * TWO_HOP_SCORE < floor) continue;
      if (near && (known[i] as number) < floor) continue;
      const cooperation =
        near ??
        (reachesTwoHops(organisation.id) ? { distance: 2, membersMet: 0, sharedProjects: 0 } : NO_TIES);
      const otherClusters = otherClustersOf(organisation);
      const proximity = proximityOf(organisation, home);
      const parts: ScoreParts = {
        stageFit: provider.via === 'EXPLICIT' ? 1 : 0.6,
        geography: PROXIMITY_SCORES[proximity],
        cooperation: cooperationScore(cooperation),
        experience:
          0.5 * logScale(organisation.projectCount, 20) + 0.5 * logScale(organisation.coParticipations, 100),
        kindFit: kindFit[organisation.kind] ?? OTHER_KIND_FIT,
        availability:
          otherClusters.length === 0 ? 1 : otherClusters.some((other) => other.competing) ? 0.4 : 0.7,
      };
      candidates.push({
        organisation,
        via: provider.via,
        naceCode: provider.naceCode,
        score: scoreOf(parts, weights),
        parts,
        proximity,
        cooperation,
        projects: organisation.projectCount,
        otherClusters,
        reason: '',
      });
    }
    // Names order only equal scores: sort by score, then by name the few that reach the window.
    const last = kthLargest(
      Float64Array.from(candidates, (candidate) => candidate.score),
      reach,
    );
    const page = candidates
      .filter((candidate) => candidate.score >= last - EPSILON)
      .sort((a, b) => b.score - a.score || byName(a.organisation, b.organisation))
      .slice(window.offset, reach);
    // Sentences only for the page returned.
    for (const candidate of page) candidate.reason = reasonOf(candidate, stage.stage, homeName);
    return { stage, candidates: page, totalCount: providers.length };
  });
}

function scoreOf(parts: ScoreParts, weights: ScoreWeights): number {
  return SCORE_PARTS.reduce((sum, part) => sum + weights[part] * parts[part], 0);
}

/**
 * For each gap or weak stage of a cluster (or only `stageIds`), the organisations outside it that
 * could fill it, best first, each with the parts of its score and a sentence saying why. Null
 * when the ecosystem has no such cluster.
 */
export function partnerCandidates(
  ecosystem: Ecosystem,
  clusterId: string,
  options: CandidateOptions & { stageIds?: readonly string[] | null; window?: CandidateWindow } = {},
): StageCandidates[] | null {
  const cluster = ecosystem.clusters.get(clusterId);
  const coverage = clusterCoverage(ecosystem, clusterId);
  if (!cluster || !coverage) return null;
  const stages = options.stageIds ? stagesAsked(coverage, options.stageIds) : stagesWanting(coverage);
  return rankPartnerCandidates({
    cluster,
    stages,
    organisations: [],
    providersOf: (stage) => stageIndexOf(ecosystem).get(stage.stage.id) ?? [],
    clusters: ecosystem.clusters,
    clustersOf: ecosystem.clustersOf,
    network: ecosystem,
    options,
  });
}

const stageIndexes = new WeakMap<Ecosystem, Map<string, IndexedProvider[]>>();

/**
 * Every stage's possible providers in an ecosystem (stated, or by NACE code, saying which), built
 * once per ecosystem and kept while it lives: a search then reads only a stage's providers, not
 * every organisation (100,000 at tier L). Stages are found by code prefix: each prefix of an
 * organisation's code that matchingNaceCode would accept is looked up among the stages' codes.
 */
export function stageIndexOf(ecosystem: Ecosystem): Map<string, IndexedProvider[]> {
  let index = stageIndexes.get(ecosystem);
  if (index) return index;
  const built = new Map<string, IndexedProvider[]>();
  const stagesByCode = new Map<string, StageFacts[]>();
  for (const chain of ecosystem.chains.values())
    for (const stage of chain.stages) {
      if (built.has(stage.id)) continue;
      built.set(stage.id, []);
      for (const code of stage.naceCodes) stagesByCode.set(code, [...(stagesByCode.get(code) ?? []), stage]);
    }
  for (const organisation of ecosystem.organisations.values()) {
    const found = new Map<string, IndexedProvider>();
    for (const stageId of organisation.providesStageIds)
      if (built.has(stageId)) found.set(stageId, { organisation, via: 'EXPLICIT', naceCode: null });
    for (const code of organisation.naceCodes) {
      for (let length = 1; length <= code.length; length++) {
        const prefix = code.slice(0, length);
        const stages = stagesByCode.get(prefix);
        if (!stages || matchingNaceCode([code], [prefix]) === null) continue;
        for (const stage of stages)
          if (!found.has(stage.id))
            found.set(stage.id, {
              organisation,
              via: 'NACE',
              naceCode: matchingNaceCode(organisation.naceCodes, stage.naceCodes),
            });
      }
    }
    for (const [stageId, provider] of found) built.get(stageId)?.push(provider);
  }
  index = built;
  stageIndexes.set(ecosystem, index);
  return index;
}

/** The coverage of each stage asked, once each, in chain order. */
export function stagesAsked(coverage: ValueChainCoverage, stageIds: readonly string[]): StageCoverage[] {
  const asked = new Set(stageIds);
  const found = new Map<string, StageCoverage>();
  for (const chain of coverage.chains)
    for (const stage of chain.stages)
      if (asked.has(stage.stage.id) && !found.has(stage.stage.id)) found.set(stage.stage.id, stage);
  return [...found.values()];
}
