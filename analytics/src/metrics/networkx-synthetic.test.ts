import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { networkFromEdges } from '../test-support/fixtures.ts';
import { computeMetrics } from './registry.ts';

/**
 * A 1,000-node graph and the values networkx gives on it, both written by
 * analytics/reference/networkx_reference.py (`python3 analytics/reference/networkx_reference.py synthetic`).
 */
interface SyntheticReference {
  nodes: string[];
  edges: [string, string, number][];
  expected: {
    degree: Record<string, number>;
    weightedDegree: Record<string, number>;
    componentCount: number;
    componentSizes: number[];
    betweenness: Record<string, number>;
    pagerank: Record<string, number>;
    louvainModularity: number;
  };
}

const reference = JSON.parse(
  readFileSync(new URL('../../reference/synthetic-1000.json', import.meta.url), 'utf8'),
) as SyntheticReference;
const network = networkFromEdges(reference.edges);
const results = computeMetrics(network, [
  'degree',
  'weightedDegree',
  'components',
  'betweenness',
  'pagerank',
  'louvain',
]);

describe('metrics agree with networkx on a 1,000-node synthetic graph', () => {
  it('builds the same graph', () => {
    expect(network.graph.order).toBe(reference.nodes.length);
    expect(network.graph.size).toBe(reference.edges.length);
  });

  it('degree and weighted degree are equal node by node', () => {
    expect(Object.fromEntries(results.degree?.values ?? [])).toEqual(reference.expected.degree);
    expect(Object.fromEntries(results.weightedDegree?.values ?? [])).toEqual(
      reference.expected.weightedDegree,
    );
  });

  it('components are the same', () => {
    expect(results.components?.summary.componentCount).toBe(reference.expected.componentCount);
    const sizes = new Map<number, number>();
    for (const component of results.components?.values.values() ?? [])
      sizes.set(component, (sizes.get(component) ?? 0) + 1);
    expect([...sizes.values()].sort((a, b) => b - a)).toEqual(reference.expected.componentSizes);
  });

  it('exact betweenness equals networkx’s', () => {
    expect(results.betweenness?.summary.exact).toBe(true);
    for (const [node, value] of Object.entries(reference.expected.betweenness)) {
      expect(results.betweenness?.values.get(node), node).toBeCloseTo(value, 10);
    }
  });

  it('weighted PageRank equals networkx’s', () => {
    for (const [node, value] of Object.entries(reference.expected.pagerank)) {
      expect(Math.abs((results.pagerank?.values.get(node) ?? 0) - value), node).toBeLessThan(1e-6);
    }
  });

  it('Louvain modularity is within 0.01 of networkx’s', () => {
    expect(
      Math.abs(Number(results.louvain?.summary.modularity) - reference.expected.louvainModularity),
    ).toBeLessThan(0.01);
  });
});
