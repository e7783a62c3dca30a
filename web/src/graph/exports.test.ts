import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type ExplorerEdge, type ExplorerNode, encodeNodes } from './encodings.ts';
import { edgesCsv, networkGexf, nodesCsv } from './exports.ts';

const nodes: ExplorerNode[] = [
  {
    key: 'org:a',
    id: 'T3JnOmE=',
    label: 'Alpha, "the first"',
    kind: 'ORGANISATION',
    organisationKind: 'UNIVERSITY',
    regionCode: 'RO11',
    memberCount: 1,
    degree: 1,
    weightedDegree: 2,
    betweenness: 0,
    pagerank: null,
    community: 0,
    component: 0,
    brokerage: null,
  },
  {
    key: 'org:b',
    id: null,
    label: 'Beta',
    kind: 'ORGANISATION',
    organisationKind: 'SME',
    regionCode: null,
    memberCount: 1,
    degree: 1,
    weightedDegree: 2,
    betweenness: 0,
    pagerank: null,
    community: 0,
    component: 0,
    brokerage: null,
  },
];
const edges: ExplorerEdge[] = [
  {
    source: 'org:a',
    target: 'org:b',
    weight: 2,
    projectCount: 2,
    explanation: '2 shared projects: X, Y',
    from: '2015-01-01',
    to: '2019-12-31',
  },
];

describe('exports', () => {
  it('writes nodes and ties as CSV that reads back, quotes and empty metrics included', () => {
    const read = Papa.parse<Record<string, string>>(nodesCsv(nodes), { header: true }).data;
    expect(read[0]).toMatchObject({ key: 'org:a', label: 'Alpha, "the first"', degree: '1', pagerank: '' });
    expect(read[1]).toMatchObject({ key: 'org:b', regionCode: '' });
    const ties = Papa.parse<Record<string, string>>(edgesCsv(edges), { header: true }).data;
    expect(ties).toEqual([
      {
        source: 'org:a',
        target: 'org:b',
        weight: '2',
        projectCount: '2',
        from: '2015-01-01',
        to: '2019-12-31',
        explanation: '2 shared projects: X, Y',
      },
    ]);
  });

  it('writes GEXF that graphology reads back with labels, metrics, weights and the picture', () => {
    const { looks } = encodeNodes(nodes, 'organisationKind', 'degree');
    const positions = new Map([
      ['org:a', { x: 1, y: 2 }],
      ['org:b', { x: -3, y: 4 }],
    ]);
    const text = networkGexf(nodes, edges, looks, positions);
    expect(text).toContain('version="1.3"');
    const graph = parse(Graph, text);
    expect(graph.order).toBe(2);
    expect(graph.size).toBe(1);
    expect(graph.getNodeAttributes('org:a')).toMatchObject({
      label: 'Alpha, "the first"',
      organisationKind: 'UNIVERSITY',
      degree: 1,
      x: 1,
      y: 2,
    });
    expect(graph.getEdgeAttribute(graph.edge('org:a', 'org:b'), 'weight')).toBe(2);
  });
});
