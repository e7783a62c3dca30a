import { describe, expect, it } from 'vitest';
import { forceLayout, type LayoutInput } from './force-layout.ts';

// Two triangles joined by one tie (c-d): a layout should keep each triangle together.
const input: LayoutInput = {
  nodes: ['a', 'b', 'c', 'd', 'e', 'f'],
  edges: [
    [0, 1, 1],
    [1, 2, 1],
    [0, 2, 1],
    [3, 4, 1],
    [4, 5, 1],
    [3, 5, 1],
    [2, 3, 1],
  ],
};
const point = (positions: Float64Array, index: number) => ({
  x: positions[2 * index] ?? Number.NaN,
  y: positions[2 * index + 1] ?? Number.NaN,
});
const distance = (positions: Float64Array, i: number, j: number) => {
  const p = point(positions, i);
  const q = point(positions, j);
  return Math.hypot(p.x - q.x, p.y - q.y);
};

describe('forceLayout', () => {
  it('gives the same positions for the same network', () => {
    expect([...forceLayout(input)]).toEqual([...forceLayout(input)]);
  });

  it('puts tied nodes closer than untied ones', () => {
    const positions = forceLayout(input);
    for (const value of positions) expect(Number.isFinite(value)).toBe(true);
    const inside = Math.max(distance(positions, 0, 1), distance(positions, 4, 5));
    const across = Math.min(distance(positions, 0, 4), distance(positions, 1, 5));
    expect(inside).toBeLessThan(across);
  });

  it('places nodes without ties and ignores ties to unknown nodes', () => {
    const positions = forceLayout({ nodes: ['x', 'y'], edges: [[0, 7, 1]] });
    expect(positions).toHaveLength(4);
    expect(distance(positions, 0, 1)).toBeGreaterThan(0);
  });
});
