/**
 * `pnpm bench:soak`: does a long-running server's memory stay bounded? The server runs in its own
 * process on the curated graph and answers a stream of ordinary requests; its resident set size
 * (RSS, from /proc) is read after every `--report-every` requests. The target: less than 50 MB of
 * growth after the warm-up (the first report).
 *
 *   pnpm bench:soak [--requests 60000] [--report-every 10000] [--connections 8] [--no-record]
 *
 * The requests are what the dashboard and API users send: the dashboard's documents with
 * variables, and, one request in two, documents that carry their arguments as literals (as
 * GraphiQL users and scripts write them), so that most of those are documents the server has
 * not seen before. That is what fills a server's per-document caches (parsed documents,
 * validation results, compiled queries).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCurated } from '@clustergraph/seed';
import neo4j from 'neo4j-driver';
import {
  machineDescription,
  positiveInt,
  REPO_ROOT,
  REPORT_FILE,
  recordReport,
  startServerChild,
} from './bench-support.ts';
import { freePort, startLocalNeo4j } from './neo4j.ts';

const REPORT_START = '<!-- bench:soak:start (written by `pnpm bench:soak`; edits inside are overwritten) -->';
const REPORT_END = '<!-- bench:soak:end -->';
const TARGET_GROWTH_MB = 50;

const { values: cli } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    requests: { type: 'string', default: '60000' },
    'report-every': { type: 'string', default: '10000' },
    connections: { type: 'string', default: '8' },
    'no-record': { type: 'boolean', default: false },
  },
});

const options = {
  requests: positiveInt('requests', cli.requests),
  reportEvery: positiveInt('report-every', cli['report-every']),
  connections: positiveInt('connections', cli.connections),
  record: !cli['no-record'],
};

const SEARCH_WORDS = ['iasi', 'cluster', 'textile', 'energy', 'agro', 'wood', 'digital', 'health', 'tourism'];

/** The dashboard's kind of request: one document per view, the arguments in variables. */
const WITH_VARIABLES = [
  {
    query: `query ClustersPage($first: Int!) { clusters(first: $first) { totalCount edges { node { id name acronym region { code name } sectors { name } members(first: 5) { totalCount edges { role node { name kind } } } sources { document section } } } } }`,
    variables: (i: number) => ({ first: 1 + (i % 20) }),
  },
  {
    query: `query SearchBox($text: String!) { search(query: $text, first: 10) { type name score node { id } } }`,
    variables: (i: number) => ({ text: SEARCH_WORDS[i % SEARCH_WORDS.length] }),
  },
  {
    query: `query Organisations($first: Int!) { organisations(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name kind country region { code } } } } }`,
    variables: (i: number) => ({ first: 5 + (i % 50) }),
  },
  {
    query: `query NodePage($id: ID!) { node(id: $id) { id ... on Organisation { name kind clusters { name } } ... on Cluster { name members(first: 20) { edges { node { name } } } } } }`,
    variables: (i: number, ids: string[]) => ({ id: ids[i % ids.length] }),
  },
];

/** The scripted kind: the same questions with their arguments written into the document. */
const WITH_LITERALS: ((i: number, ids: string[]) => string)[] = [
  (i) =>
    `{ search(query: "${SEARCH_WORDS[i % SEARCH_WORDS.length]} ${i}", first: ${1 + (i % 20)}) { type name node { id } } }`,
  (i, ids) =>
    `{ node(id: "${ids[i % ids.length]}") { id ... on Organisation { name kind } } r${i}: __typename }`,
  (i) => `{ organisations(first: ${1 + (i % 100)}) { edges { node { name n${i}: kind region { code } } } } }`,
  (i) =>
    `{ clusters(first: ${1 + (i % 30)}) { edges { node { name c${i}: acronym members(first: ${1 + (i % 7)}) { totalCount } } } } }`,
];

function bodyOf(i: number, ids: string[]): string {
  if (i % 2 === 0) {
    const request = WITH_VARIABLES[(i / 2) % WITH_VARIABLES.length] as (typeof WITH_VARIABLES)[number];
    return JSON.stringify({ query: request.query, variables: request.variables(i, ids) });
  }
  const literal = WITH_LITERALS[((i - 1) / 2) % WITH_LITERALS.length] as (typeof WITH_LITERALS)[number];
  return JSON.stringify({ query: literal(i, ids) });
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kb / 1024;
}

type Report = { requests: number; rssMb: number; failures: number; seconds: number };

