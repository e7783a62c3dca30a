/**
 * pnpm bench:analytics: the whole real H2020 co-participation network, built and all metrics
 * computed from scratch, against networkx doing the same (build, degree, components, Louvain,
 * betweenness with the same number of samples) in the same run. Figures and the machine go to
 * analytics/BENCHMARKS.md. `--skip-networkx` leaves the reference out (it takes minutes).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { gunzipSync } from 'node:zlib';
import {
  BETWEENNESS_DEFAULTS,
  buildNetwork,
  computeMetrics,
  h2020CooperationData,
  METRIC_IDS,
} from '../src/index.ts';

const file = new URL('../../../shared/datasets/h2020-participations.csv.gz', import.meta.url);
const seconds = (since: number) => (performance.now() - since) / 1000;

const timings: Record<string, number> = {};
let started = performance.now();
const data = h2020CooperationData(gunzipSync(readFileSync(file)).toString('utf8'));
timings.parse = seconds(started);
started = performance.now();
const network = buildNetwork(data);
timings.build = seconds(started);
for (const id of METRIC_IDS) {
  started = performance.now();
  computeMetrics(network, [id]);
  timings[id] = seconds(started);
}
const total = Object.values(timings).reduce((sum, value) => sum + value, 0);
const heapMb = Math.round(process.memoryUsage().rss / 1e6);

let reference: { networkx: string; seconds: Record<string, number> } | null = null;
if (!process.argv.includes('--skip-networkx')) {
  const script = new URL('../reference/networkx_reference.py', import.meta.url).pathname;
  reference = JSON.parse(
    execFileSync('python3', [script, 'bench', String(BETWEENNESS_DEFAULTS.samples)], { encoding: 'utf8' }),
  );
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 1e9)} GB, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} at the end`;
const rows = Object.entries(timings).map(([step, value]) => `| ${step} | ${value.toFixed(2)} |`);
const report = `# Analytics benchmarks

Written by \`pnpm bench:analytics\` on ${new Date().toISOString()}; machine: ${machine}.

The whole H2020 co-participation network (${network.graph.order} organisations, ${network.graph.size} ties),
read from shared/datasets/h2020-participations.csv.gz, built and every metric computed from scratch
(betweenness sampled from ${BETWEENNESS_DEFAULTS.samples} seeded sources). Process memory (RSS) at the end: ${heapMb} MB.

| step | seconds |
| --- | --- |
${rows.join('\n')}
| **total** | **${total.toFixed(2)}** |

${
  reference
    ? `networkx ${reference.networkx} in the same run (build, degree, components, Louvain, betweenness with ${BETWEENNESS_DEFAULTS.samples} samples): **${reference.seconds.total?.toFixed(2)} s** (${Object.entries(
        reference.seconds,
      )
        .filter(([step]) => step !== 'total')
        .map(([step, value]) => `${step} ${value.toFixed(2)}`)
        .join(', ')}).`
    : 'networkx was not run (--skip-networkx).'
}
`;
const target = new URL('../BENCHMARKS.md', import.meta.url);
// Other benchmarks keep their own sections (## ...) below this one's.
const existing = readFileSync(target, 'utf8');
const others = existing.indexOf('\n## ');
writeFileSync(target, others === -1 ? report : report + existing.slice(others));
console.log(report);
