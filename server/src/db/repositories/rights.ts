import type { NodeLabel } from '@clustergraph/schema';
import type { Database } from '../database.ts';

/**
 * The clusters whose editors may edit an organisation: those it is a member of or manages.
 * One statement; an unknown organisation has none.
 */
export async function clustersOfOrganisation(db: Database, organisationId: string): Promise<string[]> {
  const rows = await db.read<{ ids: string[] }>(
    `OPTIONAL MATCH (:Organisation {id: $id})-[:MEMBER_OF|MANAGES]->(c:Cluster)
     RETURN collect(DISTINCT c.id) AS ids`,
    { id: organisationId },
  );
  return rows[0]?.ids ?? [];
}

/** The clusters a need was identified in. */
export async function clustersOfNeed(db: Database, needId: string): Promise<string[]> {
  const rows = await db.read<{ ids: string[] }>(
    `OPTIONAL MATCH (:Need {id: $id})-[:IDENTIFIED_IN]->(c:Cluster)
     RETURN collect(DISTINCT c.id) AS ids`,
    { id: needId },
  );
  return rows[0]?.ids ?? [];
}

/** Which of `ids` are nodes of `label`. */
export async function existingIds(
  db: Database,
  label: NodeLabel,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.read<{ ids: string[] }>(
    `MATCH (n:${label}) WHERE n.id IN $ids RETURN collect(n.id) AS ids`,
    { ids: [...ids] },
  );
  return new Set(rows[0]?.ids ?? []);
}
