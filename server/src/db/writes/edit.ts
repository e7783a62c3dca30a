import { createHash } from 'node:crypto';
import { type ChangeEntry, nodeEntry, propsProblems, recordChanges, sourceId } from '@clustergraph/ingest';
import {
  type NodeLabel,
  nodeModel,
  type PropertyType,
  type RelationshipType,
  relationshipModel,
  searchProperties,
} from '@clustergraph/schema';
import { GraphQLError } from 'graphql';
import { type FieldProblem, NotFoundError, refuseProblems } from '../../graphql/errors.ts';
import { bumpDatasetGeneration } from '../analytics/cooperation.ts';
import type { Database, ManagedTransaction } from '../database.ts';
import { formatProblems } from './rules.ts';

export type Props = Record<string, unknown>;
export type Actor = { id: string; name: string };

/** Who states what a mutation writes (SourceInput): a document section, an import, or the editor's note. */
export type EditSource = {
  document?: string | null | undefined;
  section?: string | null | undefined;
  importId?: string | null | undefined;
  note?: string | null | undefined;
};

/** What every mutation's write knows: who, which mutation, and the source it was checked to have. */
export type Edit = { actor: Actor; operation: string; source: EditSource };

/** A stale version: the client read the node (or membership) before someone else changed it. */
export class StaleVersionError extends GraphQLError {
  constructor(what: string, id: string, given: number, current: number) {
    super(
      `${what} ${id} is at version ${current}, not ${given}: someone changed it since it was read. Read it again and redo the change.`,
      { extensions: { code: 'CONFLICT', id, currentVersion: current } },
    );
  }
}

/** Any other state that refuses the write (already a member, a merge with itself). */
export class EditConflictError extends GraphQLError {
  constructor(message: string, id: string) {
    super(message, { extensions: { code: 'CONFLICT', id } });
  }
}

const MAX_NOTE = 2_000;

/** The problems of a SourceInput, by field. */
export function sourceProblems(source: EditSource, field = 'input.source'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const given = (value: string | null | undefined) => typeof value === 'string' && value.trim() !== '';
  if (!given(source.document) && !given(source.importId) && !given(source.note)) {
    problems.push({
      field,
      message: 'say who states it: a document with its section, an importId, or your own statement as a note',
    });
  }
  if (given(source.document) && !given(source.section)) {
    problems.push({ field: `${field}.section`, message: 'where in the document (page, table, paragraph)' });
  }
  if (!given(source.document) && given(source.section)) {
    problems.push({ field: `${field}.document`, message: 'a section needs its document' });
  }
  if ((source.note ?? '').length > MAX_NOTE) {
    problems.push({ field: `${field}.note`, message: `at most ${MAX_NOTE} characters` });
  }
  return problems;
}

/**
 * The Source node of an edit, made or found in the transaction: a document section (the same
 * Source the curated files give that section), the Source of an Import, or the editor's own
 * STATEMENT (one per editor and note).
 */
