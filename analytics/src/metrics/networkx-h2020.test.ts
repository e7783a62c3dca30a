import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork } from '../networks/build.ts';
import { h2020CooperationData } from '../networks/h2020-file.ts';
import type { Network } from '../networks/types.ts';
import { computeMetrics, type MetricResults } from './registry.ts';

/**
 * The real H2020 co-participation network (shared/datasets beside the clone) against the values
 * networkx and igraph give, written by analytics/reference/networkx_reference.py into h2020.json.
 * Building it and its metrics takes tens of seconds on a busy machine.
 */
interface H2020Reference {
  nodeCount: number;
  edgeCount: number;
  totalWeight: number;
  componentCount: number;
  giantComponentSize: number;
  componentSizeCounts: Record<string, number>;
  degreeDigest: string;
  componentDigest: string;
  topDegree: { id: string; value: number }[];
  louvain: { modularity: number };
  betweenness: { top30: { id: string; value: number }[] };
}

const reference = JSON.parse(
  readFileSync(new URL('../../reference/h2020.json', import.meta.url), 'utf8'),
) as H2020Reference;
const file = new URL('../../../../shared/datasets/h2020-participations.csv.gz', import.meta.url);

function digest(network: Network, labelOf: (node: string) => string): string {
  const lines = network.graph
    .nodes()
    .sort()
    .map((node) => `${node}:${labelOf(node)}\n`)
    .join('');
  return createHash('sha256').update(lines).digest('hex');
}

let network: Network;
let results: MetricResults;

beforeAll(() => {
  network = buildNetwork(h2020CooperationData(gunzipSync(readFileSync(file)).toString('utf8')));
  results = computeMetrics(network, ['degree', 'components', 'louvain', 'betweenness']);
}, 600_000);

describe('the H2020 network agrees with networkx', () => {
  it('has the same organisations, ties and weights', () => {
    expect(network.graph.order).toBe(reference.nodeCount);
    expect(network.graph.size).toBe(reference.edgeCount);
    let weight = 0;
    network.graph.forEachEdge((_edge, tie) => {
      weight += tie.weight;
    });
    expect(weight).toBe(reference.totalWeight);
  });

  it('has networkx’s degree on every node', () => {
    expect(digest(network, (node) => String(results.degree?.values.get(node)))).toBe(reference.degreeDigest);
    expect(results.degree?.values.get('999984059')).toBe(6_825);
    expect(results.degree?.summary.max).toBe(reference.topDegree[0]?.value);
  });

  it('has networkx’s components', () => {
    expect(results.components?.summary).toEqual({
      componentCount: reference.componentCount,
      giantComponentSize: reference.giantComponentSize,
    });
    // The same partition: each node labelled with the smallest id of its component.
    const smallest = new Map<number, string>();
    for (const [node, component] of results.components?.values ?? []) {
      const current = smallest.get(component);
      if (current === undefined || node < current) smallest.set(component, node);
    }
    const values = results.components?.values;
    expect(digest(network, (node) => smallest.get(values?.get(node) ?? -1) ?? '')).toBe(
      reference.componentDigest,
    );
  });

  it('finds communities whose modularity is within 0.01 of networkx’s Louvain', () => {
    expect(Math.abs(Number(results.louvain?.summary.modularity) - reference.louvain.modularity)).toBeLessThan(
      0.01,
    );
  });

  it('puts at least 18 of the exact top 20 brokers in its sampled top 30', () => {
    expect(results.betweenness?.summary.exact).toBe(false);
    const sampledTop30 = new Set(
      [...(results.betweenness?.values ?? [])]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 30)
        .map(([node]) => node),
    );
    const exactTop20 = reference.betweenness.top30.slice(0, 20).map((entry) => entry.id);
    expect(exactTop20.filter((node) => sampledTop30.has(node)).length).toBeGreaterThanOrEqual(18);
  });
});
