import { type NodeLabel, type RelationshipType, searchProperties } from '@clustergraph/schema';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { Actor } from '../audit/entries.ts';
import { recordChange } from '../audit/record.ts';
import { stampRevision } from '../revision.ts';
import type { Counts, NodeRef, RelationshipWrite, WritePlan } from './plan.ts';
import { statedKeys } from './state.ts';

/** The Import record as stored: who, when, which file, what it did. */
export type ImportRecord = {
  id: string;
  stream: string;
  importer: string;
  file: string;
  checksum: string;
  importedAt: string;
  importedBy: string;
  rows: number;
  refused: number;
  partial: boolean;
  nodes: Counts;
  relationships: Counts;
};

export type WriteProgress = (written: number, total: number) => void;

const BATCH = 10_000;

export type PlanWriteOptions = {
  database?: string | undefined;
  onProgress?: WriteProgress | undefined;
  /** Rows per transaction (10,000 by default). */
  batchSize?: number | undefined;
};

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

type Step = { cypher: string; rows: readonly object[] };

/** The Source every fact of a stream links to: one per stream, so a newer file replaces what it stated. */
export function streamSourceId(stream: string): string {
  return `source:import:${stream}`;
}

/**
 * The statements that write a plan. Labels and types come from the model through the plan;
 * relationship properties are set key by key from the model, so one no longer stated goes.
 * An imported relationship that a document also states is never touched (the plan leaves it).
 */
