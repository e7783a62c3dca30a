import { type NodeLabel, relationshipModel } from '@clustergraph/schema';
import type { ManagedTransaction } from 'neo4j-driver';

/** The labels whose nodes can be ACTIVE_IN a sector, and so carry `searchSectors`. */
export const SECTOR_SEARCH_LABELS: readonly NodeLabel[] = [
  ...new Set(relationshipModel.ACTIVE_IN.ends.map(([from]) => from)),
];

/**
 * `searchSectors`, the search tokens of the sectors a node is active in, from the sectors' own
 * search properties (already made by searchTokens), in the sectors' id order so a reload writes
 * the same text: search then finds a textiles cluster by "textile". Every write that changes a
 * node's properties wholesale or its ACTIVE_IN ties runs it for those nodes (`$rows`: `{id}`s).
 */
export function sectorSearchCypher(label: NodeLabel): string {
  return `UNWIND $rows AS row MATCH (n:${label} {id: row.id})
WITH n, COLLECT { MATCH (n)-[:ACTIVE_IN]->(s:Sector) RETURN s.searchName + ' ' + coalesce(s.searchAlso, '') ORDER BY s.id } AS sectors
SET n.searchSectors = trim(reduce(text = '', sector IN sectors | text + ' ' + sector))`;
}

/**
 * Recomputes `searchSectors` of the given nodes in the caller's transaction: one statement per
 * label that can have it, each matching the ids by its index (ids of other labels match nothing).
 */
export async function refreshSectorSearch(
  tx: ManagedTransaction,
  ids: Iterable<string>,
  labels: readonly NodeLabel[] = SECTOR_SEARCH_LABELS,
): Promise<void> {
  const rows = [...new Set(ids)].map((id) => ({ id }));
  if (rows.length === 0) return;
  for (const label of labels) {
    if (SECTOR_SEARCH_LABELS.includes(label)) await tx.run(sectorSearchCypher(label), { rows });
  }
}
