import {
  type NodeLabel,
  type RelationshipType,
  relationshipModel,
  searchProperties,
} from '@clustergraph/schema';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { refreshSectorSearch } from '../sector-search.ts';
import { type Actor, type ChangeEntry, diff, type Props, sameValue } from './entries.ts';
import { recordChange } from './record.ts';
import { readChange, type StoredChange } from './stored.ts';

export type RevertErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT';

/** Why a revert was refused; nothing was written. `id` names the change, node or relationship. */
export class RevertError extends Error {
  constructor(
    readonly code: RevertErrorCode,
    message: string,
    readonly id: string,
  ) {
    super(message);
  }
}

export type RevertInput = {
  changeId: string;
  actor: Actor;
  /**
   * The version the admin saw of the nodes the change touched (optional): when given, every
   * such node that still exists must be at it, as for an update's `version`.
   */
  version?: number | undefined;
  note?: string | undefined;
};

/** Properties the write side derives from others: recomputed, never compared or restored by hand. */
const DERIVED = new Set(['searchName', 'searchAlso', 'searchSectors']);
/** Optimistic concurrency's counter: compared like any property, but a revert moves it forward. */
const VERSION = 'version';

function relKey(entry: { type: string; from: string; to: string }): string {
  return `${entry.type} ${entry.from} -> ${entry.to}`;
}

function describe(entry: ChangeEntry): string {
  return entry.kind === 'node' ? `${entry.label} ${entry.id}` : relKey(entry);
}

/** `MATCH` of a node by id among a set of labels (from the model), as one indexed UNION. */
function matchAmong(variable: string, labels: readonly NodeLabel[], param: string): string {
  const branches = [...new Set(labels)].map(
    (label) => `MATCH (${variable}:${label} {id: $${param}}) RETURN ${variable}`,
  );
  return `CALL () { ${branches.join(' UNION ')} }`;
}

function endLabels(type: RelationshipType, end: 0 | 1): NodeLabel[] {
  const ends: ReadonlyArray<readonly [NodeLabel, NodeLabel]> = relationshipModel[type].ends;
  return ends.map((pair) => pair[end]);
}

function comparable(props: Props | null): Record<string, unknown> | null {
  if (props === null) return null;
  return Object.fromEntries(Object.entries(props).filter(([key]) => !DERIVED.has(key)));
}

/** Properties of `after` the current state no longer has as the change left them. */
function driftedKeys(current: Props, after: Props): string[] {
  return Object.keys(after).filter(
    (key) => !DERIVED.has(key) && !sameValue(current[key] ?? null, after[key] ?? null),
  );
}

type NodeState = { exists: boolean; props: Props; relationships: number };

/** Locks (by a no-op write) and reads a node; `relationships` counts all but its provenance links. */
async function lockNode(tx: ManagedTransaction, label: NodeLabel, id: string): Promise<NodeState> {
  const result = await tx.run(
    `OPTIONAL MATCH (n:${label} {id: $id})
     SET n.id = n.id
     RETURN n IS NOT NULL AS exists, CASE WHEN n IS NULL THEN {} ELSE properties(n) END AS props,
       CASE WHEN n IS NULL THEN 0 ELSE COUNT { (n)-[r]-() WHERE type(r) <> 'SOURCED_FROM' } END AS relationships`,
    { id },
  );
  const record = result.records[0];
  return {
    exists: Boolean(record?.get('exists')),
    props: (record?.get('props') as Props | undefined) ?? {},
    relationships: Number(record?.get('relationships') ?? 0),
  };
}

type RelationshipState = { ends: boolean; exists: boolean; props: Props };

/** Locks both ends (by a no-op write) and reads the relationship between them, if any. */
async function lockRelationship(
  tx: ManagedTransaction,
  type: RelationshipType,
  from: string,
  to: string,
): Promise<RelationshipState> {
  const result = await tx.run(
    `OPTIONAL CALL () {
       ${matchAmong('a', endLabels(type, 0), 'from')}
       ${matchAmong('b', endLabels(type, 1), 'to')}
       SET a.id = a.id, b.id = b.id
       RETURN a, b
     }
     OPTIONAL MATCH (a)-[r:${type}]->(b)
     RETURN a IS NOT NULL AND b IS NOT NULL AS ends, r IS NOT NULL AS exists,
       CASE WHEN r IS NULL THEN {} ELSE properties(r) END AS props`,
    { from, to },
  );
  const record = result.records[0];
  return {
    ends: Boolean(record?.get('ends')),
    exists: Boolean(record?.get('exists')),
    props: (record?.get('props') as Props | undefined) ?? {},
  };
}

