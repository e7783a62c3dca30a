/**
 * `pnpm bench:analytics-api`: the analyses through the API, over HTTP against the real server in
 * its own process, each beside its reference, the same data fetched by one hand-written Cypher
 * query through neo4j-driver (what an analyst would otherwise run before computing in a notebook).
 *
 *   pnpm bench:analytics-api [--tier L] [--runs 7] [--no-record]
 *
 * A fresh local Neo4j on a free port (unless NEO4J_URI names one whose graph is used as it is),
 * the curated graph plus the synthetic tier, the server as `pnpm start` runs it. Measured:
 * - a filtered organisation network of about 5,000 nodes with degree, betweenness and Louvain:
 *   cached (the same request again), uncached (a new dataset version: the data read again, the
 *   network built, the metrics computed);
 * - regionProfile and egoNetwork (depth 1 and 2);
 * - partnerCandidates (gaps and the top 20 per gap) and complementarity of one cluster against all;
 * - the server's peak memory (VmHWM of its process).
 * The report is printed and written into analytics/BENCHMARKS.md between the markers below.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toGlobalId } from '@clustergraph/schema';
import { loadSyntheticTier } from '@clustergraph/seed/synthetic';
import neo4j, { type Driver } from 'neo4j-driver';
import { machineDescription, positiveInt, REPO_ROOT, startServerChild } from './bench-support.ts';
import { freePort, type LocalNeo4j, startLocalNeo4j } from './neo4j.ts';

const REPORT_FILE = path.join(REPO_ROOT, 'analytics/BENCHMARKS.md');
const REPORT_START = '<!-- bench:analytics-api:start (written by `pnpm bench:analytics-api`) -->';
const REPORT_END = '<!-- bench:analytics-api:end -->';

const { values: cli } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    tier: { type: 'string', default: 'L' },
    runs: { type: 'string', default: '7' },
    'no-record': { type: 'boolean', default: false },
  },
});
const tier = (cli.tier ?? 'L').toUpperCase() as 'S' | 'M' | 'L';
const runs = positiveInt('runs', cli.runs);

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);

async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(`${query.slice(0, 60)}: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function timesOf(count: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await timed(() => run(i)));
  return times;
}

async function cypher(driver: Driver, query: string, params: Record<string, unknown> = {}) {
  const { records } = await driver.executeQuery(query, params);
  return records.map((record) => record.toObject());
}

const NETWORK = `query Network($filter: FilterNetworkInput) {
  network(filter: $filter, metrics: [DEGREE, BETWEENNESS, LOUVAIN], first: 20000) {
    description { nodeCount edgeCount } nodes { key degree betweenness community } edges { source target weight } datasetVersion
  }
}`;
type NetworkAnswer = {
  network: { description: { nodeCount: number; edgeCount: number }; datasetVersion: string };
};

async function main() {
  const started = new Date();
  let local: LocalNeo4j | null = null;
  let dataDir: string | null = null;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bench-analytics-api-'));
    local = await startLocalNeo4j({ dataDir, boltPort: await freePort(), heap: '2g', pageCache: '512m' });
    uri = local.uri;
  }
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  try {
    if (local) {
      process.stdout.write(`loading the curated graph and tier ${tier}... `);
      const load = await loadSyntheticTier(driver, { tier, seed: 1 });
      console.log(`${load.nodes} nodes written in ${ms(load.timings.writeMs)}`);
    }
    const server = await startServerChild(uri, 'warn');
    const url = server.url;
    try {
      // A region whose organisation network is near 5,000 nodes: the NUTS 2 region (or country) closest.
      const regions = (await cypher(
        driver,
        `MATCH (o:Organisation)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region)
         WHERE EXISTS { (o)-[:PARTICIPATES_IN]->() } AND r.level <= 2
         RETURN r.code AS code, count(DISTINCT o) AS organisations`,
      )) as { code: string; organisations: number }[];
      const region = regions.sort(
        (a, b) => Math.abs(a.organisations - 5000) - Math.abs(b.organisations - 5000),
      )[0] as { code: string; organisations: number };
      const filter = { regionCode: region.code, tieKind: 'CO_PARTICIPATION' };

      const newVersion = async (i: number) =>
        cypher(driver, "CREATE (:Source {id: $id, document: 'bench', section: 'bench', kind: 'IMPORT'})", {
          id: `bench:version:${started.getTime()}:${i}`,
        });
      await newVersion(-1);
      const uncached = await timesOf(runs, async (i) => {
        await newVersion(i);
        await graphql<NetworkAnswer>(url, NETWORK, { filter });
      });
      // The version is written before each request, outside the time: take it out of the figure.
      const uncachedNetwork = await timesOf(runs, async (i) => {
        await newVersion(runs + i);
      });
      const first = await graphql<NetworkAnswer>(url, NETWORK, { filter });
      const cached = await timesOf(runs, () => graphql(url, NETWORK, { filter }));
      const networkCypher = await timesOf(runs, () =>
        cypher(
          driver,
          `MATCH (r:Region {code: $code})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(a:Organisation)-[:PARTICIPATES_IN]->(p:Project)<-[:PARTICIPATES_IN]-(b:Organisation)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r)
           WHERE a.id < b.id RETURN a.id AS a, b.id AS b, count(DISTINCT p) AS weight`,
          { code: region.code },
        ),
      );
      const { nodeCount, edgeCount } = first.network.description;
      say(
        `Network of ${region.code} (${nodeCount} organisations, ${edgeCount} ties), degree + betweenness + Louvain, over HTTP: cached p50 ${ms(median(cached))}; uncached (new dataset version: data read, network built, metrics computed) p50 ${ms(median(uncached) - median(uncachedNetwork))}; the hand-written Cypher for its ties alone (no metrics) p50 ${ms(median(networkCypher))}.`,
      );

      const regionCode = 'RO21';
      const profileQuery = await introspectProfile(url, regionCode);
      await graphql(url, profileQuery);
      const profileTimes = await timesOf(runs, () => graphql(url, profileQuery));
      const profileCypher = await timesOf(runs, () =>
        cypher(
          driver,
          `MATCH (r:Region {code: $code})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(o:Organisation)
           WITH collect(DISTINCT o) AS inside
           UNWIND inside AS o
           OPTIONAL MATCH (o)-[:PARTICIPATES_IN]->(p:Project)<-[:PARTICIPATES_IN]-(x:Organisation)
           RETURN o.kind AS kind, count(DISTINCT o) AS organisations, count(DISTINCT x) AS partners`,
          { code: regionCode },
        ),
      );
      say(
        `regionProfile(${regionCode}) over HTTP p50 ${ms(median(profileTimes))}; a hand-written Cypher for its helix counts and partners alone p50 ${ms(median(profileCypher))}.`,
      );

      const [hub] = (await cypher(
        driver,
        `MATCH (o:Organisation)-[:PARTICIPATES_IN]->(p:Project) WITH o, count(p) AS projects
         ORDER BY projects DESC SKIP 25 LIMIT 1 RETURN o.id AS id`,
      )) as { id: string }[];
      const ego = (depth: number) =>
        `query { egoNetwork(id: "${toGlobalId('Organisation', hub?.id ?? '')}", depth: ${depth}, cap: 500) { truncated reachable nodes { key degree } edges { source target weight } } }`;
      for (const depth of [1, 2]) {
        const query = ego(depth);
        await graphql(url, query);
        const times = await timesOf(runs, () => graphql(url, query));
        const reference = await timesOf(runs, () =>
          cypher(
            driver,
            `MATCH (o:Organisation {id: $id})-[:PARTICIPATES_IN]->(:Project)<-[:PARTICIPATES_IN]-(n:Organisation)
             ${depth === 2 ? 'WITH DISTINCT n MATCH (n)-[:PARTICIPATES_IN]->(:Project)<-[:PARTICIPATES_IN]-(m:Organisation) WITH DISTINCT m AS n' : 'WITH DISTINCT n'}
             RETURN n.id AS id LIMIT 500`,
            { id: hub?.id },
          ),
        );
        say(
          `egoNetwork depth ${depth} (cap 500) of an organisation with many projects over HTTP p50 ${ms(median(times))}; the hand-written Cypher for its neighbours alone p50 ${ms(median(reference))}.`,
        );
      }

      const clusters = (await cypher(
        driver,
        'MATCH (c:Cluster) WHERE c.synthetic = true RETURN c.id AS id ORDER BY c.id',
      )) as { id: string }[];
      const sample = clusters
        .filter((_, i) => i % Math.max(1, Math.floor(clusters.length / 20)) === 0)
        .slice(0, 20);
      const candidates = (id: string) =>
        `query { partnerCandidates(clusterId: "${toGlobalId('Cluster', id)}", first: 20) { stage { verdict stage { key } } candidates { totalCount edges { score reason node { key name } } } } }`;
      const firstCandidates = await timed(() => graphql(url, candidates(sample[0]?.id ?? '')));
      const candidateTimes = await timesOf(sample.length, (i) =>
        graphql(url, candidates(sample[i]?.id ?? '')),
      );
      const candidateCypher = await timesOf(sample.length, (i) =>
        cypher(
          driver,
          `MATCH (c:Cluster {id: $id})-[:ACTIVE_IN]->(:Sector)-[:HAS_STAGE]->(s:ValueChainStage)
           WHERE NOT EXISTS { (c)<-[:MEMBER_OF]-(:Organisation)-[:PROVIDES]->(s) }
           MATCH (o:Organisation)-[:PROVIDES]->(s) WHERE NOT (o)-[:MEMBER_OF]->(c)
           WITH s, o, COUNT { (o)-[:PARTICIPATES_IN]->() } AS projects ORDER BY projects DESC
           WITH s, collect(o.id)[..20] AS top RETURN s.id AS stage, top`,
          { id: sample[i]?.id },
        ),
      );
      say(
        `partnerCandidates (gaps and weak stages, top 20 each) of ${sample.length} tier-${tier} clusters over HTTP p50 ${ms(median(candidateTimes))}, p max ${ms(Math.max(...candidateTimes))}; the first request of a dataset version (value-chain facts read, every coverage and the stage index built) ${ms(firstCandidates)}; a hand-written Cypher listing stated providers of stated gaps by project count (no NACE, no weak stages, no score) p50 ${ms(median(candidateCypher))}.`,
      );
      const complementarity = (id: string) =>
        `query { complementarity(clusterId: "${toGlobalId('Cluster', id)}", first: 20) { other { key } score filledByOther { stage { stage { key } } providerKeys } sharedProjects } }`;
      const complementarityTimes = await timesOf(Math.min(10, sample.length), (i) =>
        graphql(url, complementarity(sample[i]?.id ?? '')),
      );
      say(
        `complementarity of one cluster against all ${clusters.length} over HTTP p50 ${ms(median(complementarityTimes))}.`,
      );

      const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
      const peak = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      say(`Server peak memory (VmHWM) over the run: ${peak ? (Number(peak) / 1024).toFixed(0) : '?'} MB.`);
    } finally {
      await server.stop();
      await cypher(driver, "MATCH (s:Source) WHERE s.id STARTS WITH 'bench:version:' DELETE s");
    }
  } finally {
    await driver.close();
    await local?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
  const machine = machineDescription();
  const section = [
    REPORT_START,
    `## Analyses over HTTP (\`pnpm bench:analytics-api --tier ${tier}\`)`,
    '',
    `Run ${started.toISOString()}, curated graph + synthetic tier ${tier} (seed 1), the server in its own process, ${runs} runs each (medians); machine: ${JSON.stringify(machine)}, load average at the end ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' / ')}.`,
    '',
    ...lines.map((line) => `- ${line}`),
    REPORT_END,
  ].join('\n');
  console.log(section);
  if (!cli['no-record']) {
    const current = await readFile(REPORT_FILE, 'utf8');
    const at = current.indexOf(REPORT_START);
    const end = current.indexOf(REPORT_END);
    const next =
      at >= 0 && end > at
        ? `${current.slice(0, at)}${section}${current.slice(end + REPORT_END.length)}`
        : `${current.trimEnd()}\n\n${section}\n`;
    await writeFile(REPORT_FILE, next);
  }
}

/** The region profile's scalar and small fields, chosen from the schema so the bench follows it. */
async function introspectProfile(url: string, code: string): Promise<string> {
  const type = await graphql<{
    __type: { fields: { name: string; type: { kind: string; ofType: { kind: string } | null } }[] };
  }>(url, '{ __type(name: "RegionProfile") { fields { name type { kind ofType { kind } } } } }');
  const scalars = type.__type.fields
    .filter((field) => field.type.kind === 'SCALAR' || field.type.ofType?.kind === 'SCALAR')
    .map((field) => field.name);
  return `query { regionProfile(code: "${code}") { ${scalars.join(' ')} } }`;
}

await main();
