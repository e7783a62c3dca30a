import type { NodeLabel, RelationshipType } from '@clustergraph/schema';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Actor, ChangeEntry, Props } from './entries.ts';

/** A Change as read back: its entries in the order they were recorded. */
export type StoredChange = {
  id: string;
  /** ISO 8601. */
  at: string;
  actor: Actor;
  operation: string;
  importId: string | null;
  note: string | null;
  summary: Record<string, unknown> | null;
  revertOf: string | null;
  revertedBy: string | null;
  entryCount: number;
  entries: ChangeEntry[];
};

/** A ChangeEntry node's properties, as RECORD_CYPHER stores them. */
export type StoredEntryRow = {
  kind: string;
  label: string | null;
  nodeId: string | null;
  type: string | null;
  from: string | null;
  to: string | null;
  before: string | null;
  after: string | null;
};

/** A Change node's properties with `at` as text, and its entry rows (possibly none). */
export type StoredChangeRow = {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  operation: string;
  importId: string | null;
  note: string | null;
  summary: string | null;
  revertOf: string | null;
  revertedBy: string | null;
  entryCount: number;
  entries: StoredEntryRow[];
};

/**
 * The Cypher projection of a Change `c` as a StoredChangeRow, entries in order; `withEntries`
 * false leaves them out (a list that does not select them reads none).
 */
export function storedChangeProjection(variable: string, withEntries = true): string {
  const entries = withEntries
    ? `COLLECT { MATCH (${variable})-[:HAS_ENTRY]->(e:ChangeEntry) RETURN e {.*} ORDER BY e.position }`
    : '[]';
  return `${variable} {.id, .actorId, .actorName, .operation, .importId, .note, .summary, .revertOf, .revertedBy, .entryCount,
    at: toString(${variable}.at), entries: ${entries}}`;
}

function parseProps(text: string | null | undefined): Props | null {
  // SET e = entry leaves a null property out: absent and null are the same here.
  return text === null || text === undefined ? null : (JSON.parse(text) as Props);
}

export function parseStoredEntry(row: StoredEntryRow): ChangeEntry {
  const before = parseProps(row.before);
  const after = parseProps(row.after);
  if (row.kind === 'node') {
    return { kind: 'node', id: row.nodeId ?? '', label: row.label as NodeLabel, before, after };
  }
  return {
    kind: 'relationship',
    type: row.type as RelationshipType,
    from: row.from ?? '',
    to: row.to ?? '',
    before,
    after,
  };
}

export function parseStoredChange(row: StoredChangeRow): StoredChange {
  return {
    id: row.id,
    at: row.at,
    actor: { id: row.actorId, name: row.actorName },
    operation: row.operation,
    importId: row.importId ?? null,
    note: row.note ?? null,
    summary: row.summary ? (JSON.parse(row.summary) as Record<string, unknown>) : null,
    revertOf: row.revertOf ?? null,
    revertedBy: row.revertedBy ?? null,
    entryCount: Number(row.entryCount ?? row.entries.length),
    entries: row.entries.map(parseStoredEntry),
  };
}

/** One Change with its entries, or null. */
export async function readChange(tx: ManagedTransaction, id: string): Promise<StoredChange | null> {
  const result = await tx.run(`MATCH (c:Change {id: $id}) RETURN ${storedChangeProjection('c')} AS change`, {
    id,
  });
  const row = result.records[0]?.get('change') as StoredChangeRow | undefined;
  return row ? parseStoredChange(row) : null;
}
