import type { Ecosystem } from './ecosystem.ts';
import {
  type ChainFacts,
  isInRegion,
  matchingNaceCode,
  nuts2Of,
  type OrganisationFacts,
  type ScopeFacts,
  type StageFacts,
} from './facts.ts';

export const STAGE_VERDICTS = ['COVERED', 'WEAK', 'GAP'] as const;
export type StageVerdict = (typeof STAGE_VERDICTS)[number];

/** Why a provided stage is only weakly covered; a stage can have several reasons. */
export const WEAK_REASONS = [
  'SINGLE_PROVIDER',
  'OUTSIDE_REGION_ONLY',
  'NACE_ONLY',
  'SYNTHETIC_ONLY',
] as const;
export type WeakReason = (typeof WEAK_REASONS)[number];

export type ProviderVia = 'EXPLICIT' | 'NACE';

export type StageProvider = {
  organisation: OrganisationFacts;
  /** EXPLICIT: a source states it (PROVIDES); NACE: one of its NACE codes falls under the stage's. */
  via: ProviderVia;
  /** The organisation's code that matched, for NACE providers. */
  naceCode: string | null;
  inRegion: boolean;
};

export type StageCoverage = {
  stage: StageFacts;
  position: number;
  providers: StageProvider[];
  verdict: StageVerdict;
  reasons: WeakReason[];
};

export type ChainCoverage = {
  sectorId: string;
  sectorName: string;
  stages: StageCoverage[];
  /** Share of the chain's stages that are COVERED (0 to 1). */
  coveredShare: number;
  /** Share of the chain's stages with at least one provider, weak or not. */
  providedShare: number;
};

export type ValueChainCoverage = {
  scope: ScopeFacts;
  chains: ChainCoverage[];
  /** Over the distinct stages of all chains (a support function shared by two chains counts once). */
  coveredShare: number;
  providedShare: number;
};

/** Who provides `stage` among `organisations`: stated providers first, then NACE matches. */
export function providersOf(
  stage: StageFacts,
  organisations: readonly OrganisationFacts[],
  scopeRegion: string | null,
  /** False where the caller orders them itself (a ranking): sorting thousands by name is not free. */
  sorted = true,
): StageProvider[] {
  const providers: StageProvider[] = [];
  for (const organisation of organisations) {
    const explicit = organisation.providesStageIds.includes(stage.id);
    const naceCode = explicit ? null : matchingNaceCode(organisation.naceCodes, stage.naceCodes);
    if (!explicit && naceCode === null) continue;
    providers.push({
      organisation,
      via: explicit ? 'EXPLICIT' : 'NACE',
      naceCode,
      inRegion: isInRegion(organisation.regionCode, scopeRegion),
    });
  }
  if (!sorted) return providers;
  return providers.sort(
    (a, b) =>
      Number(b.via === 'EXPLICIT') - Number(a.via === 'EXPLICIT') ||
      Number(b.inRegion) - Number(a.inRegion) ||
      byName(a.organisation, b.organisation),
  );
}

const collator = new Intl.Collator('en');

/** Orders organisations by name, then id: a stable order for equal names. */
export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The verdict on a stage from its providers. GAP: none. WEAK: a single provider, providers only
 * outside the scope's region, only NACE-derived evidence, or (for a curated scope) only
 * synthetic providers. COVERED otherwise. A synthetic scope's providers are all synthetic, so
 * synthetic evidence weakens only a curated scope.
 */
export function verdictOf(
  providers: readonly StageProvider[],
  scope: ScopeFacts,
): { verdict: StageVerdict; reasons: WeakReason[] } {
  if (providers.length === 0) return { verdict: 'GAP', reasons: [] };
  const reasons: WeakReason[] = [];
  if (providers.length === 1) reasons.push('SINGLE_PROVIDER');
  if (scope.regionCode !== null && !providers.some((provider) => provider.inRegion))
    reasons.push('OUTSIDE_REGION_ONLY');
  if (!providers.some((provider) => provider.via === 'EXPLICIT')) reasons.push('NACE_ONLY');
  if (!scope.synthetic && providers.every((provider) => provider.organisation.synthetic))
    reasons.push('SYNTHETIC_ONLY');
  return { verdict: reasons.length > 0 ? 'WEAK' : 'COVERED', reasons };
}

