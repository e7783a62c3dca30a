import {
  type NodeLabel,
  type NodeRow,
  nodeModel,
  type RelationshipType,
  relationshipModel,
} from '@clustergraph/schema';
import { cypherInt, type Database } from '../database.ts';
import { toRow } from './nodes.ts';

/** One step along a relationship of the model, from a node of `from` to nodes of `to`. */
export type Hop = {
  from: NodeLabel;
  type: RelationshipType;
  direction: 'OUT' | 'IN';
  to: NodeLabel;
  /** Sort by a relationship property (e.g. a value chain's `position`) instead of the node's name. */
  orderByRel?: string;
  /** Keep only relationships whose property has this value (e.g. role COORDINATOR). */
  relEquals?: { property: string; value: string };
};

export type Related<L extends NodeLabel> = {
  node: NodeRow<L>;
  /** The relationship's properties (its `sources` among them). */
  rel: Record<string, unknown>;
};

export type RelatedPage<L extends NodeLabel> = { total: number; items: Related<L>[] };

export type PageWindow = { offset: number; limit: number } | null;

/** The property a label's lists sort by: what a reader knows it by. */
export function displayProperty(label: NodeLabel): string {
  const properties = nodeModel[label].properties;
  for (const candidate of ['name', 'title', 'text', 'code', 'document']) {
    if (Object.hasOwn(properties, candidate)) return candidate;
  }
  return 'id';
}

export function assertHop(hop: Hop): void {
  const ends: ReadonlyArray<readonly [string, string]> = relationshipModel[hop.type].ends;
  const [start, end] = hop.direction === 'OUT' ? [hop.from, hop.to] : [hop.to, hop.from];
  if (!ends.some(([a, b]) => a === start && b === end)) {
    throw new Error(`The model has no ${hop.type} from ${start} to ${end}`);
  }
}

/** The MATCH pattern, WHERE clause and sort keys of one hop between variables of a statement. */
export function hopClauses(
  hop: Hop,
  names: { parent: string; rel: string; node: string; relValue: string },
): { pattern: string; where: string; order: string } {
  assertHop(hop);
  const { parent, rel, node } = names;
  const pattern =
    hop.direction === 'OUT'
      ? `(${parent})-[${rel}:${hop.type}]->(${node}:${hop.to})`
      : `(${parent})<-[${rel}:${hop.type}]-(${node}:${hop.to})`;
  const where = hop.relEquals ? ` WHERE ${rel}.${hop.relEquals.property} = $${names.relValue}` : '';
  const sortKey = hop.orderByRel ? `${rel}.${hop.orderByRel}` : `${node}.${displayProperty(hop.to)}`;
  return { pattern, where, order: `${sortKey}, ${node}.id` };
}

const hopKeys = new WeakMap<Hop, string>();

/** The key of one hop and page, the same for the batch loaders and for what a statement prefetched. */
export function hopKey(hop: Hop, window: PageWindow): string {
  // Hops are constants of the field definitions: stringify each once.
  let key = hopKeys.get(hop);
  if (key === undefined) {
    key = JSON.stringify(hop);
    hopKeys.set(hop, key);
  }
  return `${key}:${window ? `${window.offset}+${window.limit}` : 'all'}`;
}

/**
 * The Cypher of one hop for many parents at once. Labels and types come from the model (checked
 * by assertHop), never from input; ids and the page window are parameters.
 */
export function relatedCypher(hop: Hop): string {
  const { pattern, where, order } = hopClauses(hop, {
    parent: 'p',
    rel: 'r',
    node: 't',
    relValue: 'relValue',
  });
  return `UNWIND $ids AS id
MATCH (p:${hop.from} {id: id})
CALL (p) {
  MATCH ${pattern}${where}
  WITH r, t ORDER BY ${order}
  RETURN collect([r, t]) AS related
}
WITH id, related, CASE WHEN $limit IS NULL THEN related ELSE related[$offset..$offset + $limit] END AS page
RETURN id, size(related) AS total, [pair IN page | {rel: properties(pair[0]), node: properties(pair[1])}] AS items`;
}

type Fetched = {
  id: string;
  total: number;
  items: { rel: Record<string, unknown>; node: Record<string, unknown> }[];
};

/** Related nodes of many parents in one round trip, each parent's list in display order. */
export async function relatedPages<L extends NodeLabel>(
  db: Database,
  hop: Hop & { to: L },
  parentIds: readonly string[],
  window: PageWindow,
): Promise<RelatedPage<L>[]> {
  const rows = await db.read<Fetched>(relatedCypher(hop), {
    ids: [...parentIds],
    offset: cypherInt(window?.offset ?? 0),
    limit: window ? cypherInt(window.limit) : null,
    relValue: hop.relEquals?.value ?? null,
  });
  const byParent = new Map(
    rows.map((row) => [
      row.id,
      {
        total: row.total,
        items: row.items.map((item) => ({ rel: item.rel, node: toRow(hop.to, item.node) })),
      },
    ]),
  );
  return parentIds.map((id) => byParent.get(id) ?? { total: 0, items: [] });
}
