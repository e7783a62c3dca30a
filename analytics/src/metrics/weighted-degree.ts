import { weightedDegree as graphologyWeightedDegree } from 'graphology-metrics/node/weighted-degree';
import type { MetricDefinition } from './types.ts';

export const weightedDegree: MetricDefinition = {
  id: 'weightedDegree',
  name: 'Weighted degree',
  description:
    'The sum of a node’s tie weights: shared projects, clusters and partnerships with all partners.',
  compute(network) {
    const values = new Map<string, number>();
    let max = 0;
    network.graph.forEachNode((node) => {
      const value = graphologyWeightedDegree(network.graph, node, 'weight');
      values.set(node, value);
      if (value > max) max = value;
    });
    return {
      metric: 'weightedDegree',
      network: network.description,
      parameters: {},
      values,
      summary: { max },
    };
  },
};