function conflict(entry: ChangeEntry, why: string): RevertError {
  return new RevertError(
    'CONFLICT',
    `${describe(entry)} changed since: ${why}; the change cannot be reverted as it is`,
    entry.kind === 'node' ? entry.id : relKey(entry),
  );
}

/** The properties to write for a node: the given ones, its search text, and a version moved on. */
function nodeWrite(label: NodeLabel, props: Props, currentVersion: unknown): Record<string, unknown> {
  const version = typeof currentVersion === 'number' ? currentVersion : 0;
  return { ...props, ...searchProperties(label, props), [VERSION]: version + 1 };
}

/** Undoes one node entry, returning the entry of what this did. */
async function revertNode(
  tx: ManagedTransaction,
  entry: Extract<ChangeEntry, { kind: 'node' }>,
  expectedVersion: number | undefined,
): Promise<ChangeEntry | null> {
  const { label, id } = entry;
  const state = await lockNode(tx, label, id);
  if (
    expectedVersion !== undefined &&
    state.exists &&
    (Number(state.props[VERSION] ?? 0) || 0) !== expectedVersion
  ) {
    throw new RevertError(
      'CONFLICT',
      `${label} ${id} is at version ${Number(state.props[VERSION] ?? 0)}, not ${expectedVersion}`,
      id,
    );
  }
  if (entry.after === null) {
    if (state.exists) throw conflict(entry, 'it was deleted by the change and exists again');
    const props = nodeWrite(label, comparable(entry.before) ?? {}, entry.before?.[VERSION]);
    await tx.run(`CREATE (n:${label}) SET n = $props, n.id = $id`, { props, id });
    return { kind: 'node', id, label, before: null, after: comparable(props) };
  }
  if (!state.exists) throw conflict(entry, 'it was deleted');
  const drifted = driftedKeys(state.props, entry.after);
  if (drifted.length > 0) throw conflict(entry, `${drifted.join(', ')} no longer as the change left them`);
  if (entry.before === null) {
    if (state.relationships > 0) {
      throw conflict(entry, `it has ${state.relationships} relationship(s) the change did not make`);
    }
    await tx.run(`MATCH (n:${label} {id: $id}) DETACH DELETE n`, { id });
    return { kind: 'node', id, label, before: comparable(state.props), after: null };
  }
  const restored: Record<string, unknown> = { ...state.props };
  for (const [key, value] of Object.entries(entry.before)) {
    if (key === VERSION) continue;
    if (value === null) delete restored[key];
    else restored[key] = value;
  }
  const props = nodeWrite(label, comparable(restored) ?? {}, state.props[VERSION]);
  await tx.run(`MATCH (n:${label} {id: $id}) SET n = $props, n.id = $id`, { id, props });
  const changed = diff(comparable(state.props), comparable(props));
  return changed ? { kind: 'node', id, label, ...changed } : null;
}

/** Undoes one relationship entry, returning the entry of what this did. */
async function revertRelationship(
  tx: ManagedTransaction,
  entry: Extract<ChangeEntry, { kind: 'relationship' }>,
): Promise<ChangeEntry | null> {
  const { type, from, to } = entry;
  const state = await lockRelationship(tx, type, from, to);
  if (!state.ends) throw conflict(entry, 'one of its ends was deleted');
  const ends = `${matchAmong('a', endLabels(type, 0), 'from')} ${matchAmong('b', endLabels(type, 1), 'to')}`;
  if (entry.after === null) {
    if (state.exists) throw conflict(entry, 'it was deleted by the change and exists again');
    await tx.run(`${ends} CREATE (a)-[r:${type}]->(b) SET r = $props`, {
      from,
      to,
      props: entry.before ?? {},
    });
    return { kind: 'relationship', type, from, to, before: null, after: entry.before };
  }
  if (!state.exists) throw conflict(entry, 'it was deleted');
  const drifted = driftedKeys(state.props, entry.after);
  if (drifted.length > 0) throw conflict(entry, `${drifted.join(', ')} no longer as the change left them`);
  if (entry.before === null) {
    await tx.run(`${ends} MATCH (a)-[r:${type}]->(b) DELETE r`, { from, to });
    return { kind: 'relationship', type, from, to, before: state.props, after: null };
  }
  const restored: Record<string, unknown> = { ...state.props };
  for (const [key, value] of Object.entries(entry.before)) {
    if (value === null) delete restored[key];
    else restored[key] = value;
  }
  await tx.run(`${ends} MATCH (a)-[r:${type}]->(b) SET r = $props`, { from, to, props: restored });
  const changed = diff(state.props, restored);
  return changed ? { kind: 'relationship', type, from, to, ...changed } : null;
}

