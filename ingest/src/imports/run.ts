import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { NodeLabel } from '@clustergraph/schema';
import type { Driver } from 'neo4j-driver';
import type { Actor } from '../audit/entries.ts';
import { cordisFiles, mapCordisExport } from '../sources/cordis.ts';
import { type KnownCluster, type MappingContext, mapH2020Participations } from '../sources/h2020.ts';
import { mapInterchange } from '../sources/json.ts';
import { clusterKeys, mapMemberList } from '../sources/member-list.ts';
import type { ReadProgress } from './csv.ts';
import type { UncertainMatch } from './match.ts';
import {
  type Conflict,
  type Counts,
  changesAnything,
  planStream,
  resolveStatement,
  type StreamStatement,
} from './plan.ts';
import { type GraphState, readGraphState, readKnownRegions } from './state.ts';
import type { ImportStatement, RowProblem, StatedNode } from './statement.ts';
import {
  type ImportRecord,
  planSteps,
  streamSourceId,
  type WriteProgress,
  writePlan,
  writeSteps,
} from './write.ts';

type Importer = {
  describe: string;
  /** What the importer needs to know of the graph besides its regions (a member list: the clusters). */
  prepare?: (driver: Driver, options: ImportOptions) => Promise<Partial<MappingContext>>;
  /** The default stream, when it is not the kind and the file name. */
  stream?: (options: ImportOptions, context: Partial<MappingContext>) => string | undefined;
  /** The files read, to checksum: one, or the two of a CORDIS export. */
  files: (path: string) => string[];
  map: (
    path: string,
    context: MappingContext,
    onProgress?: (progress: ReadProgress) => void,
  ) => Promise<ImportStatement>;
};

export const IMPORTERS = {
  'cordis-h2020': {
    describe:
      'the CORDIS Horizon 2020 participation file (csv or csv.gz): organisations by PIC, projects by record number',
    files: (path) => [path],
    map: mapH2020Participations,
  },
  cordis: {
    describe:
      'a CORDIS project export: a folder (or its project.csv) with project.csv and organization.csv, comma or semicolon',
    files: (path) => {
      const { projects, organisations } = cordisFiles(path);
      return [projects, organisations];
    },
    map: mapCordisExport,
  },
  'member-list': {
    describe:
      "a cluster's member list (csv or xlsx; columns in ingest/templates/README.md), with --cluster <id, name or acronym> or a cluster column",
    files: (path) => [path],
    prepare: async (driver, options) => {
      const clusters = await readKnownClusters(driver, options.database);
      if (options.cluster === undefined) return { clusters };
      const cluster = clusters.get(clusterKeys({ id: options.cluster, name: options.cluster })[0] ?? '');
      if (!cluster) {
        const some = [...new Set([...clusters.values()].map((known) => known.id))].slice(0, 8);
        throw new ImportSetupError(
          `--cluster ${options.cluster}: no such cluster in the graph (give its id, name or acronym; for instance ${some.join(', ')})`,
        );
      }
      return { clusters, cluster };
    },
    // A newer list of the same cluster replaces the older one: members it no longer lists go.
    stream: (_options, context) => (context.cluster ? `member-list:${context.cluster.id}` : undefined),
    map: mapMemberList,
  },
  json: {
    describe:
      'a document of the interchange format (ingest/interchange/interchange.schema.json), as pnpm run export writes it',
    files: (path) => [path],
    prepare: async (driver, options) => ({
      labelsOf: async (ids) => {
        const { records } = await driver.executeQuery(
          'MATCH (n) WHERE n.id IN $ids AND n.synthetic = false RETURN n.id AS id, labels(n)[0] AS label',
          { ids },
          { database: options.database },
        );
        return new Map(
          records.map((record) => [record.get('id') as string, record.get('label') as NodeLabel]),
        );
      },
    }),
    map: mapInterchange,
  },
} as const satisfies Record<string, Importer>;

/** A problem with the command (a cluster that does not exist), found before the file is read. */
export class ImportSetupError extends Error {}

export type ImporterKind = keyof typeof IMPORTERS;

export function isImporterKind(kind: string): kind is ImporterKind {
  return Object.hasOwn(IMPORTERS, kind);
}

export type ImportOptions = {
  kind: ImporterKind;
  path: string;
  dryRun?: boolean;
  /** Writes the good rows of a file with refused ones (all-or-nothing otherwise). */
  partial?: boolean;
  /** What the import keeps up to date; a newer file under the same name replaces what the older one said. */
  stream?: string;
  /** Who runs it (the API's user); the command line's is the system user. */
  actor?: Actor;
  importedBy?: string;
  database?: string | undefined;
  onReadProgress?: (progress: ReadProgress) => void;
  onWriteProgress?: WriteProgress;
  /** Rows per write transaction (10,000 by default). */
  batchSize?: number;
  /** A member list's cluster: its id, name or acronym. */
  cluster?: string;
};

