import { randomUUID } from 'node:crypto';
import { isNodeLabel, isRelationshipType } from '@clustergraph/schema';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { ChangeEntry, ChangeInput, Props } from './entries.ts';

/** A Change with what only the write side sets: an import's counts, the Change a revert reverts. */
export type RecordedChange = ChangeInput & {
  summary?: Readonly<Record<string, unknown>>;
  revertOf?: string;
};

export class InvalidChangeError extends Error {}

/** Values as JSON: the driver's integers as numbers, its temporal values as ISO text. */
function toJson(props: Props | null): string | null {
  if (props === null) return null;
  return JSON.stringify(props, (_key, value: unknown) => {
    if (neo4j.isInt(value)) return value.toNumber();
    if (
      neo4j.isDate(value) ||
      neo4j.isDateTime(value) ||
      neo4j.isLocalDateTime(value) ||
      neo4j.isTime(value) ||
      neo4j.isLocalTime(value) ||
      neo4j.isDuration(value)
    ) {
      return value.toString();
    }
    return value;
  });
}

function entryProblem(entry: ChangeEntry, index: number): string | null {
  const where = `entries[${index}]`;
  if (entry.before === null && entry.after === null) return `${where} has neither before nor after`;
  if (entry.kind === 'node') {
    if (!isNodeLabel(entry.label)) return `${where}: "${entry.label}" is not a label of the model`;
    if (!entry.id) return `${where} has no node id`;
    return null;
  }
  if (entry.kind === 'relationship') {
    if (!isRelationshipType(entry.type)) {
      return `${where}: "${entry.type}" is not a relationship type of the model`;
    }
    if (!entry.from || !entry.to) return `${where} has no from or to id`;
    return null;
  }
  return `${where}: kind must be "node" or "relationship"`;
}

/** The ChangeEntry rows as stored: one node per entry, indexed by the ids it touches. */
function entryRows(changeId: string, entries: readonly ChangeEntry[]) {
  return entries.map((entry, position) => ({
    id: `${changeId}#${position}`,
    changeId,
    position,
    kind: entry.kind,
    label: entry.kind === 'node' ? entry.label : null,
    nodeId: entry.kind === 'node' ? entry.id : null,
    type: entry.kind === 'relationship' ? entry.type : null,
    from: entry.kind === 'relationship' ? entry.from : null,
    to: entry.kind === 'relationship' ? entry.to : null,
    before: toJson(entry.before),
    after: toJson(entry.after),
  }));
}

const RECORD_CYPHER = `CREATE (c:Change {id: $id})
SET c.at = datetime.transaction(), c.actorId = $actorId, c.actorName = $actorName,
  c.operation = $operation, c.importId = $importId, c.note = $note, c.entryCount = size($entries),
  c.summary = $summary, c.revertOf = $revertOf
WITH c
CALL (c) {
  UNWIND $entries AS entry
  CREATE (c)-[:HAS_ENTRY]->(e:ChangeEntry)
  SET e = entry
}
WITH c
OPTIONAL MATCH (reverted:Change {id: $revertOf})
SET reverted.revertedBy = c.id
RETURN c.id AS id`;

/** Records a Change in the caller's transaction (one statement), including the write-side fields. */
export async function recordChange(tx: ManagedTransaction, change: RecordedChange): Promise<{ id: string }> {
  if (!change.actor.id || !change.actor.name)
    throw new InvalidChangeError('a change needs an actor id and name');
  if (!change.operation) throw new InvalidChangeError('a change needs an operation');
  const problems = change.entries
    .map((entry, index) => entryProblem(entry, index))
    .filter((problem): problem is string => problem !== null);
  if (problems.length > 0) throw new InvalidChangeError(`invalid change entries: ${problems.join('; ')}`);
  const id = `change:${randomUUID()}`;
  await tx.run(RECORD_CYPHER, {
    id,
    actorId: change.actor.id,
    actorName: change.actor.name,
    operation: change.operation,
    importId: change.importId ?? null,
    note: change.note ?? null,
    summary: change.summary ? JSON.stringify(change.summary) : null,
    revertOf: change.revertOf ?? null,
    entries: entryRows(id, change.entries),
  });
  return { id };
}

/**
 * Records who changed what, inside the transaction of the write itself, so the write and its
 * audit commit or roll back together. Each entry keeps before and after of the changed
 * properties (see `diff`); the Change is found again by any node or relationship end it touched,
 * even once that node is deleted.
 */
export async function recordChanges(tx: ManagedTransaction, change: ChangeInput): Promise<{ id: string }> {
  return recordChange(tx, {
    actor: change.actor,
    operation: change.operation,
    entries: change.entries,
    ...(change.importId === undefined ? {} : { importId: change.importId }),
    ...(change.note === undefined ? {} : { note: change.note }),
  });
}
