export {
  BETWEENNESS_DEFAULTS,
  type BetweennessOptions,
  betweenness,
  sampledBetweenness,
} from './betweenness.ts';
export {
  BROKERAGE_DEFAULTS,
  BROKERAGE_DIMENSIONS,
  type BrokerageDimension,
  type BrokerageOptions,
  type BrokerageResult,
  type BrokerRole,
  brokerage,
} from './brokerage.ts';
export { components } from './components.ts';
export { degree } from './degree.ts';
export { LOUVAIN_DEFAULTS, type LouvainOptions, louvain } from './louvain.ts';
export { PAGERANK_DEFAULTS, type PagerankOptions, pagerank } from './pagerank.ts';
export { computeMetrics, METRICS, type MetricOptions, type MetricResults } from './registry.ts';
export * from './types.ts';
export { weightedDegree } from './weighted-degree.ts';
