/**
 * `pnpm bench:seed [--tiers S,M,L] [--runs 3] [--seed 1]`: loads each tier `runs` times into the
 * Neo4j at NEO4J_URI (default bolt://127.0.0.1:7687, e.g. `pnpm neo4j start`), replacing its
 * synthetic data, and prints per-run figures and medians as Markdown for seed/BENCHMARKS.md.
 *
 * Each run is a child process, so its peak RSS is its own. Besides wall times it reports the CPU
 * time of node and of the Neo4j JVM (read over JMX): on a shared machine wall time depends on the
 * neighbours, CPU time much less.
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connectFromEnv, type Driver, targetFromEnv } from '@clustergraph/ingest';
import { isTier, type Tier } from './generate.ts';
import { deleteSyntheticData, loadSyntheticTier } from './load.ts';

type RunResult = {
  tier: Tier;
  seed: number;
  nodes: number;
  relationships: number;
  deletedNodes: number;
  generateMs: number;
  validateMs: number;
  deleteMs: number;
  writeMs: number;
  totalMs: number;
  nodeCpuMs: number;
  neo4jCpuMs: number | null;
  peakRssMb: number;
  loadAverage: number;
};

const { uri, database } = targetFromEnv();

/** CPU time of the Neo4j process so far, or null where JMX is not reachable (a managed server). */
async function neo4jCpuMs(driver: Driver): Promise<number | null> {
  try {
    const { records } = await driver.executeQuery(
      "CALL dbms.queryJmx('java.lang:type=OperatingSystem') YIELD attributes RETURN attributes.ProcessCpuTime.value AS nanos",
      {},
      { database },
    );
    return Math.round(Number(records[0]?.get('nanos')) / 1e6);
  } catch {
    return null;
  }
}

async function describeNeo4j(driver: Driver): Promise<string> {
  const read = async (cypher: string): Promise<string> => {
    try {
      const { records } = await driver.executeQuery(cypher, {}, { database });
      return String(records[0]?.get(0));
    } catch {
      return 'unknown';
    }
  };
  const version = await read(
    "CALL dbms.components() YIELD versions, edition RETURN versions[0] + ' ' + edition",
  );
  const heap = await read(
    "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN round(attributes.HeapMemoryUsage.value.properties.max / 1048576.0) + ' MiB'",
  );
  const pageCache = await read(
    "CALL dbms.listConfig('server.memory.pagecache.size') YIELD value RETURN value",
  );
  return `Neo4j ${version}, heap max ${heap}, page cache ${pageCache}`;
}

