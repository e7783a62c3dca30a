import { connectedComponents } from 'graphology-components';
import type { MetricDefinition } from './types.ts';

export const components: MetricDefinition = {
  id: 'components',
  name: 'Connected components',
  description:
    'Which connected part of the network a node is in: 0 is the largest (the giant component), then by size.',
  compute(network) {
    const parts = connectedComponents(network.graph).sort(
      (a, b) => b.length - a.length || ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1),
    );
    const values = new Map<string, number>();
    parts.forEach((part, index) => {
      for (const node of part) values.set(node, index);
    });
    return {
      metric: 'components',
      network: network.description,
      parameters: {},
      values,
      summary: { componentCount: parts.length, giantComponentSize: parts[0]?.length ?? 0 },
    };
  },
};
