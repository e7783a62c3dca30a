import Graph from 'graphology';
import { singleSourceLength } from 'graphology-shortest-path/unweighted';
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
 * Distances from a cluster's members to each of `candidateIds` in the organisation-project
 * network, up to MAX_COOPERATION_DISTANCE. The members' neighbourhood (their projects with all
 * participants) is a graphology graph searched breadth-first (graphology-shortest-path) from
 * one source joined to all members: it gives every organisation one hop away. The second hop is
 * read off each candidate's own projects (is a co-participant one hop away?) rather than by
 * adding thousands of candidates' projects to the graph: the same distances, exact up to two
 * hops, at the cost of the members' neighbourhood and the candidates' project lists.
 */
export function cooperationWith(
  ecosystem: Pick<Ecosystem, 'projectsOf' | 'participantsOf'>,
  memberIds: readonly string[],
  candidateIds: Iterable<string>,
): Map<string, Cooperation> {
  const members = new Set(memberIds);
  const graph = new Graph({ type: 'undirected' });
  const source = '\u0000members';
  graph.addNode(source);
  const orgNode = (id: string) => `o:${id}`;
  for (const member of members) {
    graph.mergeNode(orgNode(member));
    graph.addEdge(source, orgNode(member));
  }
  for (const member of members) {
    for (const project of ecosystem.projectsOf.get(member) ?? []) {
      const node = `p:${project}`;
      if (graph.hasNode(node)) continue;
      graph.addNode(node);
      for (const participant of ecosystem.participantsOf.get(project) ?? []) {
        graph.mergeNode(orgNode(participant));
        graph.addEdge(node, orgNode(participant));
      }
    }
  }
  const lengths = singleSourceLength(graph, source);
  /** Organisations one hop from the nearest member: source, member, project, partner is 3 edges. */
  const oneHop = new Set<string>();
  for (const [node, length] of Object.entries(lengths)) if (length === 3) oneHop.add(node.slice(2));

  const result = new Map<string, Cooperation>();
  for (const id of new Set(candidateIds)) {
    if (members.has(id)) continue;
    if (oneHop.has(id)) {
      const met = new Set<string>();
      let sharedProjects = 0;
      for (const project of ecosystem.projectsOf.get(id) ?? []) {
        const withMembers = (ecosystem.participantsOf.get(project) ?? []).filter((p) => members.has(p));
        if (withMembers.length > 0) sharedProjects++;
        for (const member of withMembers) met.add(member);
      }
      result.set(id, { distance: 1, membersMet: met.size, sharedProjects });
      continue;
    }
    const throughPartner = (ecosystem.projectsOf.get(id) ?? []).some((project) =>
      (ecosystem.participantsOf.get(project) ?? []).some((participant) => oneHop.has(participant)),
    );
    if (throughPartner) result.set(id, { distance: 2, membersMet: 0, sharedProjects: 0 });
  }
  return result;
}
