import {
  type Complementarity,
  complementarityOf,
  profileOf,
  tiesFrom,
} from '../value-chains/complementarity.ts';
import { clusterCoverage, stagesWanting, type ValueChainCoverage } from '../value-chains/coverage.ts';
import type { ClusterFacts, Ecosystem } from '../value-chains/ecosystem.ts';
import {
  type CandidateOptions,
  type CandidateWindow,
  rankPartnerCandidates,
  type StageCandidates,
  stageIndexOf,
  stagesAsked,
} from './candidates.ts';

type Profile = ReturnType<typeof profileOf>;

/**
 * The value-chain analyses of one ecosystem, with what they share computed once and kept: each
 * cluster's coverage and profile (what it wants, what it provides), and the stage → providers
 * index. A server keeps one per dataset version, so a request pays only for its own ranking;
 * `warm()` computes the shared parts up front (what an uncached request would pay).
 */
export class EcosystemAnalysis {
  readonly #coverages = new Map<string, ValueChainCoverage | null>();
  readonly #profiles = new Map<string, Profile>();

  constructor(readonly ecosystem: Ecosystem) {}

  /** Builds the stage index and every cluster's coverage and profile. */
  warm(): this {
    stageIndexOf(this.ecosystem);
    for (const cluster of this.ecosystem.clusters.values()) this.#profile(cluster);
    return this;
  }

  coverage(clusterId: string): ValueChainCoverage | null {
    if (!this.#coverages.has(clusterId))
      this.#coverages.set(clusterId, clusterCoverage(this.ecosystem, clusterId));
    return this.#coverages.get(clusterId) ?? null;
  }

  #profile(cluster: ClusterFacts): Profile {
    let profile = this.#profiles.get(cluster.id);
    if (!profile) {
      profile = profileOf(cluster, this.coverage(cluster.id) as ValueChainCoverage);
      this.#profiles.set(cluster.id, profile);
    }
    return profile;
  }

  /** The stages asked (or the gaps and weak stages) with ranked candidates; null for an unknown cluster. */
  partnerCandidates(
    clusterId: string,
    options: CandidateOptions & { stageIds?: readonly string[] | null; window?: CandidateWindow } = {},
  ): StageCandidates[] | null {
    const cluster = this.ecosystem.clusters.get(clusterId);
    const coverage = this.coverage(clusterId);
    if (!cluster || !coverage) return null;
    const stages = options.stageIds ? stagesAsked(coverage, options.stageIds) : stagesWanting(coverage);
    const index = stageIndexOf(this.ecosystem);
    return rankPartnerCandidates({
      cluster,
      stages,
      organisations: [],
      providersOf: (stage) => index.get(stage.stage.id) ?? [],
      clusters: this.ecosystem.clusters,
      clustersOf: this.ecosystem.clustersOf,
      network: this.ecosystem,
      options,
    });
  }

  /**
   * A cluster against others (those given, or all but itself), best score first; null for an
   * unknown cluster. Unknown others are left out.
   */
  complementarity(clusterId: string, otherIds?: readonly string[]): Complementarity[] | null {
    const cluster = this.ecosystem.clusters.get(clusterId);
    if (!cluster) return null;
    const profile = this.#profile(cluster);
    const ties = tiesFrom(this.ecosystem, cluster);
    const others = otherIds
      ? otherIds.flatMap((id) => {
          const other = this.ecosystem.clusters.get(id);
          return other ? [other] : [];
        })
      : [...this.ecosystem.clusters.values()];
    return others
      .filter((other) => other.id !== clusterId)
      .map((other) => complementarityOf(profile, this.#profile(other), ties.get(other.id)))
      .sort((x, y) => y.score - x.score || (x.otherId < y.otherId ? -1 : 1));
  }
}
