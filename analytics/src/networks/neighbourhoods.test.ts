import { describe, expect, it } from 'vitest';
import { smallEcosystem } from '../test-support/fixtures.ts';
import { buildNetwork } from './build.ts';
import { commonPartners, cooperationPath, egoNetwork, hopDistances } from './neighbourhoods.ts';

const { graph } = buildNetwork(smallEcosystem);

describe('neighbourhoods and paths', () => {
  it('finds the shortest cooperation path with what each hop is made of', () => {
    const path = cooperationPath(graph, 'A', 'E');
    expect(path?.map((hop) => [hop.from, hop.to, hop.tie.projects])).toEqual([
      ['A', 'C', ['P1']],
      ['C', 'D', ['P2']],
      ['D', 'E', ['P4']],
    ]);
    expect(cooperationPath(graph, 'A', 'nobody')).toBeNull();
  });

  it('lists common partners with both ties', () => {
    expect(commonPartners(graph, 'A', 'B').map((partner) => partner.id)).toEqual(['C']);
    expect(commonPartners(graph, 'C', 'E').map((partner) => [partner.id, partner.withA.projects])).toEqual([
      ['D', ['P2']],
    ]);
  });

  it('cuts an ego network at its cap and says so', () => {
    expect(hopDistances(graph, 'D', 1)).toEqual(
      new Map([
        ['D', 0],
        ['C', 1],
        ['E', 1],
        ['F', 1],
      ]),
    );
    const full = egoNetwork(graph, 'D', 2, 100);
    expect(full.nodes.map((node) => node.id).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(full.truncated).toBe(false);
    const capped = egoNetwork(graph, 'D', 2, 3);
    expect(capped).toMatchObject({ reachable: 6, cap: 3, truncated: true });
    expect(capped.nodes[0]).toEqual({ id: 'D', distance: 0 });
    expect(capped.nodes.every((node) => node.distance <= 1)).toBe(true);
    expect(
      capped.edges.every((edge) => edge.source === 'D' || edge.target === 'D' || edge.tie.weight > 0),
    ).toBe(true);
  });
});
