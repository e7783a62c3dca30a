import { describe, expect, it } from 'vitest';
import {
  CATEGORY_COLOURS,
  CATEGORY_SHAPES,
  type ExplorerNode,
  encodeNodes,
  OTHER_COLOUR,
  RAMP,
} from './encodings.ts';

const node = (key: string, values: Partial<ExplorerNode> = {}): ExplorerNode => ({
  key,
  id: null,
  label: key,
  kind: 'ORGANISATION',
  organisationKind: 'SME',
  regionCode: 'RO11',
  memberCount: 1,
  degree: null,
  weightedDegree: null,
  betweenness: null,
  pagerank: null,
  community: null,
  component: null,
  brokerage: null,
  ...values,
});

describe('encodeNodes', () => {
  it('colours and shapes categories by size, the largest first, and explains them in the legend', () => {
    const nodes = [node('a', { community: 1 }), node('b', { community: 1 }), node('c', { community: 0 })];
    const { looks, legend } = encodeNodes(nodes, 'community', 'none');
    expect(looks.get('a')).toMatchObject({ colour: CATEGORY_COLOURS[0], shape: CATEGORY_SHAPES[0] });
    expect(looks.get('c')).toMatchObject({ colour: CATEGORY_COLOURS[1], shape: CATEGORY_SHAPES[1] });
    expect(legend.map((entry) => [entry.text, entry.count])).toEqual([
      ['Community 2', 2],
      ['Community 1', 1],
    ]);
    expect(looks.get('a')?.size).toBe(looks.get('c')?.size);
  });

  it('puts categories past the tenth together as others', () => {
    const nodes = Array.from({ length: 12 }, (_, index) => node(`n${index}`, { regionCode: `R${index}` }));
    const { looks, legend } = encodeNodes(nodes, 'region', 'none');
    expect(legend).toHaveLength(11);
    expect(legend.at(-1)).toMatchObject({ text: 'Others', count: 2 });
    // Equal counts go by name: R8 and R9 come last.
    expect(looks.get('n9')?.colour).toBe(OTHER_COLOUR);
    expect(looks.get('n11')?.colour).not.toBe(OTHER_COLOUR);
  });

  it('shades a measure in bands, more is darker, and sizes by the square root of another', () => {
    const nodes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 100].map((value) =>
      node(`v${value}`, {
        betweenness: value,
        degree: value,
        organisationKind: value > 5 ? 'UNIVERSITY' : 'SME',
      }),
    );
    const { looks, legend, shapeLegend } = encodeNodes(nodes, 'betweenness', 'degree');
    expect(looks.get('v0')?.colour).toBe(RAMP[0]);
    expect(looks.get('v100')?.colour).toBe(RAMP[RAMP.length - 1]);
    expect(legend.reduce((sum, entry) => sum + entry.count, 0)).toBe(10);
    expect(shapeLegend.map((entry) => entry.text)).toEqual(['SME', 'UNIVERSITY']);
    const v25 = looks.get('v4')?.size ?? 0;
    const v100 = looks.get('v100')?.size ?? 0;
    const v0 = looks.get('v0')?.size ?? 0;
    expect(v0).toBeLessThan(v25);
    expect(v25).toBeLessThan(v100);
    // sqrt(4 / 100) = 0.2 of the range above the smallest size.
    expect((v25 - v0) / (v100 - v0)).toBeCloseTo(0.2);
  });
});
