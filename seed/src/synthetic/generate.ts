import type { Graph, SourceRef } from '@clustergraph/ingest';
import { generateClusters, type IncompleteValueChain } from './clusters.ts';
import { Generation, TIERS, type Tier } from './context.ts';
import { generateOrganisations } from './organisations.ts';
import { generatePartnerships } from './partnerships.ts';
import { generateProjects, Participants } from './projects.ts';
import type { Reference } from './reference.ts';

export type { IncompleteValueChain } from './clusters.ts';
export { isTier, syntheticSource, TIERS, type Tier } from './context.ts';

export type SyntheticGraph = {
  tier: Tier;
  seed: number;
  /** The one Source every generated node and relationship cites. */
  source: SourceRef;
  /** Generated nodes, and relationships among them or to curated nodes (regions, sectors, ...). */
  graph: Graph;
  /** Computed from the generated memberships, not from intent: what a gap analysis must find. */
  incompleteValueChains: IncompleteValueChain[];
};

/** About one cluster per 60 to 100 organisations in European cluster ecosystems. */
const ORGANISATIONS_PER_CLUSTER = 80;
const PROJECTS_PER_ORGANISATION = 0.5;
const ORGANISATIONS_PER_PARTNERSHIP = 400;

/**
 * Generates the graph of a tier over the curated reference (regions, sectors and their value
 * chains, programmes): the same tier and seed always give the same graph.
 */
export function generateSyntheticGraph(reference: Reference, tier: Tier, seed: number): SyntheticGraph {
  const generation = new Generation(reference, tier, seed);
  const organisations = TIERS[tier];
  const clusters = Math.max(1, Math.round(organisations / ORGANISATIONS_PER_CLUSTER));
  // Each cluster brings its own cluster organisation: the tier's total stays `organisations`.
  generateOrganisations(generation, organisations - clusters);
  const { incompleteValueChains, clustersByArea } = generateClusters(generation, clusters);
  const participants = new Participants(generation);
  generateProjects(generation, Math.round(organisations * PROJECTS_PER_ORGANISATION), participants);
  generatePartnerships(
    generation,
    Math.max(2, Math.round(organisations / ORGANISATIONS_PER_PARTNERSHIP)),
    participants,
    clustersByArea,
  );
  return {
    tier,
    seed,
    source: generation.source,
    graph: { nodes: generation.nodes, relationships: generation.relationships },
    incompleteValueChains,
  };
}
