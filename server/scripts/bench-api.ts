/**
 * `pnpm bench:api`: latency and throughput of representative GraphQL queries, each beside its floor,
 * the same data fetched by ONE hand-written Cypher query through neo4j-driver.
 *
 *   pnpm bench:api [--tier S|M|L|curated] [--duration 10] [--runs 3] [--warmup 3] [--connections 1,32]
 *                  [--queries clusters,organisations,search,project] [--search iasi]
 *                  [--log-level info] [--profile-requests 200] [--no-record]
 *
 * Everything runs on loopback: a fresh local Neo4j on a free port and a temporary data directory
 * (unless NEO4J_URI names one, whose graph is then used as it is), the curated graph plus the
 * synthetic tier, and the server in a child process so that the load generator (autocannon, in
 * this process) does not share an event loop with it. Each measurement runs a fixed time; every
 * measurement is repeated and the report quotes medians over the runs. The table is printed and
 * written into server/BENCHMARKS.md between the markers below (the rest of that file is kept).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';

import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCurated } from '@clustergraph/seed';
import autocannon from 'autocannon';
import neo4j, { type Driver, type RecordShape } from 'neo4j-driver';
import { Database, type DatabaseOptions, type Params } from '../src/db/database.ts';
import { serveWithoutSourceMaps } from '../src/index.ts';
import { createLogger } from '../src/logger.ts';
import { buildYoga } from '../src/yoga.ts';
import { type BenchQuery, chooseFixtures, type Fixtures, QUERIES } from './api-oracle.ts';
import {
  machineDescription,
  positiveInt,
  REPO_ROOT,
  REPORT_FILE,
  recordReport,
  startServerChild,
} from './bench-support.ts';
import { freePort, type LocalNeo4j, startLocalNeo4j } from './neo4j.ts';

const SYNTHETIC_CLI = path.join(REPO_ROOT, 'seed/src/synthetic/cli.ts');
const REPORT_START = '<!-- bench:api:start (written by `pnpm bench:api`; edits inside are overwritten) -->';
const REPORT_END = '<!-- bench:api:end -->';
/** The target: the API at most this many times slower than its Cypher floor, at p50. */
const TARGET_P50_RATIO = 1.5;

const { values: cli } = parseArgs({
  // pnpm passes a `--` through when one is typed before the options.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    tier: { type: 'string', default: 'M' },
    duration: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '1,32' },
    queries: { type: 'string' },
    search: { type: 'string', default: 'iasi' },
    'profile-requests': { type: 'string', default: '200' },
    'log-level': { type: 'string', default: 'info' },
    'no-record': { type: 'boolean', default: false },
  },
});

const options = {
  tier: (cli.tier ?? 'M').toUpperCase(),
  durationSeconds: positiveInt('duration', cli.duration),
  runs: positiveInt('runs', cli.runs),
  warmupSeconds: cli.warmup === '0' ? 0 : positiveInt('warmup', cli.warmup),
  connections: (cli.connections ?? '1,32').split(',').map((part) => positiveInt('connections', part.trim())),
  searchText: cli.search ?? 'iasi',
  profileRequests: positiveInt('profile-requests', cli['profile-requests']),
  serverLogLevel: cli['log-level'] ?? 'info',
  record: !cli['no-record'],
};

// ---------------------------------------------------------------------------------------------
// Measuring. Both sides record every request's latency in milliseconds (float) and take
// percentiles the same way, by nearest rank; autocannon's own histogram rounds to whole ms.

type Sample = { p50: number; p99: number; requestsPerSecond: number; requests: number; failures: number };

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

function summarise(latencies: number[], elapsedMs: number, failures: number): Sample {
  const sorted = latencies.sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    requestsPerSecond: sorted.length / (elapsedMs / 1000),
    requests: sorted.length,
    failures,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function measureHttp(url: string, body: string, connections: number, seconds: number): Promise<Sample> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
        pipelining: 1,
        duration: seconds,
        // Slow queries under load must count as slow, not fail: only the window bounds a run.
        timeout: 300,
      },
      (error: unknown, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else failures += 1;
    });
  });
  const elapsedMs = performance.now() - started;
  return summarise(latencies, elapsedMs, failures + result.errors + result.timeouts);
}

