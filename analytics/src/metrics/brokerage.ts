import type { CooperationGraph, NetworkNodeAttributes } from '../networks/types.ts';
import type { MetricDefinition, MetricResult } from './types.ts';

export const BROKERAGE_DIMENSIONS = ['CLUSTER', 'REGION', 'KIND'] as const;
export type BrokerageDimension = (typeof BROKERAGE_DIMENSIONS)[number];

export interface BrokerageOptions {
  dimensions: readonly BrokerageDimension[];
  /** How many linked pairs of groups a role lists (all are counted). */
  pairsListed: number;
}

export const BROKERAGE_DEFAULTS: BrokerageOptions = { dimensions: BROKERAGE_DIMENSIONS, pairsListed: 10 };

export interface BrokerRole {
  dimension: BrokerageDimension;
  /** How many pairs of groups the node alone links. */
  pairCount: number;
  /** Up to `pairsListed` of them, sorted. */
  pairs: [string, string][];
}

export interface BrokerageResult extends MetricResult {
  /** Per broker (nodes that link at least one pair), what it links, by dimension. */
  roles: ReadonlyMap<string, BrokerRole[]>;
}

function groupsOf(attributes: NetworkNodeAttributes, dimension: BrokerageDimension): readonly string[] {
  switch (dimension) {
    case 'CLUSTER':
      return attributes.clusterIds;
    case 'REGION':
      return attributes.regionCode === null ? [] : [attributes.regionCode];
    case 'KIND':
      return attributes.organisationKind === null ? [] : [attributes.organisationKind];
  }
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Pairs of groups that only `node` connects, as a broker in the middle of a triad (Gould and
 * Fernandez): the node has partners in both groups, and without the node's own ties and
 * memberships no tie joins a member of one to a member of the other and no organisation is in both.
 */
function linkedPairs(
  graph: CooperationGraph,
  dimension: BrokerageDimension,
): Map<string, [string, string][]> {
  const groups = new Map<string, readonly string[]>();
  graph.forEachNode((node, attributes) => {
    groups.set(node, groupsOf(attributes, dimension));
  });
  const connections = new Map<string, number>();
  const bump = (counts: Map<string, number>, a: string, b: string) => {
    if (a === b) return;
    const key = pairKey(a, b);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const ownPairs = (own: readonly string[], counts: Map<string, number>) => {
    for (let i = 0; i < own.length; i++)
      for (let j = i + 1; j < own.length; j++) bump(counts, own[i] as string, own[j] as string);
  };
  for (const own of groups.values()) ownPairs(own, connections);
  graph.forEachEdge((_edge, _tie, a, b) => {
    for (const groupA of groups.get(a) ?? [])
      for (const groupB of groups.get(b) ?? []) bump(connections, groupA, groupB);
  });

  const linked = new Map<string, [string, string][]>();
  graph.forEachNode((node) => {
    const own = groups.get(node) ?? [];
    const mine = new Map<string, number>();
    ownPairs(own, mine);
    const touched = new Set<string>();
    graph.forEachNeighbor(node, (neighbour) => {
      const theirs = groups.get(neighbour) ?? [];
      for (const group of theirs) touched.add(group);
      for (const groupA of own) for (const groupB of theirs) bump(mine, groupA, groupB);
    });
    if (touched.size < 2) return;
    const sorted = [...touched].sort();
    const pairs: [string, string][] = [];
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const key = pairKey(sorted[i] as string, sorted[j] as string);
        if ((connections.get(key) ?? 0) - (mine.get(key) ?? 0) === 0)
          pairs.push([sorted[i] as string, sorted[j] as string]);
      }
    }
    if (pairs.length > 0) linked.set(node, pairs);
  });
  return linked;
}

export const brokerage: MetricDefinition<BrokerageOptions, BrokerageResult> = {
  id: 'brokerage',
  name: 'Brokerage',
  description:
    'Pairs of clusters, regions or organisation kinds that only this node connects: the number of such pairs, and which.',
  compute(network, options = {}) {
    const { dimensions, pairsListed } = { ...BROKERAGE_DEFAULTS, ...options };
    const values = new Map<string, number>();
    const roles = new Map<string, BrokerRole[]>();
    network.graph.forEachNode((node) => {
      values.set(node, 0);
    });
    for (const dimension of dimensions) {
      for (const [node, pairs] of linkedPairs(network.graph, dimension)) {
        values.set(node, (values.get(node) ?? 0) + pairs.length);
        const nodeRoles = roles.get(node) ?? [];
        nodeRoles.push({ dimension, pairCount: pairs.length, pairs: pairs.slice(0, pairsListed) });
        roles.set(node, nodeRoles);
      }
    }
    return {
      metric: 'brokerage',
      network: network.description,
      parameters: { dimensions: [...dimensions].join(','), pairsListed },
      values,
      summary: { brokerCount: roles.size },
      roles,
    };
  },
};