export function planSteps(plan: WritePlan): Step[] {
  const steps: Step[] = [];
  const claimOf = new Map(plan.claimWrites.map((claim) => [`${claim.label}|${claim.id}`, claim]));
  const created = new Set<string>();
  for (const [key, writes] of groupBy(plan.nodeWrites, (write) => `${write.label}|${write.isNew === true}`)) {
    const label = writes[0]?.label as NodeLabel;
    const rows = writes.map(({ id, props }) => ({
      id,
      props: { ...props, ...searchProperties(label, props), id, synthetic: false, origin: 'IMPORTED' },
    }));
    if (key.endsWith('|false')) {
      steps.push({
        // SET n = replaces every property: the edit version is carried over (mutations check it).
        cypher: `UNWIND $rows AS row MERGE (n:${label} {id: row.id})
          WITH n, row, n.version AS version SET n = row.props, n.version = version`,
        rows,
      });
      continue;
    }
    // A node the graph lacks is created with its claim in one statement: no lookup, no MERGE.
    steps.push({
      cypher: `MATCH (s:Source {id: $source})
        UNWIND $rows AS row CREATE (n:${label}) SET n = row.props
        WITH s, n, row WHERE row.claim IS NOT NULL
        CREATE (n)-[c:SOURCED_FROM]->(s)
        SET c = row.claim, c.importId = coalesce(row.claim.importId, $importId),
          c.importedAt = coalesce(row.claim.importedAt, $importedAt)`,
      rows: writes.map((write, index) => {
        const claim = claimOf.get(`${label}|${write.id}`);
        if (claim) created.add(`${label}|${write.id}`);
        return {
          ...rows[index],
          claim: claim
            ? {
                stated: claim.stated,
                rows: claim.rows,
                importId: claim.importId,
                importedAt: claim.importedAt,
              }
            : null,
        };
      }),
    });
  }
  const claims = plan.claimWrites.filter((claim) => !created.has(`${claim.label}|${claim.id}`));
  for (const [label, group] of groupBy(claims, (claim) => claim.label)) {
    steps.push({
      cypher: `MATCH (s:Source {id: $source}) UNWIND $rows AS row MATCH (n:${label as NodeLabel} {id: row.id})
        MERGE (n)-[c:SOURCED_FROM]->(s)
        SET c.stated = row.stated, c.rows = row.rows,
          c.importId = coalesce(row.importId, $importId), c.importedAt = coalesce(row.importedAt, $importedAt)`,
      rows: group.map(({ id, stated, rows, importId, importedAt }) => ({
        id,
        stated,
        rows,
        importId,
        importedAt,
      })),
    });
  }
  for (const [label, refs] of groupBy(plan.claimRemovals, (ref) => ref.label)) {
    steps.push({
      cypher: `UNWIND $rows AS row MATCH (n:${label as NodeLabel} {id: row.id})-[c:SOURCED_FROM]->(:Source {id: $source}) DELETE c`,
      rows: refs.map(({ id }: NodeRef) => ({ id })),
    });
  }
  const byEnds = (rel: RelationshipWrite) => `${rel.type}|${rel.fromLabel}|${rel.toLabel}`;
  for (const [key, rels] of groupBy(plan.relationshipRemovals, byEnds)) {
    const [type, from, to] = key.split('|') as [RelationshipType, NodeLabel, NodeLabel];
    steps.push({
      cypher: `UNWIND $rows AS row MATCH (a:${from} {id: row.from})-[r:${type}]->(b:${to} {id: row.to})
        WHERE r.origin = 'IMPORTED'
        SET r.sources = [s IN r.sources WHERE s <> $source]
        WITH r WHERE size(r.sources) = 0 DELETE r`,
      rows: rels.map(({ from: a, to: b }) => ({ from: a, to: b })),
    });
  }
  for (const [label, refs] of groupBy(plan.nodeDeletions, (ref) => ref.label)) {
    steps.push({
      cypher: `UNWIND $rows AS row MATCH (n:${label as NodeLabel} {id: row.id}) WHERE n.origin = 'IMPORTED' DETACH DELETE n`,
      rows: refs.map(({ id }) => ({ id })),
    });
  }
  const byEndsAndNew = (rel: RelationshipWrite) => `${byEnds(rel)}|${rel.isNew === true}`;
  for (const [key, rels] of groupBy(plan.relationshipWrites, byEndsAndNew)) {
    const [type, from, to, isNew] = key.split('|') as [RelationshipType, NodeLabel, NodeLabel, string];
    const keys = statedKeys(type);
    const rows = rels.map(({ from: a, to: b, props: stated, rows: lines, importId }) => ({
      from: a,
      to: b,
      props: stated,
      rows: lines,
      importId: importId ?? null,
    }));
    if (isNew === 'true') {
      // The graph has no such relationship (the plan read it): CREATE, which needs no lock-and-check.
      steps.push({
        cypher: `UNWIND $rows AS row MATCH (a:${from} {id: row.from}) MATCH (b:${to} {id: row.to})
          CREATE (a)-[r:${type}]->(b)
          SET r.origin = 'IMPORTED', r.sources = [$source], r.importId = coalesce(row.importId, $importId),
            r.rows = row.rows${keys.map((name) => `, r.${name} = row.props.${name}`).join('')}`,
        rows,
      });
      continue;
    }
    steps.push({
      cypher: `UNWIND $rows AS row MATCH (a:${from} {id: row.from}) MATCH (b:${to} {id: row.to})
        MERGE (a)-[r:${type}]->(b)
        ON CREATE SET r.origin = 'IMPORTED', r.sources = []
        WITH r, row WHERE r.origin = 'IMPORTED'
        SET r.sources = CASE WHEN $source IN r.sources THEN r.sources ELSE r.sources + $source END,
          r.importId = coalesce(row.importId, $importId), r.rows = row.rows${keys
            .map((name) => `, r.${name} = row.props.${name}`)
            .join('')}`,
      rows,
    });
  }
  return steps;
}

function recordProps(record: ImportRecord): Record<string, unknown> {
  const { nodes, relationships, id: _id, ...rest } = record;
  return {
    ...rest,
    created: nodes.created + relationships.created,
    updated: nodes.updated + relationships.updated,
    unchanged: nodes.unchanged + nodes.matched + relationships.unchanged + relationships.matched,
    removed: nodes.removed + relationships.removed,
  };
}

