import type { Driver, ManagedTransaction } from 'neo4j-driver';

/**
 * Marks the dataset as changed. The latest `revisedAt` (epoch ms) of any Source is part of the
 * dataset version the server keys its analytics caches on (server/src/db/analytics/cooperation.ts),
 * beside the node and relationship counts. Counts miss a write that only changes properties (a
 * curated file edited and seeded again, an import that updates names), and a write from another
 * process (`pnpm seed`, `pnpm run import`) cannot bump the server's in-process generation; a
 * stamp in the database reaches every server. Every write path runs this last, on the Sources it
 * wrote through, so a server that read half a write reads again once it is done.
 */
export const STAMP_SOURCES_CYPHER = 'MATCH (s:Source) WHERE s.id IN $sourceIds SET s.revisedAt = timestamp()';

export async function stampSources(
  target: Driver | ManagedTransaction,
  sourceIds: readonly string[],
  database?: string,
): Promise<void> {
  if (sourceIds.length === 0) return;
  const parameters = { sourceIds: [...sourceIds] };
  if ('executeQuery' in target) await target.executeQuery(STAMP_SOURCES_CYPHER, parameters, { database });
  else await target.run(STAMP_SOURCES_CYPHER, parameters);
}