async function main(): Promise<void> {
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
    if (!uri) {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'clustergraph-soak-neo4j-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const local = await startLocalNeo4j({ dataDir, boltPort: await freePort() });
      cleanups.push(local.stop);
      uri = local.uri;
      const driver = neo4j.driver(uri);
      try {
        await loadCurated(driver);
      } finally {
        await driver.close();
      }
    } else {
      process.stderr.write(`bench: using the graph at NEO4J_URI=${uri} as it is (nothing is loaded)\n`);
    }
    const server = await startServerChild(uri, 'info');
    cleanups.push(server.stop);
    const post = async (body: string) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const result = (await response.json()) as { data?: unknown; errors?: unknown[] };
      if (result.errors && process.env.SOAK_DEBUG) process.stderr.write(`${JSON.stringify(result.errors)}\n`);
      return response.ok && !result.errors ? result : undefined;
    };
    type IdLists = { data: Record<string, { edges: { node: { id: string } }[] }> };
    const idsQuery = JSON.stringify({
      query:
        '{ organisations(first: 100) { edges { node { id } } } clusters(first: 50) { edges { node { id } } } }',
    });
    // A cold Neo4j on a busy machine may outrun the statement timeout at first.
    let idsResult: IdLists | undefined;
    for (let attempt = 0; attempt < 20 && !idsResult; attempt++) {
      idsResult = (await post(idsQuery)) as IdLists | undefined;
      if (!idsResult) await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
    if (!idsResult) throw new Error('The server could not list ids to ask for (is the graph loaded?)');
    const ids = Object.values(idsResult.data).flatMap((list) => list.edges.map((edge) => edge.node.id));

    const started = performance.now();
    const reports: Report[] = [{ requests: 0, rssMb: await rssMb(server.pid), failures: 0, seconds: 0 }];
    process.stderr.write(`bench: fresh server RSS ${reports[0]?.rssMb.toFixed(0)} MB\n`);
    let next = 0;
    let failures = 0;
    for (let until = options.reportEvery; until <= options.requests; until += options.reportEvery) {
      const loop = async () => {
        for (let i = next++; i < until; i = next++) {
          if (!(await post(bodyOf(i, ids)).catch(() => undefined))) failures += 1;
        }
      };
      await Promise.all(Array.from({ length: options.connections }, loop));
      next = until;
      const report = {
        requests: until,
        rssMb: await rssMb(server.pid),
        failures,
        seconds: (performance.now() - started) / 1000,
      };
      reports.push(report);
      process.stderr.write(
        `bench: ${report.requests} requests, RSS ${report.rssMb.toFixed(0)} MB, ${failures} failed, ${report.seconds.toFixed(0)} s\n`,
      );
    }

    const warm = reports[1] ?? (reports[0] as Report);
    const last = reports.at(-1) as Report;
    const growth = last.rssMb - warm.rssMb;
    const table = [
      '| Requests | RSS MB | Growth since warm-up MB | Failed requests | Elapsed s |',
      '|--:|--:|--:|--:|--:|',
      ...reports.map(
        (report) =>
          `| ${report.requests} | ${report.rssMb.toFixed(0)} | ${report.requests >= warm.requests ? (report.rssMb - warm.rssMb).toFixed(0) : ''} | ${report.failures} | ${report.seconds.toFixed(0)} |`,
      ),
    ].join('\n');
    console.log(`\n${table}\n`);
    const verdict = growth < TARGET_GROWTH_MB ? 'met' : 'NOT met';
    const section = `## Soak: memory over ${options.requests} requests (\`pnpm bench:soak\`)

- Date: ${new Date().toISOString()}
- Machine: ${machine.nproc} CPUs (nproc), ${machine.cpuModel}, ${machine.memory}; load average at start ${machine.loadAtStart}, at end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}
- Node ${process.version}; the server in its own process (\`node --import tsx src/index.ts\`, LOG_LEVEL=info, logs read and dropped by the bench), on the curated graph; ${options.connections} concurrent keep-alive clients.
- Requests: one in two a dashboard document with variables (${WITH_VARIABLES.length} documents), one in two a document with its arguments as literals (almost every one new to the server).
- RSS of the server process after each ${options.reportEvery} requests. **Growth after the warm-up (the first ${warm.requests} requests): ${growth.toFixed(0)} MB; target under ${TARGET_GROWTH_MB} MB: ${verdict}.**

${table}`;
    if (options.record) {
      await recordReport(REPORT_START, REPORT_END, section);
      process.stderr.write(`bench: written to ${path.relative(REPO_ROOT, REPORT_FILE)}\n`);
    }
    if (failures > 0) process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
