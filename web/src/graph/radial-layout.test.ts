import { describe, expect, it } from 'vitest';
import { type Point, radialPositions } from './radial-layout.ts';

const distance = (a: Point | undefined, b: Point | undefined) =>
  a && b ? Math.hypot(a.x - b.x, a.y - b.y) : Number.NaN;
const ORIGIN = { x: 0, y: 0 };
const angleOf = (p: Point | undefined) => (p ? Math.atan2(p.y, p.x) : Number.NaN);
const angleBetween = (a: number, b: number) => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));

describe('radialPositions', () => {
  // A cluster managed by m, with members a and b, a project p that b and x take part in, and a
  // partnership q with partner y; z is not connected at all.
  const nodes = ['c', 'm', 'a', 'b', 'p', 'q', 'x', 'y', 'z'];
  const edges: [string, string][] = [
    ['m', 'c'],
    ['a', 'c'],
    ['b', 'c'],
    ['c', 'p'],
    ['c', 'q'],
    ['b', 'p'],
    ['x', 'p'],
    ['y', 'q'],
  ];
  const options = { ringGap: 150, nodeArc: 100 };
  const positions = radialPositions('c', nodes, edges, options);

  it('puts the focus in the centre and every node on the ring of its distance from it', () => {
    expect(positions.get('c')).toEqual(ORIGIN);
    expect([...positions.keys()].sort()).toEqual([...nodes].sort());
    const first = distance(positions.get('m'), ORIGIN);
    for (const id of ['a', 'b', 'p', 'q']) expect(distance(positions.get(id), ORIGIN)).toBeCloseTo(first);
    const second = distance(positions.get('x'), ORIGIN);
    expect(second).toBeGreaterThan(first);
    expect(distance(positions.get('y'), ORIGIN)).toBeCloseTo(second);
    expect(distance(positions.get('z'), ORIGIN)).toBeGreaterThan(second);
  });

  it('places a second-ring node beside its tie', () => {
    const towardsX = angleOf(positions.get('x'));
    const nearest = ['m', 'a', 'b', 'p', 'q'].sort(
      (u, v) =>
        angleBetween(angleOf(positions.get(u)), towardsX) - angleBetween(angleOf(positions.get(v)), towardsX),
    )[0];
    expect(nearest).toBe('p');
  });

  it('keeps nodes of a ring at least a node apart', () => {
    const firstRing = ['m', 'a', 'b', 'p', 'q'];
    for (const u of firstRing) {
      for (const v of firstRing) {
        if (u !== v)
          expect(distance(positions.get(u), positions.get(v))).toBeGreaterThan(0.9 * options.nodeArc);
      }
    }
  });

  it('does not put two tied nodes of a small first ring on opposite sides of the focus', () => {
    const small = radialPositions(
      'c',
      ['c', 'manager', 'project'],
      [
        ['manager', 'c'],
        ['c', 'project'],
        ['manager', 'project'],
      ],
    );
    const apart = angleBetween(angleOf(small.get('manager')), angleOf(small.get('project')));
    expect(apart).toBeLessThan(Math.PI * 0.75);
  });
});