/** `connections` workers, each sending the next query when its last answer arrived, like autocannon. */
async function measureCypher(
  db: Database,
  cypher: string,
  params: Params,
  connections: number,
  seconds: number,
): Promise<Sample> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        await db.read(cypher, params);
        latencies.push(performance.now() - sent);
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return summarise(latencies, performance.now() - started, failures);
}

/**
 * autocannon stops at the end of its window without waiting for the answers in flight, and the
 * server goes on working on them; the next measurement must not start while it does.
 */
async function waitUntilNeo4jIdle(db: Database): Promise<void> {
  const deadline = Date.now() + 300_000;
  let idleReadings = 0;
  while (idleReadings < 3) {
    if (Date.now() > deadline) throw new Error('Neo4j was still busy 300 s after a measurement.');
    const [row] = await db.read<{ busy: number }>(
      `SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
RETURN count(*) AS busy`,
    );
    idleReadings = row?.busy === 0 ? idleReadings + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Canonical JSON: keys sorted, so two objects with the same content print the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

async function postGraphql(url: string, body: string): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

/** Fails unless the API and the Cypher floor return the same, non-empty data. */
async function checkSameData(query: BenchQuery, url: string, body: string, db: Database, fixtures: Fixtures) {
  const api = await postGraphql(url, body);
  if (api.errors?.length)
    throw new Error(`${query.key}: the API answered errors ${JSON.stringify(api.errors)}`);
  const rows = await db.read(query.cypher, query.params(fixtures));
  const floor = query.asGraphqlData(rows);
  if (canonical(api.data) !== canonical(floor)) {
    throw new Error(
      `${query.key}: the Cypher floor does not return what the API returns, so their ratio means nothing.\n` +
        `API:    ${canonical(api.data).slice(0, 1500)}\nCypher: ${canonical(floor).slice(0, 1500)}`,
    );
  }
  return { rows: rows.length, bytes: Buffer.byteLength(JSON.stringify(api)) };
}

// ---------------------------------------------------------------------------------------------
// Where a request's time goes, measured in this process (no HTTP): how many round trips it makes,
// in how many sequential waves, and how long it waits for Neo4j versus runs Yoga and resolvers.

type Profile = { roundTrips: number; waves: number; totalMs: number; neo4jMs: number };

class ProfilingDatabase extends Database {
  #inFlight = 0;
  #busySince = 0;
  calls = 0;
  waves = 0;
  busyMs = 0;

  override async read<Row extends RecordShape = RecordShape>(cypher: string, params: Params = {}) {
    this.calls += 1;
    if (this.#inFlight++ === 0) {
      this.waves += 1;
      this.#busySince = performance.now();
    }
    try {
      return await super.read<Row>(cypher, params);
    } finally {
      if (--this.#inFlight === 0) this.busyMs += performance.now() - this.#busySince;
    }
  }

  reset() {
    this.calls = 0;
    this.waves = 0;
    this.busyMs = 0;
  }
}

async function profileQuery(connection: DatabaseOptions, body: string, requests: number): Promise<Profile> {
  const db = new ProfilingDatabase(connection);
  const yoga = buildYoga({ db, logger: createLogger('silent') });
  const samples: Profile[] = [];
  try {
    for (let index = 0; index < requests + 50; index++) {
      db.reset();
      const started = performance.now();
      const response = await yoga.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.text();
      const totalMs = performance.now() - started;
      // The first requests warm the JIT and the query plans; they are not counted.
      if (index >= 50) samples.push({ roundTrips: db.calls, waves: db.waves, totalMs, neo4jMs: db.busyMs });
    }
  } finally {
    await db.close();
  }
  return {
    roundTrips: median(samples.map((sample) => sample.roundTrips)),
    waves: median(samples.map((sample) => sample.waves)),
    totalMs: median(samples.map((sample) => sample.totalMs)),
    neo4jMs: median(samples.map((sample) => sample.neo4jMs)),
  };
}

// ---------------------------------------------------------------------------------------------
// What the script starts, and stops again.

type LoadedData = { description: string; counts: Record<string, number> };

/** The curated graph, then the synthetic tier when its generator exists (seed/src/synthetic). */
async function loadData(driver: Driver, tier: string): Promise<LoadedData> {
  const started = performance.now();
  await loadCurated(driver);
  let description: string;
  if (tier === 'CURATED') {
    description = 'curated only';
  } else if (!existsSync(SYNTHETIC_CLI)) {
    process.stderr.write(
      `bench: the synthetic generator (${path.relative(REPO_ROOT, SYNTHETIC_CLI)}) is not there yet: ` +
        `tier ${tier} is not available, benchmarking the curated graph only.\n`,
    );
    description = `curated only (tier ${tier} asked for, but the synthetic generator is missing)`;
  } else {
    const synthetic = (await import(pathToFileURL(SYNTHETIC_CLI).href)) as {
      runSyntheticCli?: (driver: Driver, args: string[], database?: string) => Promise<void>;
    };
    if (typeof synthetic.runSyntheticCli !== 'function') {
      throw new Error(`${SYNTHETIC_CLI} does not export runSyntheticCli(driver, args, database).`);
    }
    await synthetic.runSyntheticCli(driver, ['--tier', tier, '--seed', '1'], undefined);
    description = `curated + synthetic tier ${tier}`;
  }
  const { records } = await driver.executeQuery(
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS nodes ORDER BY label',
  );
  const counts = Object.fromEntries(
    records.map((record) => [record.get('label'), Number(record.get('nodes'))]),
  );
  const relationships = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS relationships');
  counts.relationships = Number(relationships.records[0]?.get('relationships') ?? 0);
  process.stderr.write(`bench: graph loaded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return { description, counts };
}

async function neo4jVersion(db: Database): Promise<string> {
  const rows = await db.read<{ name: string; versions: string[]; edition: string }>(
    'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
  );
  return rows.map((row) => `${row.name} ${row.versions.join('/')} ${row.edition}`).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Reporting.

type Row = {
  query: BenchQuery;
  connections: number;
  api: Sample[];
  floor: Sample[];
};

const ms = (value: number) => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const perSecond = (value: number) => value.toFixed(0);

/** Below this many answers per run, the p99 is about the slowest request and the p50 is coarse. */
const FEW_REQUESTS = 100;

function resultTable(rows: Row[]): string {
  const lines = [
    '| Query | Conn. | API p50 ms | API p99 ms | API req/s | Cypher p50 ms | Cypher p99 ms | Cypher req/s | p50 ratio | p99 ratio | p50 ≤ 1.5 |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|',
  ];
  let anyFew = false;
  const few = (samples: Sample[]) => {
    const isFew = median(samples.map((sample) => sample.requests)) < FEW_REQUESTS;
    anyFew ||= isFew;
    return isFew ? ' †' : '';
  };
  const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');
  for (const row of rows) {
    const api = { p50: median(row.api.map((s) => s.p50)), p99: median(row.api.map((s) => s.p99)) };
    const floor = { p50: median(row.floor.map((s) => s.p50)), p99: median(row.floor.map((s) => s.p99)) };
    const ratio50 = api.p50 / floor.p50;
    lines.push(
      `| ${row.query.key} | ${row.connections} | ${ms(api.p50)} | ${ms(api.p99)}${few(row.api)} | ` +
        `${perSecond(median(row.api.map((s) => s.requestsPerSecond)))} | ${ms(floor.p50)} | ` +
        `${ms(floor.p99)}${few(row.floor)} | ${perSecond(median(row.floor.map((s) => s.requestsPerSecond)))} | ` +
        `${ratio(ratio50)} | ${ratio(api.p99 / floor.p99)} | ${ratio50 <= TARGET_P50_RATIO ? 'yes' : 'no'} |`,
    );
  }
  if (anyFew) {
    lines.push(
      '',
      `† fewer than ${FEW_REQUESTS} answers per run: the p99 is about the slowest request, and answers still in flight when a run's window closes are not counted.`,
    );
  }
  return lines.join('\n');
}

function profileTable(profiles: { query: BenchQuery; profile: Profile; floorP50: number | undefined }[]) {
  const lines = [
    '| Query | Round trips | Sequential waves | Request in-process ms | Awaiting Neo4j ms | Yoga, Pothos, resolvers ms | Cypher floor p50 ms (1 conn.) |',
    '|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const { query, profile, floorP50 } of profiles) {
    lines.push(
      `| ${query.key} | ${profile.roundTrips} | ${profile.waves} | ${ms(profile.totalMs)} | ${ms(profile.neo4jMs)} | ` +
        `${ms(profile.totalMs - profile.neo4jMs)} | ${floorP50 === undefined ? '' : ms(floorP50)} |`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const selected = cli.queries
    ? cli.queries.split(',').map((key) => {
        const query = QUERIES.find((candidate) => candidate.key === key.trim());
        if (!query) throw new Error(`Unknown query "${key}"; known: ${QUERIES.map((q) => q.key).join(', ')}`);
        return query;
      })
    : QUERIES;
  const machine = machineDescription();
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => process.stderr.write(`bench: while stopping: ${error}\n`));
    }
  };
  process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

  try {
    let uri = process.env.NEO4J_URI;
    let data: LoadedData | undefined;
    if (!uri) {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'clustergraph-bench-neo4j-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const boltPort = await freePort();
      process.stderr.write(`bench: starting Neo4j on port ${boltPort} (data in ${dataDir})\n`);
      const local: LocalNeo4j = await startLocalNeo4j({ dataDir, boltPort, heap: '1g', pageCache: '512m' });
      cleanups.push(local.stop);
      uri = local.uri;
      const driver = neo4j.driver(uri);
      try {
        data = await loadData(driver, options.tier);
      } finally {
        await driver.close();
      }
    } else {
      process.stderr.write(`bench: using the graph at NEO4J_URI=${uri} as it is (nothing is loaded)\n`);
    }

    const connection: DatabaseOptions = {
      uri,
      user: process.env.NEO4J_USER,
      password: process.env.NEO4J_PASSWORD,
      database: process.env.NEO4J_DATABASE || undefined,
    };
    const db = new Database(connection);
    cleanups.push(() => db.close());
    const fixtures = await chooseFixtures(db, options.searchText);
    const version = await neo4jVersion(db);
    process.stderr.write(`bench: fixtures ${JSON.stringify(fixtures)}\n`);

    const server = await startServerChild(uri, options.serverLogLevel);
    cleanups.push(server.stop);

    const bodies = new Map(
      selected.map((query) => [
        query.key,
        JSON.stringify({ query: query.graphql, variables: query.variables(fixtures) }),
      ]),
    );
    const shapes = new Map<string, { rows: number; bytes: number }>();
    const measured: BenchQuery[] = [];
    for (const query of selected) {
      const body = bodies.get(query.key) as string;
      const shape = await checkSameData(query, server.url, body, db, fixtures);
      if (shape.rows === 0) {
        process.stderr.write(`bench: ${query.key} returns nothing on this graph: left out\n`);
        continue;
      }
      shapes.set(query.key, shape);
      measured.push(query);
    }

    const rows: Row[] = [];
    for (const query of measured) {
      const body = bodies.get(query.key) as string;
      const params = query.params(fixtures);
      for (const connections of options.connections) {
        if (options.warmupSeconds > 0) {
          await measureHttp(server.url, body, connections, options.warmupSeconds);
          await waitUntilNeo4jIdle(db);
          await measureCypher(db, query.cypher, params, connections, options.warmupSeconds);
        }
        const row: Row = { query, connections, api: [], floor: [] };
        // API and floor alternate, so that drift in the machine's load hits both alike.
        for (let run = 1; run <= options.runs; run++) {
          row.api.push(await measureHttp(server.url, body, connections, options.durationSeconds));
          await waitUntilNeo4jIdle(db);
          row.floor.push(await measureCypher(db, query.cypher, params, connections, options.durationSeconds));
          const last = { api: row.api.at(-1) as Sample, floor: row.floor.at(-1) as Sample };
          process.stderr.write(
            `bench: ${query.key} x${connections} run ${run}/${options.runs}: ` +
              `API p50 ${ms(last.api.p50)} p99 ${ms(last.api.p99)} (${perSecond(last.api.requestsPerSecond)}/s), ` +
              `Cypher p50 ${ms(last.floor.p50)} p99 ${ms(last.floor.p99)} (${perSecond(last.floor.requestsPerSecond)}/s)` +
              `${last.api.failures + last.floor.failures > 0 ? `, ${last.api.failures}+${last.floor.failures} failed` : ''}\n`,
          );
          if (last.api.failures > 0 || last.floor.failures > 0) {
            throw new Error(`${query.key}: requests failed during the measurement; the figures would lie.`);
          }
        }
        rows.push(row);
      }
    }
    // The server child is idle from here on, so it does not compete with the in-process profile.
    await server.stop();

    process.stderr.write('bench: profiling round trips and time in Neo4j, in process\n');
    const profiles = [];
    for (const query of measured) {
      const profile = await profileQuery(
        connection,
        bodies.get(query.key) as string,
        options.profileRequests,
      );
      const single = rows.find((row) => row.query === query && row.connections === 1);
      profiles.push({ query, profile, floorP50: single && median(single.floor.map((s) => s.p50)) });
    }

    const results = resultTable(rows);
    const profileText = profileTable(profiles);
    console.log(`\n${results}\n\n${profileText}\n`);

    const section = `## Latest run

- Date: ${new Date().toISOString()}
- Machine: ${machine.nproc} CPUs (nproc), ${machine.cpuModel}, ${machine.memory}; load average at start ${machine.loadAtStart}, at end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}
- Node ${process.version}; ${version}
- Graph: ${data ? data.description : `the graph at ${uri}`}${
      data
        ? ` (${Object.entries(data.counts)
            .map(([label, count]) => `${label} ${count}`)
            .join(', ')})`
        : ''
    }
- Fixtures: region ${fixtures.regionCode}, sector ${fixtures.sectorCode}, project ${fixtures.projectId}, search "${fixtures.searchText}"
- Each measurement ${options.durationSeconds} s, ${options.runs} runs (API and Cypher alternating), after ${options.warmupSeconds} s of warm-up of each side before each query and connection count. Figures are medians over the runs: of the p50s, of the p99s, of the rates. Latency of every request recorded as a float (not autocannon's whole-ms histogram), percentiles by nearest rank.
- Server: a child process (\`node --import tsx src/index.ts\`, LOG_LEVEL=${options.serverLogLevel}, source maps off in it and in the bench process); load from autocannon (HTTP/1.1 keep-alive, no pipelining) in the bench process; the Cypher floor through the server's own \`Database\` (neo4j-driver, one managed read per query) in the bench process, with as many concurrent loops as connections.
- Responses: ${measured.map((query) => `${query.key} ${shapes.get(query.key)?.bytes ?? 0} B`).join(', ')}. The script checks that each API response equals its Cypher floor's result before measuring.

${results}

Where the time goes, in process (\`yoga.fetch\`, no HTTP), one request at a time, median of ${options.profileRequests} requests: round trips to Neo4j, how many of them run one after another, and the time with at least one query in flight.

${profileText}

<details><summary>The queries</summary>

${measured
  .map(
    (query) =>
      `### ${query.key}: ${query.title}\n\n\`\`\`graphql\n${query.graphql}\n\`\`\`\n\n\`\`\`cypher\n${query.cypher}\n\`\`\``,
  )
  .join('\n\n')}

</details>`;
    if (options.record) {
      await recordReport(REPORT_START, REPORT_END, section);
      process.stderr.write(`bench: written to ${path.relative(REPO_ROOT, REPORT_FILE)}\n`);
    }
  } finally {
    await cleanUp();
  }
}

// The floor and the in-process profile pay the driver's costs as the server does (see serveWithoutSourceMaps).
serveWithoutSourceMaps();
main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