/**
 * Entries in the order they can be undone whatever order the write recorded them in: deleted
 * nodes come back first (their relationships need them), then relationships, then updates, and
 * nodes the change created go last (once the relationships it gave them are gone); within each,
 * last recorded first.
 */
function undoOrder(entries: readonly ChangeEntry[]): ChangeEntry[] {
  const rank = (entry: ChangeEntry) => {
    if (entry.kind === 'relationship') return 1;
    if (entry.after === null) return 0;
    return entry.before === null ? 3 : 2;
  };
  return entries
    .map((entry, position) => ({ entry, position }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || b.position - a.position)
    .map(({ entry }) => entry);
}

/**
 * The nodes of a reverted change whose `searchSectors` the revert may have changed: a node it
 * restored or brought back (its properties are set whole, without the derived field) and the
 * active end of an ACTIVE_IN it put back or took away. They get it by the write side's rule
 * (refreshSectorSearch).
 */
function sectorSearchTouched(reverted: readonly ChangeEntry[]): string[] {
  return reverted.flatMap((entry) => {
    if (entry.kind === 'node') return entry.before === null ? [] : [entry.id];
    return entry.type === 'ACTIVE_IN' ? [entry.from] : [];
  });
}

function refusal(change: StoredChange | null, changeId: string): RevertError | null {
  if (!change) return new RevertError('NOT_FOUND', `No change ${changeId}`, changeId);
  if (change.operation === 'import' || change.operation === 'undoImport') {
    return new RevertError(
      'BAD_USER_INPUT',
      `Change ${changeId} is an import run (${change.importId}): undo the import instead (pnpm run import undo ${change.importId})`,
      changeId,
    );
  }
  if (change.revertedBy) {
    return new RevertError(
      'CONFLICT',
      `Change ${changeId} was already reverted by ${change.revertedBy}`,
      changeId,
    );
  }
  return null;
}

/**
 * Applies the inverse of a recorded change in the caller's transaction: entries undone last
 * first, each refused (CONFLICT, nothing written) when its node or relationship no longer is as
 * the change left it. The revert is itself a Change (operation `revertChange`, `revertOf`), and
 * the reverted one says `revertedBy`.
 */
export async function revertChangeInTransaction(
  tx: ManagedTransaction,
  input: RevertInput,
): Promise<{ id: string; reverted: StoredChange }> {
  const change = await readChange(tx, input.changeId);
  const refused = refusal(change, input.changeId);
  if (refused || !change) throw refused;
  const entries: ChangeEntry[] = [];
  for (const entry of undoOrder(change.entries)) {
    const done =
      entry.kind === 'node'
        ? await revertNode(tx, entry, input.version)
        : await revertRelationship(tx, entry);
    if (done) entries.push(done);
  }
  await refreshSectorSearch(tx, sectorSearchTouched(change.entries));
  const { id } = await recordChange(tx, {
    actor: input.actor,
    operation: 'revertChange',
    note: input.note ?? `reverts ${change.operation} of ${change.at} by ${change.actor.name}`,
    entries,
    revertOf: change.id,
  });
  return { id, reverted: change };
}

/** Reverts a change in one transaction of its own (see revertChangeInTransaction). */
export async function revertChange(
  driver: Driver,
  input: RevertInput,
  database?: string,
): Promise<{ id: string; reverted: StoredChange }> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite((tx) => revertChangeInTransaction(tx, input));
  } finally {
    await session.close();
  }
}
