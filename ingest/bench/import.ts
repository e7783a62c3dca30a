/**
 * `pnpm bench:import [--file <participations.csv.gz>] [--batch 10000]`: the whole real Horizon 2020
 * participation file into a Neo4j holding the curated graph, first import and re-import of the
 * same file, beside the reference a user would otherwise write: hand-written Cypher, UNWIND of
 * the same rows in batches of MERGE statements (no provenance, no matching, no all-or-nothing).
 *
 * It starts its own Neo4j 5.26 (1 GB heap, 256 MB page cache, as the tests), so no running
 * database is touched. Each run is a child process, so its peak RSS is its own; besides wall
 * times it reports the CPU time of node and of the Neo4j JVM (JMX): on a shared machine wall
 * time depends on the neighbours, CPU time much less. Figures and the machine go to
 * ingest/BENCHMARKS.md.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadCurated } from '../../seed/src/index.ts';
import { freePort, startLocalNeo4j } from '../../server/scripts/neo4j.ts';
import { deleteNodes } from '../src/write.ts';
import type { RunResult } from './run-once.ts';

const DEFAULT_FILE = fileURLToPath(
  new URL('../../../shared/datasets/h2020-participations.csv.gz', import.meta.url),
);
const REPORT = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
const CHILD = fileURLToPath(new URL('./run-once.ts', import.meta.url));

const { values } = parseArgs({
  options: { file: { type: 'string' }, batch: { type: 'string' } },
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
});
const file = values.file ?? DEFAULT_FILE;

async function neo4jCpuMs(driver: Driver): Promise<number> {
  const { records } = await driver.executeQuery(
    "CALL dbms.queryJmx('java.lang:type=OperatingSystem') YIELD attributes RETURN attributes.ProcessCpuTime.value AS nanos",
  );
  return Math.round(Number(records[0]?.get('nanos')) / 1e6);
}

type Measured = RunResult & { neo4jCpuMs: number; loadAverage: number };

function runChild(mode: string, uri: string, driver: Driver): Promise<Measured> {
  return neo4jCpuMs(driver).then(
    (before) =>
      new Promise((resolve, reject) => {
        const args = [...process.execArgv, CHILD, mode, file, ...(values.batch ? [values.batch] : [])];
        const child = spawn(process.execPath, args, {
          stdio: ['ignore', 'pipe', 'inherit'],
          env: { ...process.env, NEO4J_URI: uri },
        });
        let output = '';
        child.stdout.on('data', (data: Buffer) => {
          output += data.toString();
        });
        child.on('error', reject);
        child.on('close', (code) => {
          if (code !== 0) return reject(new Error(`the ${mode} run exited with code ${code}`));
          const result = JSON.parse(output.trim().split('\n').at(-1) ?? '') as RunResult;
          neo4jCpuMs(driver).then(
            (after) => resolve({ ...result, neo4jCpuMs: after - before, loadAverage: loadavg()[0] ?? 0 }),
            reject,
          );
        });
      }),
  );
}

async function freshCuratedGraph(driver: Driver): Promise<void> {
  await deleteNodes(driver, 'everything');
  await loadCurated(driver);
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const thousands = (count: number) => count.toLocaleString('en-GB');

const machine = {
  cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  node: process.version,
  loadAtStart: loadavg()
    .map((value) => value.toFixed(1))
    .join(' '),
};

const dataDir = await mkdtemp(join(tmpdir(), 'clustergraph-bench-import-'));
const local = await startLocalNeo4j({ dataDir, boltPort: await freePort(), heap: '1g', pageCache: '256m' });
const driver = neo4j.driver(local.uri, undefined, { disableLosslessIntegers: true });
const results: { label: string; result: Measured }[] = [];
try {
  const step = async (label: string, mode: string) => {
    console.error(`${label} ...`);
    const result = await runChild(mode, local.uri, driver);
    console.error(
      `  ${seconds(result.totalMs)} s, node CPU ${seconds(result.nodeCpuMs)} s, Neo4j CPU ${seconds(result.neo4jCpuMs)} s, ${result.peakRssMb} MB, load ${result.loadAverage.toFixed(1)}`,
    );
    results.push({ label, result });
  };
  console.error('curated graph ...');
  await freshCuratedGraph(driver);
  await step('hand-written Cypher (UNWIND + MERGE), first load', 'reference');
  await step('hand-written Cypher (UNWIND + MERGE), same file again', 'reference');
  await freshCuratedGraph(driver);
  await step('pnpm run import cordis-h2020, first import', 'import');
  await step('pnpm run import cordis-h2020, re-import (changes nothing)', 'import');
} finally {
  await driver.close();
  await local.stop();
  await rm(dataDir, { recursive: true, force: true });
}

const rows = results.map(
  ({ label, result: r }) =>
    `| ${label} | ${r.outcome} | ${thousands(r.nodesWritten)} / ${thousands(r.relationshipsWritten)} | ${seconds(r.readMs)} | ${seconds(r.planMs)} | ${seconds(r.writeMs)} | **${seconds(r.totalMs)}** | ${seconds(r.nodeCpuMs)} | ${seconds(r.neo4jCpuMs)} | ${r.peakRssMb} | ${r.loadAverage.toFixed(1)} |`,
);
const section = `<!-- bench:import -->
## \`pnpm bench:import\`, ${new Date().toISOString()}

File: \`${file.replace(/^.*\/shared\//, '../shared/')}\` (every Horizon 2020 participation). Batch: ${values.batch ?? 'default'} rows per transaction.
Machine: ${machine.cpu}, ${machine.memory}, Node ${machine.node}; load average at start ${machine.loadAtStart}
(1, 5, 15 min), at the end ${loadavg()
  .map((value) => value.toFixed(1))
  .join(' ')}. Neo4j 5.26 Community embedded, 1 GB heap, 256 MB page cache, started by the bench.

| run | outcome | nodes / relationships written | read s | plan s | write s | total s | node CPU s | Neo4j CPU s | peak RSS MB | load (1 min) at end |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

"read" is reading the file and (for the import) the graph, side by side; "plan" is matching and
comparing; "write" the transactions. Peak RSS is the importing process's own (its child process).
<!-- /bench:import -->`;

const existing = await readFile(REPORT, 'utf8').catch(() => '# Import benchmarks\n');
const start = existing.indexOf('<!-- bench:import -->');
const end = existing.indexOf('<!-- /bench:import -->');
const next =
  start >= 0 && end > start
    ? `${existing.slice(0, start)}${section}${existing.slice(end + '<!-- /bench:import -->'.length)}`
    : `${existing.trimEnd()}\n\n${section}\n`;
await writeFile(REPORT, next);
console.log(section);
