import type { Driver, ManagedTransaction } from 'neo4j-driver';

/**
 * Marks the dataset as changed. `revisedAt` of the one DatasetRevision node is part of the dataset
 * version the server keys its analytics caches on (server/src/db/analytics/cooperation.ts), beside
 * the node and relationship counts. Counts miss a write that only changes properties (a curated
 * file edited and seeded again, an import that updates names), and a write from another process
 * (`pnpm seed`, `pnpm run import`) cannot bump the server's in-process generation; a stamp in the
 * database reaches every server. Every write path runs this last, so a server that read half a
 * write reads again once it is done. The stamp lives apart from the facts (not on their Sources),
 * so loading the same data twice still gives the same facts.
 */
export const STAMP_REVISION_CYPHER =
  "MERGE (revision:DatasetRevision {id: 'dataset'}) SET revision.revisedAt = timestamp()";

export async function stampRevision(target: Driver | ManagedTransaction, database?: string): Promise<void> {
  if ('executeQuery' in target) await target.executeQuery(STAMP_REVISION_CYPHER, {}, { database });
  else await target.run(STAMP_REVISION_CYPHER);
}
