import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../networks/build.ts';
import { networkFromEdges, smallEcosystem } from '../test-support/fixtures.ts';
import { betweenness, sampledBetweenness } from './betweenness.ts';
import { brokerage } from './brokerage.ts';
import { components } from './components.ts';
import { degree } from './degree.ts';
import { louvain } from './louvain.ts';
import { pagerank } from './pagerank.ts';
import { computeMetrics, METRICS } from './registry.ts';
import { METRIC_IDS } from './types.ts';
import { weightedDegree } from './weighted-degree.ts';

const twoCliques = networkFromEdges([
  ...[
    ['a1', 'a2'],
    ['a1', 'a3'],
    ['a1', 'a4'],
    ['a2', 'a3'],
    ['a2', 'a4'],
    ['a3', 'a4'],
  ],
  ...[
    ['b1', 'b2'],
    ['b1', 'b3'],
    ['b1', 'b4'],
    ['b2', 'b3'],
    ['b2', 'b4'],
    ['b3', 'b4'],
  ],
  ['a1', 'b1'],
] as [string, string][]);

describe('metrics on hand-made graphs', () => {
  it('degree and weighted degree count partners and shared projects', () => {
    const network = buildNetwork(smallEcosystem);
    expect(Object.fromEntries(degree.compute(network).values)).toEqual({
      A: 2,
      B: 2,
      C: 3,
      D: 3,
      E: 2,
      F: 2,
    });
    expect(Object.fromEntries(weightedDegree.compute(network).values)).toEqual({
      A: 3,
      B: 3,
      C: 3,
      D: 3,
      E: 2,
      F: 2,
    });
  });

  it('betweenness: the middle of a path and the centre of a star lie on every path', () => {
    const path = betweenness.compute(
      networkFromEdges([
        ['x', 'y'],
        ['y', 'z'],
      ]),
    );
    expect(Object.fromEntries(path.values)).toEqual({ x: 0, y: 1, z: 0 });
    expect(path.summary).toEqual({ exact: true, samples: 3 });
    const star = networkFromEdges([
      ['c', 'l1'],
      ['c', 'l2'],
      ['c', 'l3'],
      ['c', 'l4', 5],
    ]);
    expect(betweenness.compute(star).values.get('c')).toBe(1);
  });

  it('sampled betweenness with every node as a source is exact, and the same seed gives the same answer', () => {
    const exact = betweenness.compute(twoCliques).values;
    const sampled = betweenness.compute(twoCliques, { exactBelow: 0, samples: 8 });
    expect(sampled.summary).toEqual({ exact: false, samples: 8 });
    for (const [node, value] of exact) expect(sampled.values.get(node)).toBeCloseTo(value, 12);
    const once = sampledBetweenness(twoCliques.graph, 3, 7);
    expect(sampledBetweenness(twoCliques.graph, 3, 7)).toEqual(once);
    expect(sampledBetweenness(twoCliques.graph, 3, 8)).not.toEqual(once);
  });

  it('Louvain finds the two cliques with their modularity', () => {
    const result = louvain.compute(twoCliques);
    expect(result.summary.communityCount).toBe(2);
    // m = 13, each clique: 6 internal ties, degree sum 13: Q = 2 (6/13 - (13/26)^2).
    expect(result.summary.modularity).toBeCloseTo(2 * (6 / 13 - 0.25), 10);
    expect(result.values.get('a2')).toBe(result.values.get('a4'));
    expect(result.values.get('a2')).not.toBe(result.values.get('b2'));
  });

  it('components are numbered from the largest', () => {
    const result = components.compute(
      networkFromEdges(
        [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['d', 'e'],
        ],
        { lone: {} },
      ),
    );
    expect(result.summary).toEqual({ componentCount: 3, giantComponentSize: 3 });
    expect(Object.fromEntries(result.values)).toEqual({ a: 0, b: 0, c: 0, d: 1, e: 1, lone: 2 });
  });

  it('PageRank is uniform on a cycle', () => {
    const result = pagerank.compute(
      networkFromEdges([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
        ['d', 'a'],
      ]),
    );
    for (const value of result.values.values()) expect(value).toBeCloseTo(0.25, 9);
  });

  it('brokerage names the groups only a node connects', () => {
    const regions = {
      x: { kind: 'SME', regionCode: 'R0' },
      l1: { regionCode: 'R1' },
      l2: { regionCode: 'R2' },
    };
    const star = brokerage.compute(
      networkFromEdges(
        [
          ['x', 'l1'],
          ['x', 'l2'],
        ],
        regions,
      ),
      { dimensions: ['REGION'] },
    );
    expect(star.roles.get('x')).toEqual([{ dimension: 'REGION', pairCount: 1, pairs: [['R1', 'R2']] }]);
    expect(star.values.get('l1')).toBe(0);
    // Once l1 and l2 work together, R1 and R2 meet without x; x still alone ties each to R3.
    const withPartners = { ...regions, l3: { regionCode: 'R3' } };
    const fan = brokerage.compute(
      networkFromEdges(
        [
          ['x', 'l1'],
          ['x', 'l2'],
          ['x', 'l3'],
          ['l1', 'l2'],
        ],
        withPartners,
      ),
      { dimensions: ['REGION'] },
    );
    expect(fan.roles.get('x')?.[0]?.pairs).toEqual([
      ['R1', 'R3'],
      ['R2', 'R3'],
    ]);
    expect(fan.roles.has('l1')).toBe(false);
  });

  it('brokerage by kind and cluster on the small ecosystem', () => {
    const result = brokerage.compute(buildNetwork(smallEcosystem), { dimensions: ['KIND', 'CLUSTER'] });
    // C alone ties the university A to the research institute D, and cluster C1 (A, B) to C2.
    expect(result.roles.get('C')).toEqual([
      { dimension: 'KIND', pairCount: 1, pairs: [['RESEARCH_INSTITUTE', 'UNIVERSITY']] },
      { dimension: 'CLUSTER', pairCount: 1, pairs: [['C1', 'C2']] },
    ]);
    // D's partners C (SME) and E (company) also meet through E and F.
    expect(result.roles.has('D')).toBe(false);
  });
});

describe('the registry', () => {
  it('has one definition per metric id and states the network on every result', () => {
    expect(Object.keys(METRICS).sort()).toEqual([...METRIC_IDS].sort());
    const network = buildNetwork(smallEcosystem, { minWeight: 1 });
    const results = computeMetrics(network, METRIC_IDS);
    for (const id of METRIC_IDS) {
      expect(results[id]?.metric).toBe(id);
      expect(results[id]?.network).toBe(network.description);
      expect(results[id]?.values.size).toBe(network.graph.order);
    }
  });

  it('copes with a network without ties', () => {
    const network = buildNetwork(smallEcosystem, { sectorCode: 'ICT' });
    const results = computeMetrics(network, METRIC_IDS);
    expect(results.louvain?.summary).toEqual({ modularity: 0, communityCount: 1 });
    expect(results.components?.summary.componentCount).toBe(1);
  });
});
