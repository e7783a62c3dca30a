/**
 * A radial layout for an ego network: the focus node in the centre, every other node on the
 * ring of its distance (in hops) from it, each placed near the nodes that tie it inwards. Pure
 * and deterministic, so the same network always looks the same and the layout is testable
 * without a browser; force-directed layouts proved either random or unstable on these shapes.
 */

export type Point = { x: number; y: number };

export type RadialOptions = {
  /** Gap between two rings. */
  ringGap: number;
  /** Space each node needs along its ring (its label included). */
  nodeArc: number;
};

const DEFAULTS: RadialOptions = { ringGap: 170, nodeArc: 120 };
const FULL_TURN = 2 * Math.PI;
const TOP = -Math.PI / 2;

function hopsFrom(focus: string, nodes: readonly string[], edges: readonly [string, string][]) {
  const neighbours = new Map<string, string[]>(nodes.map((id) => [id, []]));
  for (const [a, b] of edges) {
    neighbours.get(a)?.push(b);
    neighbours.get(b)?.push(a);
  }
  const hops = new Map<string, number>([[focus, 0]]);
  const queue = [focus];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const distance = hops.get(next) ?? 0;
    for (const neighbour of neighbours.get(next) ?? []) {
      if (hops.has(neighbour)) continue;
      hops.set(neighbour, distance + 1);
      queue.push(neighbour);
    }
  }
  return { hops, neighbours };
}

/** The direction the angles point to on average; undefined when they cancel out. */
function meanAngle(angles: readonly number[]): number | undefined {
  const x = angles.reduce((sum, angle) => sum + Math.cos(angle), 0);
  const y = angles.reduce((sum, angle) => sum + Math.sin(angle), 0);
  return Math.hypot(x, y) < 1e-9 ? undefined : Math.atan2(y, x);
}

/**
 * Nodes of one ring in an order that keeps those tied to each other side by side: groups of
 * tied nodes in order of first appearance, each with its best-tied node in the middle.
 */
function groupTied(members: readonly string[], neighbours: ReadonlyMap<string, readonly string[]>): string[] {
  const inRing = new Set(members);
  const tiesOf = (id: string) => (neighbours.get(id) ?? []).filter((other) => inRing.has(other));
  const seen = new Set<string>();
  const ordered: string[] = [];
  for (const start of members) {
    if (seen.has(start)) continue;
    const group: string[] = [];
    const stack = [start];
    seen.add(start);
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      group.push(next);
      for (const other of tiesOf(next)) {
        if (seen.has(other)) continue;
        seen.add(other);
        stack.push(other);
      }
    }
    group.sort((a, b) => members.indexOf(a) - members.indexOf(b));
    const hub = group.reduce((best, id) => (tiesOf(id).length > tiesOf(best).length ? id : best), start);
    const others = group.filter((id) => id !== hub);
    const middle = Math.floor(others.length / 2);
    ordered.push(...others.slice(0, middle), hub, ...others.slice(middle));
  }
  return ordered;
}

/**
 * Positions for every node. Nodes the focus cannot reach go on an outer ring. On the first
 * ring, nodes keep the given order (callers group them by kind) except that tied nodes sit side
 * by side; a small ring fans out over part of the circle only, so an edge between two of its
 * nodes does not cross the focus.
 */
export function radialPositions(
  focus: string,
  nodes: readonly string[],
  edges: readonly [string, string][],
  options: Partial<RadialOptions> = {},
): Map<string, Point> {
  const { ringGap, nodeArc } = { ...DEFAULTS, ...options };
  const { hops, neighbours } = hopsFrom(focus, nodes, edges);
  const outermost = Math.max(0, ...hops.values()) + 1;
  const rings = new Map<number, string[]>();
  for (const id of nodes) {
    if (id === focus) continue;
    const ring = hops.get(id) ?? outermost;
    rings.set(ring, [...(rings.get(ring) ?? []), id]);
  }

  const positions = new Map<string, Point>([[focus, { x: 0, y: 0 }]]);
  const angles = new Map<string, number>();
  let radius = 0;
  for (const ring of [...rings.keys()].sort((a, b) => a - b)) {
    const members = groupTied(rings.get(ring) ?? [], neighbours);
    radius = Math.max(radius + ringGap, (members.length * nodeArc) / FULL_TURN);
    // Spacing where nothing pulls a node: even, but a small ring fans out over the top only.
    const step = Math.min(FULL_TURN / members.length, Math.PI / 3);
    const minStep = Math.min(step, nodeArc / radius);

    // Where each node would like to be: towards its ties on the inner rings.
    const wished = members.map((id, index) => {
      const inward = (neighbours.get(id) ?? [])
        .filter((other) => angles.has(other) && (hops.get(other) ?? outermost) < ring)
        .map((other) => angles.get(other) ?? 0);
      const towards = meanAngle(inward);
      return { id, angle: towards ?? TOP + (index - (members.length - 1) / 2) * step, index };
    });
    // Then along the ring in that order, at least `minStep` apart, centred on the wishes.
    wished.sort((a, b) => a.angle - b.angle || a.index - b.index);
    const placed: number[] = [];
    for (const [index, wish] of wished.entries()) {
      const previous = placed[index - 1];
      placed.push(previous === undefined ? wish.angle : Math.max(wish.angle, previous + minStep));
    }
    const drift =
      placed.reduce((sum, angle, index) => sum + (angle - (wished[index]?.angle ?? angle)), 0) /
      Math.max(1, placed.length);
    for (const [index, wish] of wished.entries()) {
      const angle = (placed[index] ?? wish.angle) - drift;
      angles.set(wish.id, angle);
      positions.set(wish.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    }
  }
  return positions;
}
