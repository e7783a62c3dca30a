import {
  parseStoredChange,
  type StoredChange,
  type StoredChangeRow,
  storedChangeProjection,
} from '@clustergraph/ingest';
import type { NodeLabel } from '@clustergraph/schema';
import { cypherInt, type Database, type Params } from '../database.ts';

export type ChangePage = { total: number; changes: StoredChange[] };
export type ChangeWindow = { offset: number; limit: number };

/** Newest first; the id breaks ties of one instant so pages never overlap. */
const NEWEST_FIRST = 'ORDER BY c.at DESC, c.id DESC';

/** From the Changes `c` of each row: how many, and the window's page of them projected. */
const PAGE = `WITH collect(c) AS found
  CALL (found) {
    UNWIND found[$offset..($offset + $limit)] AS c
    RETURN collect(${storedChangeProjection('c')}) AS page
  }
  RETURN size(found) AS total, page`;

/**
 * The statement of historyOf: for each id, the Changes with an entry on the node or on a
 * relationship it ends (three index seeks on ChangeEntry, so a deleted node keeps its history),
 * and the runs and undos of the imports that state it (by the importId of its claims).
 */
export function historyQuery(
  label: NodeLabel,
  ids: readonly string[],
  window: ChangeWindow,
): { cypher: string; params: Params } {
  const cypher = `UNWIND $ids AS nodeId
CALL (nodeId) {
  CALL (nodeId) {
    MATCH (e:ChangeEntry {nodeId: nodeId}) RETURN e.changeId AS changeId
    UNION
    MATCH (e:ChangeEntry {from: nodeId}) RETURN e.changeId AS changeId
    UNION
    MATCH (e:ChangeEntry {to: nodeId}) RETURN e.changeId AS changeId
    UNION
    MATCH (:${label} {id: nodeId})-[claim:SOURCED_FROM]->() WHERE claim.importId IS NOT NULL
    MATCH (run:Change {importId: claim.importId}) RETURN run.id AS changeId
  }
  MATCH (c:Change {id: changeId})
  WITH c ${NEWEST_FIRST}
  ${PAGE}
}
RETURN nodeId, total, page`;
  return {
    cypher,
    params: { ids: [...ids], offset: cypherInt(window.offset), limit: cypherInt(window.limit) },
  };
}

/** The history of nodes of one label, newest first, one page each: one round trip for all. */
export async function historyOf(
  db: Database,
  label: NodeLabel,
  ids: readonly string[],
  window: ChangeWindow,
): Promise<ChangePage[]> {
  const { cypher, params } = historyQuery(label, ids, window);
  const rows = await db.read<{ nodeId: string; total: number; page: StoredChangeRow[] }>(cypher, params);
  const byId = new Map(
    rows.map((row) => [row.nodeId, { total: Number(row.total), changes: row.page.map(parseStoredChange) }]),
  );
  return ids.map((id) => byId.get(id) ?? { total: 0, changes: [] });
}

export type ChangeFilter = {
  actorId?: string | null | undefined;
  importId?: string | null | undefined;
  operation?: string | null | undefined;
};

/** The statement of changesPage: only the filters given, each an indexed equality. */
export function changesQuery(filter: ChangeFilter, window: ChangeWindow): { cypher: string; params: Params } {
  const conditions: string[] = [];
  const params: Params = { offset: cypherInt(window.offset), limit: cypherInt(window.limit) };
  for (const key of ['actorId', 'importId', 'operation'] as const) {
    const value = filter[key];
    if (value === null || value === undefined) continue;
    conditions.push(`c.${key} = $${key}`);
    params[key] = value;
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  return { cypher: `MATCH (c:Change) ${where} WITH c ${NEWEST_FIRST} ${PAGE}`, params };
}

/** Changes by a user, of an import, or of an operation, newest first: one round trip. */
export async function changesPage(
  db: Database,
  filter: ChangeFilter,
  window: ChangeWindow,
): Promise<ChangePage> {
  const { cypher, params } = changesQuery(filter, window);
  const [row] = await db.read<{ total: number; page: StoredChangeRow[] }>(cypher, params);
  return { total: Number(row?.total ?? 0), changes: (row?.page ?? []).map(parseStoredChange) };
}

/** Changes by id, in the order asked; null where none has it. */
export async function changesByIds(db: Database, ids: readonly string[]): Promise<(StoredChange | null)[]> {
  const rows = await db.read<{ change: StoredChangeRow }>(
    `MATCH (c:Change) WHERE c.id IN $ids RETURN ${storedChangeProjection('c')} AS change`,
    { ids: [...ids] },
  );
  const byId = new Map(rows.map(({ change }) => [change.id, parseStoredChange(change)]));
  return ids.map((id) => byId.get(id) ?? null);
}
