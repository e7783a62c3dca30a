import type { Network, NetworkDescription } from '../networks/types.ts';

export const METRIC_IDS = [
  'degree',
  'weightedDegree',
  'betweenness',
  'pagerank',
  'louvain',
  'components',
  'brokerage',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export type ParameterValue = string | number | boolean | null;

/** A metric's answer: one number per node, a few figures about the whole, and the network it was computed on. */
export interface MetricResult {
  metric: MetricId;
  network: NetworkDescription;
  /** The parameters the metric ran with, defaults filled in (so a result can be reproduced). */
  parameters: Readonly<Record<string, ParameterValue>>;
  values: ReadonlyMap<string, number>;
  /** Figures about the whole network, e.g. modularity, componentCount, samples. */
  summary: Readonly<Record<string, number | boolean>>;
}

export interface MetricDefinition<
  Options = Record<string, never>,
  Result extends MetricResult = MetricResult,
> {
  id: MetricId;
  name: string;
  description: string;
  compute(network: Network, options?: Partial<Options>): Result;
}

export function isMetricId(value: string): value is MetricId {
  return (METRIC_IDS as readonly string[]).includes(value);
}