export type ImportOutcome = 'dry-run' | 'refused' | 'written' | 'unchanged' | 'undone';

export type ImportReport = {
  outcome: ImportOutcome;
  importId: string | null;
  stream: string;
  files: string[];
  checksum: string;
  rowsRead: number;
  rowsRefused: number;
  partial: boolean;
  nodes: Counts;
  relationships: Counts;
  problems: RowProblem[];
  conflicts: Conflict[];
  uncertain: UncertainMatch[];
  timings: { readMs: number; planMs: number; writeMs: number };
};

/** Who the audit log names for an import or undo: the API's user, or the system user of the command line. */
function importActor(options: { actor?: Actor | undefined; importedBy?: string | undefined }): Actor {
  if (options.actor) return options.actor;
  const name = options.importedBy ?? process.env.USER ?? 'unknown';
  return { id: `cli:${name}`, name };
}

async function checksumOf(files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/**
 * Runs one import: reads and maps the file, matches it with the graph, plans, and (unless a dry
 * run, or any row is refused without `partial`) writes the plan and the Import record in one
 * transaction. A file that changes nothing writes nothing.
 */
export async function runImport(driver: Driver, options: ImportOptions): Promise<ImportReport> {
  const importer: Importer = IMPORTERS[options.kind];
  const files = importer.files(options.path);
  for (const file of files) statSync(file);
  const started = performance.now();
  const knownRegions = await readKnownRegions(driver, options.database);
  const prepared = (await importer.prepare?.(driver, options)) ?? {};
  const stream =
    options.stream ?? importer.stream?.(options, prepared) ?? `${options.kind}:${basename(options.path)}`;
  const source = streamSourceId(stream);
  // The graph is read while the file is: Neo4j answers while this process parses.
  const [checksum, state, statement] = await Promise.all([
    checksumOf(files),
    readGraphState(driver, options.database),
    importer.map(options.path, { ...prepared, knownRegions }, options.onReadProgress),
  ]);
  const readMs = performance.now() - started;

  const importedAt = new Date().toISOString();
  const { stream: stated, uncertain } = resolveStatement(statement, state);
  const plan = planStream(stated, state, source, importedAt);
  const planMs = performance.now() - started - readMs;
  const problems = [
    ...statement.problems,
    ...plan.problems.map((problem) => ({ ...problem, file: basename(files[0] ?? '') })),
  ];
  const partial = Boolean(options.partial) && statement.problems.length > 0 && plan.problems.length === 0;
  const report: ImportReport = {
    outcome: 'dry-run',
    importId: null,
    stream,
    files,
    checksum,
    rowsRead: statement.rowsRead,
    rowsRefused: statement.refusedRows,
    partial,
    nodes: plan.nodes,
    relationships: plan.relationships,
    problems,
    conflicts: plan.conflicts,
    uncertain,
    timings: { readMs, planMs, writeMs: 0 },
  };
  if (options.dryRun) return report;
  if (problems.length > 0 && !partial) return { ...report, outcome: 'refused' };
  if (!changesAnything(plan)) return { ...report, outcome: 'unchanged' };

  const actor = importActor(options);
  const record: ImportRecord = {
    id: `import:${importedAt.slice(0, 10)}:${randomUUID()}`,
    stream,
    importer: options.kind,
    file: files.map((file) => basename(file)).join(', '),
    checksum,
    importedAt,
    importedBy: actor.name,
    rows: statement.rowsRead,
    refused: statement.refusedRows,
    partial,
    nodes: plan.nodes,
    relationships: plan.relationships,
  };
  const writeStarted = performance.now();
  await writePlan(
    driver,
    plan,
    {
      source,
      sourceDocument: record.file,
      record,
      actor,
      restore: () => restoreStream(driver, state, source, options.database),
    },
    { database: options.database, onProgress: options.onWriteProgress, batchSize: options.batchSize },
  );
  return {
    ...report,
    outcome: 'written',
    importId: record.id,
    timings: { ...report.timings, writeMs: performance.now() - writeStarted },
  };
}

/** What a stream states according to a graph state, with the import that stated each part. */
function streamInState(
  state: GraphState,
  source: string,
  keep: (importId: string | null) => boolean,
): StreamStatement {
  const stream: StreamStatement = { nodes: new Map(), relationships: new Map() };
  for (const node of state.nodes.values()) {
    const claim = node.claims.find((candidate) => candidate.source === source);
    if (!claim || !keep(claim.importId)) continue;
    const stated: StatedNode = {
      label: node.label,
      id: node.id,
      props: claim.stated,
      rows: claim.rows,
      statedBy: { importId: claim.importId, importedAt: claim.importedAt },
    };
    stream.nodes.set(node.id, stated);
  }
  for (const [key, rel] of state.relationships) {
    if (rel.origin !== 'IMPORTED' || !rel.sources.includes(source) || !keep(rel.importId)) continue;
    stream.relationships.set(key, rel);
  }
  return stream;
}

/**
 * Puts a stream back as it was in `before` (read before a write that failed): plans the earlier
 * statement against the graph as it is now and writes that plan.
 */
async function restoreStream(
  driver: Driver,
  before: GraphState,
  source: string,
  database?: string,
): Promise<void> {
  const now = await readGraphState(driver, database);
  const plan = planStream(
    streamInState(before, source, () => true),
    now,
    source,
    new Date().toISOString(),
  );
  await writeSteps(driver, planSteps(plan), { source, importId: '', importedAt: '' }, { database });
}

export class ImportNotFoundError extends Error {}

/**
 * Removes what one import alone stated: its claims on nodes (a node no other source states goes),
 * the relationships it wrote that no other source states. What an older import of the same stream
 * stated and this one left as it was stays. Recorded on the Import as `undoneAt`.
 */
export async function undoImport(
  driver: Driver,
  importId: string,
  options: {
    database?: string | undefined;
    onWriteProgress?: WriteProgress;
    actor?: Actor;
    importedBy?: string;
  } = {},
): Promise<ImportReport> {
  const { records } = await driver.executeQuery(
    'MATCH (i:Import {id: $id}) RETURN i {.*} AS record',
    { id: importId },
    { database: options.database },
  );
  const found = records[0]?.get('record') as
    | (Omit<ImportRecord, 'nodes' | 'relationships'> & { undoneAt?: string })
    | undefined;
  if (!found) throw new ImportNotFoundError(`No import ${importId} (pnpm run import list shows them).`);
  if (found.undoneAt)
    throw new ImportNotFoundError(`Import ${importId} was already undone at ${found.undoneAt}.`);
  const source = streamSourceId(found.stream);
  const started = performance.now();
  const state = await readGraphState(driver, options.database);
  const kept = streamInState(state, source, (stated) => stated !== importId);
  const now = new Date().toISOString();
  const plan = planStream(kept, state, source, now);
  const planMs = performance.now() - started;
  const record: ImportRecord = {
    ...found,
    importedAt: now,
    nodes: plan.nodes,
    relationships: plan.relationships,
  };
  await writePlan(
    driver,
    plan,
    {
      source,
      sourceDocument: found.file,
      record,
      actor: importActor(options),
      undoOf: importId,
      restore: () => restoreStream(driver, state, source, options.database),
    },
    { database: options.database, onProgress: options.onWriteProgress },
  );
  return {
    outcome: 'undone',
    importId,
    stream: found.stream,
    files: [found.file],
    checksum: found.checksum,
    rowsRead: 0,
    rowsRefused: 0,
    partial: false,
    nodes: plan.nodes,
    relationships: plan.relationships,
    problems: [],
    conflicts: [],
    uncertain: [],
    timings: { readMs: 0, planMs, writeMs: performance.now() - started - planMs },
  };
}

/** Imports recorded in the graph, newest first. */
export async function listImports(driver: Driver, database?: string): Promise<Record<string, unknown>[]> {
  const { records } = await driver.executeQuery(
    'MATCH (i:Import) RETURN i {.*} AS record ORDER BY i.importedAt DESC',
    {},
    { database },
  );
  return records.map((record) => record.get('record') as Record<string, unknown>);
}

/** The clusters a member list may name, by each of their keys (id, name, acronym). */
async function readKnownClusters(driver: Driver, database?: string): Promise<Map<string, KnownCluster>> {
  const { records } = await driver.executeQuery(
    `MATCH (c:Cluster) WHERE c.synthetic = false
     RETURN c.id AS id, c.name AS name, c.acronym AS acronym,
       [(c)-[:LOCATED_IN]->(r:Region) | r.code][0] AS region`,
    {},
    { database },
  );
  const clusters = new Map<string, KnownCluster>();
  for (const record of records) {
    const row = record.toObject() as {
      id: string;
      name: string;
      acronym: string | null;
      region: string | null;
    };
    const cluster = { id: row.id, name: row.name, country: row.region?.slice(0, 2) };
    for (const key of clusterKeys(row)) clusters.set(key, cluster);
  }
  return clusters;
}
