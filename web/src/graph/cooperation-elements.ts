import type { NodeLabel, RelationshipType } from '@clustergraph/schema';
import type { ElementDefinition } from 'cytoscape';
import type { CooperationNetwork_ClusterFragment } from '../gql/graphql.ts';
import type { NetworkNodeData } from './stylesheet.ts';

export type NetworkEdgeData = {
  id: string;
  source: string;
  target: string;
  type: RelationshipType;
  label: string;
};

export type CooperationElements = {
  elements: ElementDefinition[];
  /** The labels present, in order of first appearance, for the legend. */
  labels: NodeLabel[];
  /** Lists longer than the page fetched, said in words. */
  truncated: string[];
};

const CAPTION_LENGTH = 32;

function captionOf(name: string, acronym?: string | null): string {
  if (acronym) return acronym;
  return name.length > CAPTION_LENGTH ? `${name.slice(0, CAPTION_LENGTH - 1).trimEnd()}…` : name;
}

/**
 * Turns the cooperation neighbourhood of a cluster into cytoscape elements: one node per global
 * id (an organisation that is both member and project partner appears once) and one edge per
 * relationship, in the direction the model stores it.
 */
export function cooperationElements(cluster: CooperationNetwork_ClusterFragment): CooperationElements {
  const nodes = new Map<string, NetworkNodeData>();
  const edges = new Map<string, NetworkEdgeData>();
  const labels: NodeLabel[] = [];
  const truncated: string[] = [];

  const addNode = (
    type: NodeLabel,
    node: { id: string; key: string },
    name: string,
    acronym?: string | null,
  ) => {
    const { id, key } = node;
    if (nodes.has(id)) return;
    nodes.set(id, { id, key, type, name, caption: captionOf(name, acronym) });
    if (!labels.includes(type)) labels.push(type);
  };
  const addEdge = (type: RelationshipType, source: string, target: string) => {
    const id = `${source}-${type}-${target}`;
    if (edges.has(id)) return;
    edges.set(id, { id, source, target, type, label: type.toLowerCase().replaceAll('_', ' ') });
  };

  addNode('Cluster', cluster, cluster.name, cluster.acronym);
  if (cluster.managedBy) {
    addNode('Organisation', cluster.managedBy, cluster.managedBy.name, cluster.managedBy.acronym);
    addEdge('MANAGES', cluster.managedBy.id, cluster.id);
  }
  for (const { node: member } of cluster.members.edges) {
    addNode('Organisation', member, member.name, member.acronym);
    addEdge('MEMBER_OF', member.id, cluster.id);
  }
  if (cluster.members.totalCount > cluster.members.edges.length) {
    truncated.push(`${cluster.members.edges.length} of ${cluster.members.totalCount} members`);
  }
  for (const project of cluster.projects) {
    addNode('Project', project, project.title, project.acronym ?? project.code);
    addEdge('PARTICIPATES_IN', cluster.id, project.id);
    for (const other of project.clusters) {
      addNode('Cluster', other, other.name, other.acronym);
      addEdge('PARTICIPATES_IN', other.id, project.id);
    }
    for (const { node: participant } of project.participants.edges) {
      addNode('Organisation', participant, participant.name, participant.acronym);
      addEdge('PARTICIPATES_IN', participant.id, project.id);
    }
    if (project.participants.totalCount > project.participants.edges.length) {
      const shown = project.participants.edges.length;
      truncated.push(
        `${shown} of ${project.participants.totalCount} participants of ${project.acronym ?? project.code}`,
      );
    }
  }
  for (const partnership of cluster.partnerships) {
    addNode('Partnership', partnership, partnership.name);
    addEdge('PARTNER_IN', cluster.id, partnership.id);
    for (const other of partnership.clusters) {
      addNode('Cluster', other, other.name, other.acronym);
      addEdge('PARTNER_IN', other.id, partnership.id);
    }
    for (const partner of partnership.partners) {
      addNode('Organisation', partner, partner.name, partner.acronym);
      addEdge('PARTNER_IN', partner.id, partnership.id);
    }
  }

  return {
    elements: [
      ...[...nodes.values()].map((data) => ({
        group: 'nodes' as const,
        data,
        classes: data.id === cluster.id ? 'focus' : undefined,
      })),
      ...[...edges.values()].map((data) => ({ group: 'edges' as const, data })),
    ],
    labels,
    truncated,
  };
}