const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/**
 * Each stage of each chain with the organisations of the scope that provide it and a verdict,
 * and the coverage of each chain and of them all.
 */
export function valueChainCoverage(input: {
  scope: ScopeFacts;
  chains: readonly ChainFacts[];
  /** The scope's organisations: a cluster's members, or the organisations of a region. */
  organisations: readonly OrganisationFacts[];
}): ValueChainCoverage {
  const { scope, organisations } = input;
  const byStage = new Map<string, StageCoverage>();
  const chains = input.chains.map((chain): ChainCoverage => {
    const stages = chain.stages.map((stage, position): StageCoverage => {
      let coverage = byStage.get(stage.id);
      if (!coverage) {
        const providers = providersOf(stage, organisations, scope.regionCode);
        coverage = { stage, position, providers, ...verdictOf(providers, scope) };
        byStage.set(stage.id, coverage);
      }
      return { ...coverage, position };
    });
    return {
      sectorId: chain.sectorId,
      sectorName: chain.sectorName,
      stages,
      coveredShare: share(stages.filter((s) => s.verdict === 'COVERED').length, stages.length),
      providedShare: share(stages.filter((s) => s.verdict !== 'GAP').length, stages.length),
    };
  });
  const distinct = [...byStage.values()];
  return {
    scope,
    chains,
    coveredShare: share(distinct.filter((s) => s.verdict === 'COVERED').length, distinct.length),
    providedShare: share(distinct.filter((s) => s.verdict !== 'GAP').length, distinct.length),
  };
}

/** The stages of a coverage that want partners: gaps first, then weak stages, in chain order. */
export function stagesWanting(coverage: ValueChainCoverage): StageCoverage[] {
  const seen = new Set<string>();
  const wanted: StageCoverage[] = [];
  for (const chain of coverage.chains) {
    for (const stage of chain.stages) {
      if (stage.verdict === 'COVERED' || seen.has(stage.stage.id)) continue;
      seen.add(stage.stage.id);
      wanted.push(stage);
    }
  }
  return wanted.sort((a, b) => Number(b.verdict === 'GAP') - Number(a.verdict === 'GAP'));
}

/** The chains of `sectorIds`, in the order given, skipping sectors the ecosystem lacks. */
function chainsOf(ecosystem: Ecosystem, sectorIds: readonly string[]): ChainFacts[] {
  return sectorIds.flatMap((id) => {
    const chain = ecosystem.chains.get(id);
    return chain ? [chain] : [];
  });
}

/** A cluster's chains covered by its members; "inside" is the cluster's NUTS 2 region. Null if unknown. */
export function clusterCoverage(ecosystem: Ecosystem, clusterId: string): ValueChainCoverage | null {
  const cluster = ecosystem.clusters.get(clusterId);
  if (!cluster) return null;
  return valueChainCoverage({
    scope: {
      kind: 'CLUSTER',
      id: cluster.id,
      regionCode: cluster.regionCode === null ? null : nuts2Of(cluster.regionCode),
      synthetic: cluster.synthetic,
    },
    chains: chainsOf(ecosystem, cluster.sectorIds),
    organisations: cluster.memberIds.flatMap((id) => {
      const member = ecosystem.organisations.get(id);
      return member ? [member] : [];
    }),
  });
}

/** The chains of `sectorIds` covered by every organisation located in the region `regionCode`. */
export function regionCoverage(
  ecosystem: Ecosystem,
  regionCode: string,
  sectorIds: readonly string[],
  synthetic = false,
): ValueChainCoverage {
  return valueChainCoverage({
    scope: { kind: 'REGION', id: regionCode, regionCode, synthetic },
    chains: chainsOf(ecosystem, sectorIds),
    organisations: [...ecosystem.organisations.values()].filter((organisation) =>
      isInRegion(organisation.regionCode, regionCode),
    ),
  });
}
