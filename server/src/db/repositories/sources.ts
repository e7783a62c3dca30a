import type { NodeLabel, NodeRow } from '@clustergraph/schema';
import type { Database } from '../database.ts';
import { toRow } from './nodes.ts';

type Fetched = { id: string; sources: Record<string, unknown>[] };

/** The Sources stating each node, for many nodes of one label in one round trip. */
export async function sourcesOfNodes(
  db: Database,
  label: NodeLabel,
  ids: readonly string[],
): Promise<NodeRow<'Source'>[][]> {
  const rows = await db.read<Fetched>(
    `UNWIND $ids AS id
MATCH (n:${label} {id: id})
OPTIONAL MATCH (n)-[:SOURCED_FROM]->(s:Source)
WITH id, s ORDER BY s.document, s.section
RETURN id, collect(s {.*}) AS sources`,
    { ids: [...ids] },
  );
  const byId = new Map(rows.map((row) => [row.id, row.sources.map((source) => toRow('Source', source))]));
  return ids.map((id) => byId.get(id) ?? []);
}
