import { bidirectional, singleSourceLength } from 'graphology-shortest-path/unweighted';
import type { CooperationGraph, TieAttributes } from './types.ts';

/** Hops from a node to every node it reaches (itself at 0), at most `maxDepth` hops when given. */
export function hopDistances(
  graph: CooperationGraph,
  source: string,
  maxDepth?: number,
): Map<string, number> {
  const lengths = singleSourceLength(graph, source);
  const distances = new Map<string, number>();
  for (const [node, length] of Object.entries(lengths)) {
    if (maxDepth === undefined || length <= maxDepth) distances.set(node, length);
  }
  return distances;
}

export interface EgoNetwork {
  centre: string;
  depth: number;
  /** Nodes by distance, nearest first, heaviest-tied first within a distance; at most `cap`. */
  nodes: { id: string; distance: number }[];
  edges: { source: string; target: string; tie: TieAttributes }[];
  /** How many nodes lie within `depth` before the cap. */
  reachable: number;
  cap: number;
  truncated: boolean;
}

/** The neighbourhood of a node up to `depth` hops (1 or 2), keeping at most `cap` nodes. */
export function egoNetwork(graph: CooperationGraph, centre: string, depth: 1 | 2, cap: number): EgoNetwork {
  const distances = hopDistances(graph, centre, depth);
  const strength = (node: string) => {
    let total = 0;
    graph.forEachEdge(node, (_edge, tie) => {
      total += tie.weight;
    });
    return total;
  };
  const ranked = [...distances]
    .map(([id, distance]) => ({
      id,
      distance,
      strength: id === centre ? Number.POSITIVE_INFINITY : strength(id),
    }))
    .sort((x, y) => x.distance - y.distance || y.strength - x.strength || (x.id < y.id ? -1 : 1));
  const kept = ranked.slice(0, Math.max(1, cap));
  const keptIds = new Set(kept.map((node) => node.id));
  const edges: EgoNetwork['edges'] = [];
  for (const id of keptIds) {
    graph.forEachEdge(id, (_edge, tie, source, target) => {
      const other = source === id ? target : source;
      if (id < other && keptIds.has(other)) edges.push({ source: id, target: other, tie });
    });
  }
  return {
    centre,
    depth,
    nodes: kept.map(({ id, distance }) => ({ id, distance })),
    edges,
    reachable: distances.size,
    cap,
    truncated: distances.size > kept.length,
  };
}

export interface CommonPartner {
  id: string;
  withA: TieAttributes;
  withB: TieAttributes;
}

/** Nodes tied to both a and b, heaviest combined ties first. */
export function commonPartners(graph: CooperationGraph, a: string, b: string): CommonPartner[] {
  const partners: CommonPartner[] = [];
  graph.forEachNeighbor(a, (neighbour) => {
    if (neighbour === b || !graph.hasEdge(neighbour, b)) return;
    partners.push({
      id: neighbour,
      withA: graph.getEdgeAttributes(graph.edge(a, neighbour)),
      withB: graph.getEdgeAttributes(graph.edge(neighbour, b)),
    });
  });
  return partners.sort(
    (x, y) => y.withA.weight + y.withB.weight - (x.withA.weight + x.withB.weight) || (x.id < y.id ? -1 : 1),
  );
}

export interface PathHop {
  from: string;
  to: string;
  /** What the hop is made of: the shared projects, clusters, partnerships. */
  tie: TieAttributes;
}

/** A shortest path in hops between two nodes, each hop with its tie; null when none exists. */
export function cooperationPath(graph: CooperationGraph, from: string, to: string): PathHop[] | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  if (from === to) return [];
  const path = bidirectional(graph, from, to);
  if (!path) return null;
  const hops: PathHop[] = [];
  for (let i = 1; i < path.length; i++) {
    const source = path[i - 1] as string;
    const target = path[i] as string;
    hops.push({ from: source, to: target, tie: graph.getEdgeAttributes(graph.edge(source, target)) });
  }
  return hops;
}
