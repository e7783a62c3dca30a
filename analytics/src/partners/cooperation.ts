import type { Ecosystem } from '../value-chains/ecosystem.ts';

/** What a candidate already shares with a cluster's members. */
export type Cooperation = {
  /** Hops to the nearest member in the co-participation network: 1 shares a project with one. */
  distance: number | null;
  /** Members it shares at least one project with. */
  membersMet: number;
  /** Projects it shares with members. */
  sharedProjects: number;
};

/** How far cooperation is looked for: beyond two hops (a partner's partner) a tie says little. */
export const MAX_COOPERATION_DISTANCE = 2;

/**
 * The organisations one hop from a cluster's members in the organisation-project network (the
 * co-participants of the members' projects), each with the members it met and the projects it
 * shares with them. A breadth-first search from the members stopped at depth one is exactly this
 * set, so it is read off the project lists. Cost: the members' projects and their participants.
 */
export function membersNeighbourhood(
  ecosystem: Pick<Ecosystem, 'projectsOf' | 'participantsOf'>,
  memberIds: readonly string[],
): { members: ReadonlySet<string>; oneHop: ReadonlyMap<string, Cooperation> } {
  const members = new Set(memberIds);
  const met = new Map<string, Set<string>>();
  const shared = new Map<string, number>();
  const projects = new Set<string>();
  for (const member of members)
    for (const project of ecosystem.projectsOf.get(member) ?? []) projects.add(project);
  for (const project of projects) {
    const participants = ecosystem.participantsOf.get(project) ?? [];
    const ours = participants.filter((participant) => members.has(participant));
    for (const participant of participants) {
      if (members.has(participant)) continue;
      shared.set(participant, (shared.get(participant) ?? 0) + 1);
      let set = met.get(participant);
      if (!set) {
        set = new Set();
        met.set(participant, set);
      }
      for (const member of ours) set.add(member);
    }
  }
  const oneHop = new Map<string, Cooperation>();
  for (const [id, sharedProjects] of shared)
    oneHop.set(id, { distance: 1, membersMet: met.get(id)?.size ?? 0, sharedProjects });
  return { members, oneHop };
}

/** Whether an organisation shares a project with one of the organisations one hop from the members. */
export function reachesInTwoHops(
  ecosystem: Pick<Ecosystem, 'projectsOf' | 'participantsOf'>,
  id: string,
  oneHop: ReadonlyMap<string, Cooperation>,
): boolean {
  for (const project of ecosystem.projectsOf.get(id) ?? [])
    for (const participant of ecosystem.participantsOf.get(project) ?? [])
      if (participant !== id && oneHop.has(participant)) return true;
  return false;
}

/**
 * Distances from a cluster's members to each of `candidateIds`, up to MAX_COOPERATION_DISTANCE:
 * one hop from membersNeighbourhood, two hops when a co-participant is one hop away.
 */
export function cooperationWith(
  ecosystem: Pick<Ecosystem, 'projectsOf' | 'participantsOf'>,
  memberIds: readonly string[],
  candidateIds: Iterable<string>,
): Map<string, Cooperation> {
  const { members, oneHop } = membersNeighbourhood(ecosystem, memberIds);
  const result = new Map<string, Cooperation>();
  for (const id of new Set(candidateIds)) {
    if (members.has(id)) continue;
    const near = oneHop.get(id);
    if (near) result.set(id, near);
    else if (reachesInTwoHops(ecosystem, id, oneHop))
      result.set(id, { distance: 2, membersMet: 0, sharedProjects: 0 });
  }
  return result;
}
