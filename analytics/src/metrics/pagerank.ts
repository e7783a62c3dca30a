import graphologyPagerank from 'graphology-metrics/centrality/pagerank';
import type { MetricDefinition } from './types.ts';

export interface PagerankOptions {
  alpha: number;
  tolerance: number;
  maxIterations: number;
}

export const PAGERANK_DEFAULTS: PagerankOptions = { alpha: 0.85, tolerance: 1e-9, maxIterations: 200 };

export const pagerank: MetricDefinition<PagerankOptions> = {
  id: 'pagerank',
  name: 'PageRank',
  description: 'Influence: a node tied strongly to influential nodes is influential (weighted PageRank).',
  compute(network, options = {}) {
    const parameters = { ...PAGERANK_DEFAULTS, ...options };
    const scores =
      network.graph.order === 0
        ? {}
        : graphologyPagerank(network.graph, { getEdgeWeight: 'weight', ...parameters });
    return {
      metric: 'pagerank',
      network: network.description,
      parameters: { ...parameters },
      values: new Map(Object.entries(scores)),
      summary: {},
    };
  },
};
