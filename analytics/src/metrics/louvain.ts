import louvainCommunities from 'graphology-communities-louvain';
import { seededRandom } from './random.ts';
import type { MetricDefinition } from './types.ts';

export interface LouvainOptions {
  seed: number;
  resolution: number;
}

export const LOUVAIN_DEFAULTS: LouvainOptions = { seed: 42, resolution: 1 };

export const louvain: MetricDefinition<LouvainOptions> = {
  id: 'louvain',
  name: 'Louvain communities',
  description:
    'Communities: groups tied more among themselves than to the rest (Louvain on tie weights, seeded), with the partition’s modularity.',
  compute(network, options = {}) {
    const { seed, resolution } = { ...LOUVAIN_DEFAULTS, ...options };
    const values = new Map<string, number>();
    let modularity = 0;
    let communityCount = 0;
    if (network.graph.size === 0) {
      // Without ties every node is its own community and modularity is undefined: reported as 0.
      network.graph.forEachNode((node) => {
        values.set(node, communityCount++);
      });
    } else {
      const detailed = louvainCommunities.detailed(network.graph, {
        getEdgeWeight: 'weight',
        resolution,
        rng: seededRandom(seed),
      });
      for (const [node, community] of Object.entries(detailed.communities)) values.set(node, community);
      modularity = detailed.modularity;
      communityCount = detailed.count;
    }
    return {
      metric: 'louvain',
      network: network.description,
      parameters: { seed, resolution },
      values,
      summary: { modularity, communityCount },
    };
  },
};