async function runOnce(tier: Tier, seed: number): Promise<RunResult> {
  const { driver } = connectFromEnv();
  try {
    const neo4jBefore = await neo4jCpuMs(driver);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const load = await loadSyntheticTier(driver, { tier, seed, database });
    const totalMs = Math.round(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    const neo4jAfter = await neo4jCpuMs(driver);
    return {
      tier,
      seed,
      nodes: load.nodes,
      relationships: load.relationships,
      deletedNodes: load.deletedNodes,
      ...load.timings,
      totalMs,
      nodeCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      neo4jCpuMs: neo4jBefore !== null && neo4jAfter !== null ? neo4jAfter - neo4jBefore : null,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      loadAverage: loadavg()[0] ?? 0,
    };
  } finally {
    await driver.close();
  }
}

function runChild(tier: Tier, seed: number): Promise<RunResult> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, self, '--child', '--tiers', tier, '--seed', String(seed)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`the ${tier} run exited with code ${code}`));
      else resolve(JSON.parse(line) as RunResult);
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : Math.round(((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2);
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const thousands = (count: number) => count.toLocaleString('en-GB');

function table(results: readonly RunResult[]): string {
  const header =
    '| tier | run | nodes | relationships | generate s | validate s | delete s (nodes) | write s | total s | write rate rel/s | node CPU s | Neo4j CPU s | peak RSS MB | load avg |';
  const rows = results.map((run, index) => {
    const runNumber = results.slice(0, index + 1).filter((other) => other.tier === run.tier).length;
    return `| ${run.tier} | ${runNumber} | ${thousands(run.nodes)} | ${thousands(run.relationships)} | ${seconds(run.generateMs)} | ${seconds(run.validateMs)} | ${seconds(run.deleteMs)} (${thousands(run.deletedNodes)}) | ${seconds(run.writeMs)} | ${seconds(run.totalMs)} | ${thousands(Math.round(run.relationships / (run.writeMs / 1000)))} | ${seconds(run.nodeCpuMs)} | ${run.neo4jCpuMs === null ? 'n/a' : seconds(run.neo4jCpuMs)} | ${run.peakRssMb} | ${run.loadAverage.toFixed(1)} |`;
  });
  return [header, `|${'---|'.repeat(14)}`, ...rows].join('\n');
}

function mediansTable(results: readonly RunResult[]): string {
  const tiers = [...new Set(results.map((run) => run.tier))];
  const rows = tiers.map((tier) => {
    const runs = results.filter((run) => run.tier === tier);
    const of = (pick: (run: RunResult) => number) => median(runs.map(pick));
    const first = runs[0] as RunResult;
    const neo4jCpu = runs.every((run) => run.neo4jCpuMs !== null)
      ? seconds(of((run) => run.neo4jCpuMs ?? 0))
      : 'n/a';
    return `| ${tier} | ${runs.length} | ${thousands(first.nodes)} | ${thousands(first.relationships)} | ${seconds(of((run) => run.generateMs))} | ${seconds(of((run) => run.validateMs))} | ${seconds(of((run) => run.deleteMs))} | ${seconds(of((run) => run.writeMs))} | ${seconds(of((run) => run.totalMs))} | ${thousands(of((run) => Math.round(run.relationships / (run.writeMs / 1000))))} | ${seconds(of((run) => run.nodeCpuMs))} | ${neo4jCpu} | ${of((run) => run.peakRssMb)} |`;
  });
  return [
    '| tier | runs | nodes | relationships | generate s | validate s | delete s | write s | total s | write rate rel/s | node CPU s | Neo4j CPU s | peak RSS MB |',
    `|${'---|'.repeat(13)}`,
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tiers: { type: 'string', default: 'S,M,L' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      child: { type: 'boolean', default: false },
    },
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
  });
  const tiers = (values.tiers ?? '').split(',').map((tier) => tier.trim().toUpperCase());
  const invalid = tiers.filter((tier) => !isTier(tier));
  if (invalid.length > 0) throw new Error(`unknown tier(s) ${invalid.join(', ')}: use S, M, L`);
  const seed = Number(values.seed);
  const runs = Number(values.runs);

  if (values.child) {
    console.log(JSON.stringify(await runOnce(tiers[0] as Tier, seed)));
    return;
  }

  const { driver } = connectFromEnv();
  let neo4jDescription: string;
  try {
    await driver.verifyConnectivity();
    neo4jDescription = await describeNeo4j(driver);
    // Every tier's first run then starts from the same state: no synthetic data at all.
    await deleteSyntheticData(driver, database);
  } finally {
    await driver.close();
  }
  console.error(`Benchmarking tiers ${tiers.join(', ')} x ${runs} against ${uri} (${neo4jDescription})`);
  const results: RunResult[] = [];
  for (const tier of tiers as Tier[]) {
    for (let run = 0; run < runs; run++) {
      const result = await runChild(tier, seed);
      console.error(
        `  ${tier} run ${run + 1}: ${seconds(result.totalMs)} s total, write ${seconds(result.writeMs)} s, ${result.peakRssMb} MB peak RSS`,
      );
      results.push(result);
    }
  }
  const cpu = cpus()[0];
  console.log(
    [
      `Machine: ${cpus().length} x ${cpu?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}; ${neo4jDescription}.`,
      '',
      '### Medians',
      '',
      mediansTable(results),
      '',
      '### Runs',
      '',
      table(results),
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
