/**
 * bench:value-chains: on generated tiers, (1) the gap oracle: the analysis must find exactly the
 * stages the generator left out (seed/src/synthetic/clusters.ts), for every cluster; (2) the
 * time of gaps + top-20 candidates per gap for a cluster, p50/p99 over clusters, and of one
 * cluster's complementarity against all. Pure analysis over the ecosystem in memory: what the
 * server runs after its statement, with what it keeps per dataset version (EcosystemAnalysis). Usage: tsx bench/value-chains.ts [--tiers S,M,L] [--runs N]
 */
import { cpus, totalmem } from 'node:os';
import { curatedGraph } from '@clustergraph/seed';
import { buildReference, generateSyntheticGraph, type Tier } from '@clustergraph/seed/synthetic';
import { EcosystemAnalysis } from '../src/partners/ecosystem-analysis.ts';
import { complementarityAgainst } from '../src/value-chains/complementarity.ts';
import { clusterCoverage, type ValueChainCoverage } from '../src/value-chains/coverage.ts';
import { ecosystemOf } from '../src/value-chains/ecosystem.ts';
import { unstatedPrimaryStages } from '../src/value-chains/oracle.ts';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const tiers = argument('tiers', 'S,M,L').split(',') as Tier[];
const samples = Number(argument('runs', '50'));

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

const curated = curatedGraph();
const reference = buildReference(curated);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`,
);
for (const tier of tiers) {
  const generated = generateSyntheticGraph(reference, tier, 1);
  const ecosystem = ecosystemOf(curated, generated.graph);
  const clusters = [...ecosystem.clusters.values()].filter((cluster) => cluster.synthetic);
  const expected = new Map(generated.incompleteValueChains.map((chain) => [chain.clusterId, chain]));
  let mismatches = 0;
  for (const cluster of clusters) {
    const coverage = clusterCoverage(ecosystem, cluster.id);
    const found = coverage ? unstatedPrimaryStages(coverage) : [];
    const want = expected.get(cluster.id);
    const same =
      found.length === (want ? 1 : 0) &&
      (!want || [...(found[0]?.stageIds ?? [])].sort().join() === [...want.missingStageIds].sort().join());
    if (!same) mismatches++;
  }
  console.log(
    `tier ${tier}: ${ecosystem.organisations.size} organisations, ${clusters.length} clusters, ${expected.size} incomplete on purpose; oracle mismatches: ${mismatches}`,
  );
  const sample = clusters
    .filter((_, i) => i % Math.max(1, Math.floor(clusters.length / samples)) === 0)
    .slice(0, samples);

  // As the server: one analysis per dataset version, warmed once (stage index, every coverage).
  const warmStarted = performance.now();
  const analysis = new EcosystemAnalysis(ecosystem).warm();
  console.log(
    `  once per dataset version (stage → providers index, ${clusters.length} coverages): ${ms(performance.now() - warmStarted)}`,
  );
  for (const cluster of sample.slice(0, 5)) analysis.partnerCandidates(cluster.id);
  const times: number[] = [];
  let stagesRanked = 0;
  for (const cluster of sample) {
    const started = performance.now();
    const result = analysis.partnerCandidates(cluster.id, { window: { offset: 0, limit: 20 } }) ?? [];
    times.push(performance.now() - started);
    stagesRanked += result.length;
  }
  console.log(
    `  gaps + top-20 candidates per gap: p50 ${ms(quantile(times, 0.5))}, p99 ${ms(quantile(times, 0.99))} over ${sample.length} clusters (${(stagesRanked / sample.length).toFixed(1)} stages wanting partners each)`,
  );

  const complementarityTimes: number[] = [];
  const uncachedTimes: number[] = [];
  for (const cluster of sample.slice(0, Math.min(10, sample.length))) {
    const started = performance.now();
    analysis.complementarity(cluster.id);
    complementarityTimes.push(performance.now() - started);
    // The same with every coverage recomputed in the request, as before the per-version cache.
    const uncachedStarted = performance.now();
    complementarityAgainst(
      ecosystem,
      cluster.id,
      (c) => clusterCoverage(ecosystem, c.id) as ValueChainCoverage,
    );
    uncachedTimes.push(performance.now() - uncachedStarted);
  }
  console.log(
    `  complementarity of one cluster against all ${clusters.length}: p50 ${ms(quantile(complementarityTimes, 0.5))}, p99 ${ms(quantile(complementarityTimes, 0.99))} over ${complementarityTimes.length} clusters; coverages recomputed per request: p50 ${ms(quantile(uncachedTimes, 0.5))}`,
  );
}
