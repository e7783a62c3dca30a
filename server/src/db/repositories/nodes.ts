import type { NodeLabel, NodeRow } from '@clustergraph/schema';
import type { Database } from '../database.ts';

type Fetched = { node: Record<string, unknown> };

/** Nodes of one label by id, in the order of `ids`; null where none has that id. One round trip. */
export async function nodesByIds<L extends NodeLabel>(
  db: Database,
  label: L,
  ids: readonly string[],
): Promise<(NodeRow<L> | null)[]> {
  const rows = await db.read<Fetched>(`MATCH (n:${label}) WHERE n.id IN $ids RETURN n {.*} AS node`, {
    ids: [...ids],
  });
  const byId = new Map(rows.map(({ node }) => [node.id as string, toRow(label, node)]));
  return ids.map((id) => byId.get(id) ?? null);
}

export function toRow<L extends NodeLabel>(label: L, properties: Record<string, unknown>): NodeRow<L> {
  return { ...properties, label } as NodeRow<L>;
}
