import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes';
import fisherYatesSample from 'pandemonium/fisher-yates-sample';
import type { CooperationGraph } from '../networks/types.ts';
import { seededRandom } from './random.ts';
import type { MetricDefinition } from './types.ts';

export interface BetweennessOptions {
  /** Networks with fewer nodes than this get exact betweenness; larger ones are sampled. */
  exactBelow: number;
  /** How many source nodes a sampled run uses. */
  samples: number;
  seed: number;
}

export const BETWEENNESS_DEFAULTS: BetweennessOptions = { exactBelow: 5_000, samples: 200, seed: 42 };

/**
 * Betweenness estimated from `samples` source nodes drawn with a seeded generator, scaled by
 * n / samples as networkx's `betweenness_centrality(k=...)` does. graphology-metrics offers only the
 * exact form, so drawing the sources is ours; each source's shortest paths and predecessor lists come
 * from graphology-shortest-path's single-source routine (indexed Brandes), and the dependency
 * accumulation is Brandes' as graphology-metrics writes it.
 */
export function sampledBetweenness(
  graph: CooperationGraph,
  samples: number,
  seed: number,
): Map<string, number> {
  const brandes = createUnweightedIndexedBrandes(graph);
  const order = graph.order;
  const sample = fisherYatesSample.createFisherYatesSample<number>(seededRandom(seed));
  const sources = sample(
    Math.min(samples, order),
    Array.from({ length: order }, (_, index) => index),
  );
  const delta = new Float64Array(order);
  const centralities = new Float64Array(order);
  for (const source of sources) {
    const [stack, predecessors, sigma] = brandes(source);
    stack.forEach((visited) => {
      delta[visited] = 0;
    });
    while (stack.size !== 0) {
      const w = stack.pop() as number;
      const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
      const before = predecessors[w] as number[];
      for (const v of before) delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
      if (w !== source) centralities[w] = (centralities[w] as number) + (delta[w] as number);
    }
  }
  // Normalised as networkx does for an undirected graph, then scaled up from the sample.
  const scale = order <= 2 ? 1 : (1 / ((order - 1) * (order - 2))) * (order / Math.max(1, sources.length));
  const index = (brandes as unknown as { index: { collect(values: Float64Array): Record<string, number> } })
    .index;
  for (let i = 0; i < order; i++) centralities[i] = (centralities[i] as number) * scale;
  return new Map(Object.entries(index.collect(centralities)));
}

export const betweenness: MetricDefinition<BetweennessOptions> = {
  id: 'betweenness',
  name: 'Betweenness',
  description:
    'How often a node lies on the shortest paths (in hops) between two others: a broker. Exact on small networks, sampled from a fixed seed on large ones.',
  compute(network, options = {}) {
    const { exactBelow, samples, seed } = { ...BETWEENNESS_DEFAULTS, ...options };
    const graph = network.graph;
    const exact = graph.order < exactBelow;
    const values = exact
      ? new Map(Object.entries(betweennessCentrality(graph, { getEdgeWeight: null, normalized: true })))
      : sampledBetweenness(graph, samples, seed);
    return {
      metric: 'betweenness',
      network: network.description,
      parameters: { exactBelow, samples: exact ? null : samples, seed: exact ? null : seed },
      values,
      summary: { exact, samples: exact ? graph.order : Math.min(samples, graph.order) },
    };
  },
};
