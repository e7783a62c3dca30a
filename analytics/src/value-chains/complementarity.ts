import { type StageCoverage, stagesWanting, type ValueChainCoverage } from './coverage.ts';
import type { ClusterFacts, Ecosystem } from './ecosystem.ts';

/** A stage one cluster wants (gap or weak) and the other's members provide. */
export type FilledStage = { stage: StageCoverage; providerIds: string[] };

export type Complementarity = {
  clusterId: string;
  otherId: string;
  /** Stages the cluster wants that the other's members provide. */
  filledByOther: FilledStage[];
  /** Stages the other wants that the cluster's members provide. */
  fillsOther: FilledStage[];
  /** Stages both cover (COVERED or WEAK): possible competition, or joint offers. */
  sharedStageIds: string[];
  /** Organisations members of both. */
  commonMemberIds: string[];
  /** Projects with members of both. */
  sharedProjects: number;
  /** Pairs (member of one, member of the other) that share a project. */
  tiedPairs: number;
  /**
   * 0 to 1: 0.8 × the share of both clusters' wanted stages the other fills, + 0.2 × existing
   * ties (shared projects on a log scale, 10 projects full). Filling each other's gaps is the
   * point; ties make a meeting easy to arrange.
   */
  score: number;
};

const FILL_WEIGHT = 0.8;
const TIE_WEIGHT = 0.2;

type Profile = {
  cluster: ClusterFacts;
  wanted: StageCoverage[];
  /** Provided stage id -> members providing it. */
  provided: Map<string, string[]>;
};

export function profileOf(cluster: ClusterFacts, coverage: ValueChainCoverage): Profile {
  const provided = new Map<string, string[]>();
  for (const chain of coverage.chains)
    for (const stage of chain.stages)
      if (stage.verdict !== 'GAP' && !provided.has(stage.stage.id))
        provided.set(
          stage.stage.id,
          stage.providers.map((provider) => provider.organisation.id),
        );
  return { cluster, wanted: stagesWanting(coverage), provided };
}

/** What one profile's wanted stages find among the other's members. */
function filled(wanting: Profile, providing: Profile): FilledStage[] {
  const providingMembers = new Set(providing.cluster.memberIds);
  return wanting.wanted.flatMap((stage) => {
    const stated = providing.provided.get(stage.stage.id);
    // A weak stage of the other (its single provider, say) still offers someone; a member of both is no news.
    const providerIds = (stated ?? []).filter(
      (id) => providingMembers.has(id) && !wanting.cluster.memberIds.includes(id),
    );
    return providerIds.length > 0 ? [{ stage, providerIds }] : [];
  });
}

/** Project ties between one cluster's members and every other cluster's: shared projects and tied pairs. */
export function tiesFrom(
  ecosystem: Pick<Ecosystem, 'projectsOf' | 'participantsOf' | 'clustersOf'>,
  cluster: ClusterFacts,
): Map<string, { sharedProjects: number; tiedPairs: number }> {
  const members = new Set(cluster.memberIds);
  const projects = new Set(cluster.memberIds.flatMap((id) => ecosystem.projectsOf.get(id) ?? []));
  const projectsWith = new Map<string, Set<string>>();
  const pairsWith = new Map<string, Set<string>>();
  for (const project of projects) {
    const participants = ecosystem.participantsOf.get(project) ?? [];
    const ours = participants.filter((id) => members.has(id));
    for (const participant of participants) {
      if (members.has(participant)) continue;
      for (const other of ecosystem.clustersOf.get(participant) ?? []) {
        if (other === cluster.id) continue;
        const set = projectsWith.get(other) ?? new Set<string>();
        set.add(project);
        projectsWith.set(other, set);
        const pairs = pairsWith.get(other) ?? new Set<string>();
        for (const member of ours) pairs.add(`${member}|${participant}`);
        pairsWith.set(other, pairs);
      }
    }
  }
  const ties = new Map<string, { sharedProjects: number; tiedPairs: number }>();
  for (const [other, set] of projectsWith)
    ties.set(other, { sharedProjects: set.size, tiedPairs: pairsWith.get(other)?.size ?? 0 });
  return ties;
}

/** The complementarity of two profiles, given the ties between their members. */
export function complementarityOf(
  a: Profile,
  b: Profile,
  ties: { sharedProjects: number; tiedPairs: number } = { sharedProjects: 0, tiedPairs: 0 },
): Complementarity {
  const filledByOther = filled(a, b);
  const fillsOther = filled(b, a);
  const wanted = a.wanted.length + b.wanted.length;
  const fillShare = wanted === 0 ? 0 : (filledByOther.length + fillsOther.length) / wanted;
  const tieShare = Math.min(1, Math.log1p(ties.sharedProjects) / Math.log1p(10));
  const bMembers = new Set(b.cluster.memberIds);
  return {
    clusterId: a.cluster.id,
    otherId: b.cluster.id,
    filledByOther,
    fillsOther,
    sharedStageIds: [...a.provided.keys()].filter((id) => b.provided.has(id)),
    commonMemberIds: a.cluster.memberIds.filter((id) => bMembers.has(id)),
    sharedProjects: ties.sharedProjects,
    tiedPairs: ties.tiedPairs,
    score: FILL_WEIGHT * fillShare + TIE_WEIGHT * tieShare,
  };
}

/**
 * One cluster against others (all of the map but itself, or those given), best score first.
 * `coverageOf` gives each cluster's coverage (cached by the caller: one vs all needs them all).
 */
export function complementarityAgainst(
  ecosystem: Pick<Ecosystem, 'projectsOf' | 'participantsOf' | 'clustersOf' | 'clusters'>,
  clusterId: string,
  coverageOf: (cluster: ClusterFacts) => ValueChainCoverage,
  otherIds?: readonly string[],
): Complementarity[] | null {
  const cluster = ecosystem.clusters.get(clusterId);
  if (!cluster) return null;
  const profile = profileOf(cluster, coverageOf(cluster));
  const ties = tiesFrom(ecosystem, cluster);
  const others = otherIds
    ? otherIds.flatMap((id) => {
        const other = ecosystem.clusters.get(id);
        return other ? [other] : [];
      })
    : [...ecosystem.clusters.values()];
  return others
    .filter((other) => other.id !== clusterId)
    .map((other) => complementarityOf(profile, profileOf(other, coverageOf(other)), ties.get(other.id)))
    .sort((x, y) => y.score - x.score || (x.otherId < y.otherId ? -1 : 1));
}
