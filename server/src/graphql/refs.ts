import { type NodeLabel, type NodeRow, nodeModel } from '@clustergraph/schema';
import { builder } from './builder.ts';
import { reads } from './reads.ts';
import { nodesVia } from './relations.ts';

/**
 * Every node type of the API, one per label of the model, declared together because they refer
 * to each other; each type's own fields live in types/<type>.ts. All implement `Node` and carry
 * `key` (the id in the graph), `synthetic` and `sources` (provenance).
 */
function nodeType<L extends NodeLabel>(label: L) {
  const ref = builder.objectRef<NodeRow<L>>(label);
  builder.node(ref, {
    description: nodeModel[label].description,
    id: { resolve: (row) => row.id, extensions: reads('id') },
    isTypeOf: (value) => (value as { label?: unknown }).label === label,
    fields: (t) => ({
      key: t.string({
        description: 'The stable id of this node in the graph (the global `id` encodes it with the type).',
        extensions: reads('id'),
        resolve: (row) => row.id,
      }),
      version: t.int({
        description:
          'How many times the API’s mutations changed this node (0 for data never edited); an update names the version it read and fails with CONFLICT when it is stale.',
        extensions: reads('version'),
        resolve: (row) => (row as { version?: number | null }).version ?? 0,
      }),
      synthetic: t.boolean({
        description: 'True for generated demo and benchmark data, false for curated facts.',
        extensions: reads('synthetic'),
        resolve: (row) => row.synthetic === true,
      }),
      sources: t.field({
        type: [SourceRef],
        description: 'The documents and sections that state this node.',
        // A Source states itself; the order (document, then id) is that of document and section.
        ...(label === 'Source'
          ? { extensions: reads(), resolve: () => [] }
          : nodesVia({ from: label, type: 'SOURCED_FROM', direction: 'OUT', to: 'Source' })),
      }),
    }),
  });
  return ref;
}

export const OrganisationRef = nodeType('Organisation');
export const ClusterRef = nodeType('Cluster');
export const RegionRef = nodeType('Region');
export const SectorRef = nodeType('Sector');
export const ValueChainStageRef = nodeType('ValueChainStage');
export const ProjectRef = nodeType('Project');
export const ProgrammeRef = nodeType('Programme');
export const PilotActionRef = nodeType('PilotAction');
export const NeedRef = nodeType('Need');
export const GoodPracticeRef = nodeType('GoodPractice');
export const PartnershipRef = nodeType('Partnership');
export const SourceRef = nodeType('Source');
