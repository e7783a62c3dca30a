import { buildClusterNetwork, buildRegionNetwork } from './aggregate.ts';
import { normaliseFilter } from './filter.ts';
import { buildOrganisationNetwork } from './organisation-network.ts';
import type { CooperationData, CooperationGraph, Network, NetworkFilter } from './types.ts';

/**
 * Builds the cooperation network a filter asks for: organisations tied by what they share, or
 * clusters or regions tied by their organisations' ties. Throws NetworkFilterError naming the field
 * of a filter that cannot be met.
 */
export function buildNetwork(data: CooperationData, filter: NetworkFilter = {}): Network {
  const normalised = normaliseFilter(filter);
  let graph: CooperationGraph;
  switch (normalised.nodeKind) {
    case 'ORGANISATION':
      graph = buildOrganisationNetwork(data, normalised).graph;
      break;
    case 'CLUSTER':
      graph = buildClusterNetwork(data, normalised);
      break;
    case 'REGION':
      graph = buildRegionNetwork(data, normalised);
      break;
  }
  return { graph, description: { ...normalised, nodeCount: graph.order, edgeCount: graph.size } };
}