/** Runs the steps of a plan, one transaction per batch of rows. */
export async function writeSteps(
  driver: Driver,
  steps: readonly Step[],
  params: { source: string; importId: string; importedAt: string },
  options: PlanWriteOptions = {},
): Promise<void> {
  const batch = options.batchSize ?? BATCH;
  const total = steps.reduce((sum, step) => sum + step.rows.length, 0);
  let written = 0;
  const session = driver.session({ database: options.database });
  try {
    for (const step of steps) {
      for (let start = 0; start < step.rows.length; start += batch) {
        const rows = step.rows.slice(start, start + batch);
        await session.executeWrite((tx: ManagedTransaction) => tx.run(step.cypher, { ...params, rows }));
        written += rows.length;
        options.onProgress?.(written, total);
      }
    }
  } finally {
    await session.close();
  }
}

export class ImportWriteError extends Error {}

/**
 * Writes a plan and its Import record, all or nothing. A whole Horizon 2020 file is more than one
 * transaction of a 1 GB Neo4j can hold, so the rows go in transactions of ten thousand; the Import
 * is recorded first as WRITING, and if any batch fails `restore` puts back what the stream stated
 * before (everything this run wrote carries its importId) and the record goes, so the graph is as
 * it was. A process killed half-way leaves the record WRITING: `pnpm run import undo` clears it.
 */
export async function writePlan(
  driver: Driver,
  plan: WritePlan,
  context: {
    source: string;
    sourceDocument: string;
    record: ImportRecord;
    /** Who ran it, for the audit log. */
    actor: Actor;
    undoOf?: string;
    restore: () => Promise<void>;
  },
  options: PlanWriteOptions = {},
): Promise<void> {
  const { record } = context;
  const params = { source: context.source, importId: record.id, importedAt: record.importedAt };
  const run = (cypher: string, parameters: Record<string, unknown>) =>
    driver.executeQuery(cypher, parameters, { database: options.database });
  await run(
    `MERGE (s:Source {id: $source})
     SET s.document = $document, s.section = $stream, s.kind = 'IMPORT', s.synthetic = false, s.origin = 'IMPORTED'`,
    { source: context.source, document: context.sourceDocument, stream: record.stream },
  );
  if (!context.undoOf) {
    await run(
      `MATCH (s:Source {id: $source})
       CREATE (i:Import {id: $id}) SET i += $props, i.state = 'WRITING', i.synthetic = false, i.origin = 'IMPORTED'
       CREATE (i)-[:RECORDS]->(s)`,
      { source: context.source, id: record.id, props: recordProps(record) },
    );
  }
  try {
    await writeSteps(driver, planSteps(plan), params, options);
  } catch (error) {
    try {
      await context.restore();
      if (!context.undoOf) await run('MATCH (i:Import {id: $id}) DETACH DELETE i', { id: record.id });
    } catch (restoreError) {
      throw new ImportWriteError(
        `The write failed (${(error as Error).message}) and putting the graph back failed too (${(restoreError as Error).message}); run \`pnpm run import undo ${record.id}\`.`,
      );
    }
    await stampRevision(driver, options.database);
    throw new ImportWriteError(
      `The write failed and was rolled back, the graph is as it was: ${(error as Error).message}`,
    );
  }
  // The run's one Change (not one entry per fact: the Import and its RECORDS already say what it
  // wrote) commits with the state that makes the run count.
  const summary = {
    stream: record.stream,
    file: record.file,
    checksum: record.checksum,
    rows: record.rows,
    refused: record.refused,
    partial: record.partial,
    nodes: record.nodes,
    relationships: record.relationships,
  };
  const session = driver.session({ database: options.database });
  try {
    await session.executeWrite(async (tx) => {
      if (context.undoOf) {
        await tx.run("MATCH (i:Import {id: $id}) SET i.undoneAt = $at, i.state = 'UNDONE'", {
          id: context.undoOf,
          at: record.importedAt,
        });
      } else {
        await tx.run("MATCH (i:Import {id: $id}) SET i.state = 'DONE'", { id: record.id });
      }
      await recordChange(tx, {
        actor: context.actor,
        operation: context.undoOf ? 'undoImport' : 'import',
        importId: context.undoOf ?? record.id,
        entries: [],
        summary,
      });
      await stampRevision(tx);
    });
  } finally {
    await session.close();
  }
}
