import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/** What a layout needs: node keys in a stable order and weighted ties by node index. */
export type LayoutInput = {
  nodes: readonly string[];
  /** [source index, target index, weight] */
  edges: readonly (readonly [number, number, number])[];
};

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Fewer passes on larger networks, so 5,000 nodes are laid out in about a second. */
export function iterationsFor(order: number): number {
  if (order <= 500) return 300;
  if (order <= 2_000) return 150;
  if (order <= 8_000) return 80;
  return 40;
}

/**
 * ForceAtlas2 (graphology's implementation) from a sunflower spiral of the nodes in the order
 * given, for a fixed number of passes: no randomness, so the same network always gets the same
 * picture. Returns x and y interleaved, node by node, in input order (a transferable buffer).
 */
export function forceLayout(input: LayoutInput): Float64Array {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  input.nodes.forEach((key, index) => {
    const radius = 10 * Math.sqrt(index + 0.5);
    graph.addNode(key, {
      x: radius * Math.cos(index * GOLDEN_ANGLE),
      y: radius * Math.sin(index * GOLDEN_ANGLE),
    });
  });
  for (const [source, target, weight] of input.edges) {
    const a = input.nodes[source];
    const b = input.nodes[target];
    if (a === undefined || b === undefined || a === b || graph.hasEdge(a, b)) continue;
    graph.addEdge(a, b, { weight });
  }
  if (graph.size > 0) {
    const settings = {
      ...forceAtlas2.inferSettings(graph),
      // Hubs pushed to the edge of their group, and ties' weights count (shared projects).
      outboundAttractionDistribution: true,
      edgeWeightInfluence: 1,
    };
    forceAtlas2.assign(graph, { iterations: iterationsFor(graph.order), settings, getEdgeWeight: 'weight' });
  }
  const positions = new Float64Array(input.nodes.length * 2);
  input.nodes.forEach((key, index) => {
    positions[2 * index] = graph.getNodeAttribute(key, 'x') as number;
    positions[2 * index + 1] = graph.getNodeAttribute(key, 'y') as number;
  });
  return positions;
}