async function sourceOf(tx: ManagedTransaction, edit: Edit): Promise<string> {
  const { document, section, importId, note } = edit.source;
  if (document && section) {
    const id = sourceId({ document: document.trim(), section: section.trim() });
    await tx.run(
      `MERGE (s:Source {id: $id})
       ON CREATE SET s.document = $document, s.section = $section, s.kind = 'DOCUMENT', s.synthetic = false, s.origin = 'CURATED'`,
      { id, document: document.trim(), section: section.trim() },
    );
    return id;
  }
  if (importId) {
    const result = await tx.run('MATCH (:Import {id: $importId})-[:RECORDS]->(s:Source) RETURN s.id AS id', {
      importId,
    });
    const id = result.records[0]?.get('id') as string | undefined;
    if (!id) throw new NotFoundError(importId, 'import');
    return id;
  }
  const text = (note ?? '').trim();
  const id = `statement:${edit.actor.id}#${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
  await tx.run(
    `MERGE (s:Source {id: $id})
     ON CREATE SET s.document = $document, s.section = $section, s.kind = 'STATEMENT', s.author = $author,
       s.note = $note, s.synthetic = false, s.origin = 'CURATED'`,
    {
      id,
      document: `Statement by ${edit.actor.name}`,
      section: new Date().toISOString().slice(0, 10),
      author: edit.actor.name,
      note: text,
    },
  );
  return id;
}

/**
 * The checks every import's rows go through (ingest's propsProblems, property by property), so
 * a mutation cannot write what an import could not; `fieldOf` names the input field of a property.
 */
export function modelProblems(
  shape: Readonly<Record<string, PropertyType>>,
  props: Props,
  fieldOf: (property: string) => string,
): FieldProblem[] {
  return Object.keys(props).flatMap((name) =>
    Object.hasOwn(shape, name)
      ? propsProblems({ [name]: shape[name] as PropertyType }, { [name]: props[name] }, new Set()).map(
          (message) => ({ field: fieldOf(name), message: message.replace(/^property "[^"]+" /, '') }),
        )
      : [{ field: fieldOf(name), message: 'is not a property of the model' }],
  );
}

/** The model's properties of a stored node or relationship (no search tokens, no lock). */
export function modelPropsOf(shape: Readonly<Record<string, PropertyType>>, stored: Props): Props {
  return Object.fromEntries(Object.entries(stored).filter(([name]) => Object.hasOwn(shape, name)));
}

export const nodeShape = (label: NodeLabel) => nodeModel[label].properties;
export const relationshipShape = (type: RelationshipType) => relationshipModel[type].properties;

/**
 * Takes the node's write lock, then reads it (Neo4j's documented lock-then-read): a concurrent
 * edit of the same node waits here until the other commits, then sees its version. Null: no such node.
 */
export async function lockNode(tx: ManagedTransaction, label: NodeLabel, id: string): Promise<Props | null> {
  const result = await tx.run(
    `MATCH (n:${label} {id: $id}) SET n._lock = true WITH n REMOVE n._lock RETURN properties(n) AS props`,
    { id },
  );
  return (result.records[0]?.get('props') as Props | undefined) ?? null;
}

export function versionOf(props: Props): number {
  return typeof props.version === 'number' ? props.version : 0;
}

/** Locks and reads a node, refusing an unknown one (NOT_FOUND) or a stale version (CONFLICT). */
export async function lockCurrent(
  tx: ManagedTransaction,
  label: NodeLabel,
  id: string,
  globalId: string,
  version: number,
): Promise<Props> {
  const stored = await lockNode(tx, label, id);
  if (!stored) throw new NotFoundError(globalId, `${label}`);
  const current = versionOf(stored);
  if (current !== version) throw new StaleVersionError(label, globalId, version, current);
  return stored;
}

/**
 * Sets a node's changed properties (null removes one), its search tokens, the next version and
 * CURATED origin (a person stated it: imports add claims beside it and never overwrite it),
 * and links it to the edit's Source.
 */
export async function writeNode(
  tx: ManagedTransaction,
  label: NodeLabel,
  id: string,
  after: Props,
  changes: Props,
  version: number,
  source: string,
  create = false,
): Promise<void> {
  const props = {
    ...changes,
    ...searchProperties(label, after),
    version,
    synthetic: false,
    origin: 'CURATED',
  };
  await tx.run(
    `${create ? `CREATE (n:${label} {id: $id})` : `MATCH (n:${label} {id: $id})`} SET n += $props
     WITH n MATCH (s:Source {id: $source}) MERGE (n)-[:SOURCED_FROM]->(s)`,
    { id, props, source },
  );
}

/** Runs an edit in one managed transaction with its audit; bumps the analytics cache after commit. */
export async function runEdit<T>(
  db: Database,
  edit: Edit,
  work: (tx: ManagedTransaction, source: string) => Promise<{ result: T; entries: (ChangeEntry | null)[] }>,
): Promise<T & { changeId: string }> {
  refuseProblems(sourceProblems(edit.source));
  const done = await db.write(async (tx) => {
    const source = await sourceOf(tx, edit);
    const { result, entries } = await work(tx, source);
    const note = edit.source.note?.trim();
    const change = await recordChanges(tx, {
      actor: edit.actor,
      operation: edit.operation,
      entries: entries.filter((entry): entry is ChangeEntry => entry !== null),
      ...(edit.source.importId ? { importId: edit.source.importId } : {}),
      ...(note ? { note } : {}),
    });
    return { ...result, changeId: change.id };
  });
  bumpDatasetGeneration();
  return done;
}

/**
 * Changes a node's own properties (a cluster's declared facts, a need): locked at the version the
 * editor saw, the merged properties checked against the model and the format rules, written with
 * the next version.
 */
export async function updateFacts(
  db: Database,
  edit: Edit,
  label: NodeLabel,
  input: { id: string; globalId: string; version: number; changes: Props },
) {
  const shape = nodeShape(label);
  const field = (property: string) => `input.${property}`;
  return runEdit(db, edit, async (tx, source) => {
    const stored = await lockCurrent(tx, label, input.id, input.globalId, input.version);
    const before = modelPropsOf(shape, stored);
    refuseProblems([
      ...modelProblems(shape, { ...before, ...input.changes }, field),
      ...formatProblems(input.changes, field),
    ]);
    const after = { ...before, ...input.changes };
    const version = versionOf(stored) + 1;
    await writeNode(tx, label, input.id, after, input.changes, version, source);
    return {
      result: { id: input.id },
      entries: [nodeEntry(label, input.id, before, { ...after, version, origin: 'CURATED' })],
    };
  });
}
