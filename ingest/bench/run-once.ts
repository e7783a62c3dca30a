/**
 * One run of `pnpm bench:import`, in its own process (its peak RSS is the run's):
 * `run-once.ts import|reference <file> [batch]`; prints one JSON line.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { connectFromEnv } from '../src/connect.ts';
import { runImport } from '../src/imports/run.ts';

export type RunResult = {
  mode: string;
  outcome: string;
  nodesWritten: number;
  relationshipsWritten: number;
  readMs: number;
  planMs: number;
  writeMs: number;
  totalMs: number;
  nodeCpuMs: number;
  peakRssMb: number;
};

const [mode, file, batchArg] = process.argv.slice(2);
if ((mode !== 'import' && mode !== 'reference') || !file) {
  throw new Error('usage: run-once.ts import|reference <file> [batch]');
}
const batchSize = batchArg ? Number(batchArg) : 10_000;
const { driver } = connectFromEnv();

/**
 * What a user would write by hand: the rows of the file, UNWIND in batches into one MERGE
 * statement per batch (an organisation by PIC, a project by record number, the participation,
 * the programme and the country). No provenance, no matching by VAT or name, no validation, no
 * all-or-nothing: each batch commits on its own.
 */
const REFERENCE_CYPHER = `
  MATCH (g:Programme {id: 'programme:h2020'})
  UNWIND $rows AS row
  MERGE (o:Organisation {id: 'organisation:pic:' + row.pic})
    ON CREATE SET o.pic = row.pic, o.name = 'PIC ' + row.pic, o.activityType = row.type,
      o.country = row.country, o.synthetic = false, o.origin = 'IMPORTED'
  MERGE (p:Project {id: 'project:cordis-rcn:' + row.rcn})
    ON CREATE SET p.rcn = row.rcn, p.code = 'RCN ' + row.rcn, p.title = 'CORDIS project record ' + row.rcn,
      p.startDate = row.start_date, p.endDate = row.end_date, p.budgetAmount = toFloat(row.total_cost),
      p.synthetic = false, p.origin = 'IMPORTED'
  MERGE (o)-[r:PARTICIPATES_IN]->(p) SET r.role = row.role, r.contribution = toFloat(row.contribution)
  MERGE (p)-[:FUNDED_BY]->(g)
  MERGE (c:Region {id: 'region:' + row.country})
    ON CREATE SET c.code = row.country, c.name = row.country, c.level = 0, c.synthetic = false
  MERGE (o)-[:LOCATED_IN]->(c)`;

async function reference(): Promise<RunResult> {
  const started = performance.now();
  await driver.executeQuery(
    `MERGE (g:Programme {id: 'programme:h2020'})
     ON CREATE SET g.name = 'Horizon 2020', g.acronym = 'H2020', g.synthetic = false, g.origin = 'IMPORTED'`,
  );
  const parser = createReadStream(file as string)
    .pipe(createGunzip())
    .pipe(parse({ bom: true, delimiter: [',', ';'], columns: true, relax_column_count: true }));
  let batch: Record<string, string>[] = [];
  let readMs = 0;
  let writeMs = 0;
  let nodes = 0;
  let relationships = 0;
  const flush = async () => {
    const writeStarted = performance.now();
    const { summary } = await driver.executeQuery(REFERENCE_CYPHER, { rows: batch });
    const counters = summary.counters.updates();
    nodes += counters.nodesCreated;
    relationships += counters.relationshipsCreated;
    writeMs += performance.now() - writeStarted;
    batch = [];
  };
  let readStarted = performance.now();
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    batch.push(row);
    if (batch.length >= batchSize) {
      readMs += performance.now() - readStarted;
      await flush();
      readStarted = performance.now();
    }
  }
  readMs += performance.now() - readStarted;
  if (batch.length > 0) await flush();
  return {
    mode: 'reference',
    outcome: nodes + relationships > 0 ? 'written' : 'unchanged',
    nodesWritten: nodes,
    relationshipsWritten: relationships,
    readMs,
    planMs: 0,
    writeMs,
    totalMs: performance.now() - started,
    nodeCpuMs: 0,
    peakRssMb: 0,
  };
}

async function ours(): Promise<RunResult> {
  const started = performance.now();
  const report = await runImport(driver, { kind: 'cordis-h2020', path: file as string, batchSize });
  if (report.problems.length > 0) throw new Error(`the file was refused: ${report.problems[0]?.message}`);
  const written = (counts: typeof report.nodes) => counts.created + counts.updated + counts.removed;
  return {
    mode: 'import',
    outcome: report.outcome,
    nodesWritten: written(report.nodes),
    relationshipsWritten: written(report.relationships),
    ...report.timings,
    totalMs: performance.now() - started,
    nodeCpuMs: 0,
    peakRssMb: 0,
  };
}

try {
  const cpu = process.cpuUsage();
  const result = mode === 'import' ? await ours() : await reference();
  const used = process.cpuUsage(cpu);
  result.nodeCpuMs = Math.round((used.user + used.system) / 1000);
  result.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify(result));
} finally {
  await driver.close();
}
