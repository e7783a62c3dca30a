import type { MetricDefinition } from './types.ts';

export const degree: MetricDefinition = {
  id: 'degree',
  name: 'Degree',
  description: 'How many partners a node has (ties, whatever their weight).',
  compute(network) {
    const values = new Map<string, number>();
    let max = 0;
    network.graph.forEachNode((node) => {
      const value = network.graph.degree(node);
      values.set(node, value);
      if (value > max) max = value;
    });
    return { metric: 'degree', network: network.description, parameters: {}, values, summary: { max } };
  },
};
