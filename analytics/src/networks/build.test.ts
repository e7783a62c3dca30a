import { describe, expect, it } from 'vitest';
import { smallEcosystem } from '../test-support/fixtures.ts';
import { buildNetwork } from './build.ts';
import { NetworkFilterError } from './filter.ts';
import type { Network } from './types.ts';

function ties(network: Network): Record<string, number> {
  const result: Record<string, number> = {};
  network.graph.forEachEdge((_edge, tie, a, b) => {
    result[[a, b].sort().join('-')] = tie.weight;
  });
  return result;
}

describe('organisation networks', () => {
  it('ties organisations by the projects they share, with the projects and their period', () => {
    const network = buildNetwork(smallEcosystem);
    expect(ties(network)).toEqual({ 'A-B': 2, 'A-C': 1, 'B-C': 1, 'C-D': 1, 'D-E': 1, 'D-F': 1, 'E-F': 1 });
    const ab = network.graph.getEdgeAttributes(network.graph.edge('A', 'B'));
    expect([...ab.projects].sort()).toEqual(['P1', 'P3']);
    expect([ab.from, ab.to]).toEqual(['2014-02-01', '2017-12-31']);
    expect(network.description).toMatchObject({
      nodeKind: 'ORGANISATION',
      tieKind: 'CO_PARTICIPATION',
      nodeCount: 6,
      edgeCount: 7,
    });
  });

  it('keeps projects whose period overlaps a range of partial dates', () => {
    expect(ties(buildNetwork(smallEcosystem, { period: { from: '2019', to: '2019' } }))).toEqual({
      'C-D': 1,
    });
    // "2014-06" starts on 1 June 2014 and "2015" ends on 31 December 2015: P3 and P1 overlap.
    expect(ties(buildNetwork(smallEcosystem, { period: { from: '2014-06', to: '2015' } }))).toEqual({
      'A-B': 2,
      'A-C': 1,
      'B-C': 1,
    });
    expect(ties(buildNetwork(smallEcosystem, { period: { from: '2020-06' } }))).toEqual({
      'D-E': 1,
      'D-F': 1,
      'E-F': 1,
    });
  });

  it('selects organisations by region with its sub-regions, kind, sector and origin', () => {
    expect(buildNetwork(smallEcosystem, { regionCode: 'EL' }).graph.nodes().sort()).toEqual([
      'A',
      'B',
      'C',
      'D',
    ]);
    expect(buildNetwork(smallEcosystem, { regionCode: 'EL4' }).graph.nodes().sort()).toEqual(['C', 'D']);
    expect(ties(buildNetwork(smallEcosystem, { organisationKinds: ['SME', 'UNIVERSITY'] }))).toEqual({
      'A-B': 2,
      'A-C': 1,
      'B-C': 1,
    });
    // An organisation with a selected project but no selected partner stays, untied.
    expect(buildNetwork(smallEcosystem, { sectorCode: 'ICT' }).graph.nodes()).toEqual(['D']);
    // F is synthetic but its project is curated: no selected relation, no node.
    expect(buildNetwork(smallEcosystem, { origins: ['SYNTHETIC'] }).graph.order).toBe(0);
    expect(buildNetwork(smallEcosystem, { programmeId: 'INTERREG' }).graph.nodes().sort()).toEqual([
      'C',
      'D',
    ]);
  });

  it('keeps only the members of a cluster, with the projects they share among themselves', () => {
    // A and C share P1, but C is a member of C2: in C1's network only A-B remains.
    expect(ties(buildNetwork(smallEcosystem, { clusterId: 'C1' }))).toEqual({ 'A-B': 2 });
    expect(ties(buildNetwork(smallEcosystem, { clusterId: 'C2' }))).toEqual({ 'C-D': 1 });
    expect(buildNetwork(smallEcosystem, { clusterId: 'C1' }).description.clusterId).toBe('C1');
    try {
      buildNetwork(smallEcosystem, { clusterId: 'C1', nodeKind: 'CLUSTER' });
      expect.unreachable();
    } catch (error) {
      expect((error as NetworkFilterError).field).toBe('clusterId');
    }
  });

  it('drops ties under the minimum weight and counts every kind of tie for ALL', () => {
    expect(ties(buildNetwork(smallEcosystem, { minWeight: 2 }))).toEqual({ 'A-B': 2 });
    const all = buildNetwork(smallEcosystem, { tieKind: 'ALL' });
    // A-B: two projects and cluster C1; C-D: one project and C2; B-E: partnership L1 only.
    expect(ties(all)).toMatchObject({ 'A-B': 3, 'C-D': 2, 'B-E': 1 });
    const be = all.graph.getEdgeAttributes(all.graph.edge('B', 'E'));
    expect(be).toMatchObject({ partnerships: ['L1'], projects: [], clusters: [] });
    expect(ties(buildNetwork(smallEcosystem, { tieKind: 'CO_MEMBERSHIP' }))).toEqual({ 'A-B': 1, 'C-D': 1 });
  });

  it('refuses a filter it cannot meet, naming the field', () => {
    expect(() => buildNetwork(smallEcosystem, { minWeight: 0 })).toThrow(NetworkFilterError);
    try {
      buildNetwork(smallEcosystem, { period: { from: '2014-13' } });
      expect.unreachable();
    } catch (error) {
      expect((error as NetworkFilterError).field).toBe('period');
    }
  });
});

describe('aggregated networks', () => {
  it('ties clusters by their members’ ties and keeps ties inside a cluster as its internal weight', () => {
    const network = buildNetwork(smallEcosystem, { nodeKind: 'CLUSTER' });
    expect(ties(network)).toEqual({ 'C1-C2': 2 });
    expect(network.graph.getEdgeAttributes(network.graph.edge('C1', 'C2'))).toMatchObject({
      projects: ['P1'],
      organisationTies: 2,
    });
    expect(network.graph.getNodeAttributes('C1')).toMatchObject({
      internalWeight: 2,
      memberCount: 2,
      label: 'Cluster one',
    });
    expect(buildNetwork(smallEcosystem, { nodeKind: 'CLUSTER', regionCode: 'EL4' }).graph.nodes()).toEqual([
      'C2',
    ]);
  });

  it('ties regions rolled up to a NUTS level', () => {
    const network = buildNetwork(smallEcosystem, { nodeKind: 'REGION', regionLevel: 1 });
    expect(ties(network)).toEqual({ 'EL3-EL4': 2, 'EL4-ITC': 2 });
    expect(network.graph.getNodeAttributes('ITC')).toMatchObject({
      internalWeight: 1,
      memberCount: 2,
      label: 'Nord-Ovest',
    });
    const countries = buildNetwork(smallEcosystem, { nodeKind: 'REGION', regionLevel: 0 });
    expect(ties(countries)).toEqual({ 'EL-IT': 2 });
    expect(countries.graph.getNodeAttributes('EL').internalWeight).toBe(5);
  });
});
