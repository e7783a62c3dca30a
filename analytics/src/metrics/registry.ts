import type { Network } from '../networks/types.ts';
import { betweenness } from './betweenness.ts';
import { brokerage } from './brokerage.ts';
import { components } from './components.ts';
import { degree } from './degree.ts';
import { louvain } from './louvain.ts';
import { pagerank } from './pagerank.ts';
import type { MetricDefinition, MetricId, MetricResult } from './types.ts';
import { weightedDegree } from './weighted-degree.ts';

/** Every metric by id: a new metric is one file plus one line here (as gephi-lite does). */
export const METRICS = {
  degree,
  weightedDegree,
  betweenness,
  pagerank,
  louvain,
  components,
  brokerage,
} as const satisfies Record<MetricId, MetricDefinition<never, MetricResult>>;

export type MetricOptions = {
  [Id in MetricId]?: (typeof METRICS)[Id] extends MetricDefinition<infer Options, MetricResult>
    ? Partial<Options>
    : never;
};

export type MetricResults = {
  [Id in MetricId]?: ReturnType<(typeof METRICS)[Id]['compute']>;
};

/** Computes the chosen metrics on one network; each result names that network. */
export function computeMetrics(
  network: Network,
  ids: readonly MetricId[],
  options: MetricOptions = {},
): MetricResults {
  const results: Record<string, MetricResult> = {};
  for (const id of new Set(ids)) {
    const definition = METRICS[id] as MetricDefinition<Record<string, unknown>, MetricResult>;
    results[id] = definition.compute(network, options[id] as Partial<Record<string, unknown>> | undefined);
  }
  return results as MetricResults;
}
