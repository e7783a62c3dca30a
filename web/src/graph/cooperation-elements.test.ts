import { describe, expect, it } from 'vitest';
import type { CooperationNetwork_ClusterFragment } from '../gql/graphql.ts';
import { cooperationElements } from './cooperation-elements.ts';

const org = (id: string, name: string, acronym: string | null = null) => ({
  id,
  key: `key-${id}`,
  name,
  acronym,
});

/** A hand-made neighbourhood: the manager also coordinates the project, a member is also a partner. */
const cluster: CooperationNetwork_ClusterFragment = {
  id: 'cluster-1',
  key: 'key-cluster-1',
  name: 'Transylvania Energy Cluster',
  acronym: 'TREC',
  managedBy: org('org-manager', 'TREC Association'),
  members: { totalCount: 3, edges: [{ node: org('org-member', 'Member Company SRL') }] },
  projects: [
    {
      id: 'project-1',
      key: 'key-project-1',
      code: '1 CLS',
      acronym: 'INOV-TREC',
      title: 'Innovation in energy',
      participants: {
        totalCount: 2,
        edges: [
          { node: org('org-manager', 'TREC Association') },
          { node: org('org-partner', 'Partner University') },
        ],
      },
      clusters: [
        { id: 'cluster-1', key: 'key-cluster-1', name: 'Transylvania Energy Cluster', acronym: 'TREC' },
      ],
    },
  ],
  partnerships: [
    {
      id: 'partnership-1',
      key: 'key-partnership-1',
      name: 'A regional innovation lab with a name long enough to be cut short',
      kind: 'REGIONAL_LAB',
      partners: [org('org-member', 'Member Company SRL')],
      clusters: [
        { id: 'cluster-1', key: 'key-cluster-1', name: 'Transylvania Energy Cluster', acronym: 'TREC' },
        { id: 'cluster-2', key: 'key-cluster-2', name: 'Cluj IT', acronym: null },
      ],
    },
  ],
};

describe('cooperationElements', () => {
  const network = cooperationElements(cluster);
  const nodes = network.elements.filter((element) => element.group === 'nodes');
  const edges = network.elements.filter((element) => element.group === 'edges');

  it('has each node once, with its label and a short caption', () => {
    expect(nodes.map((node) => [node.data.id, node.data.type])).toEqual([
      ['cluster-1', 'Cluster'],
      ['org-manager', 'Organisation'],
      ['org-member', 'Organisation'],
      ['project-1', 'Project'],
      ['org-partner', 'Organisation'],
      ['partnership-1', 'Partnership'],
      ['cluster-2', 'Cluster'],
    ]);
    expect(nodes.find((node) => node.data.id === 'cluster-1')?.classes).toBe('focus');
    expect(nodes.find((node) => node.data.id === 'cluster-1')?.data.caption).toBe('TREC');
    const lab = nodes.find((node) => node.data.id === 'partnership-1')?.data;
    expect(lab?.caption.length).toBeLessThanOrEqual(32);
    expect(lab?.name).toBe(cluster.partnerships[0]?.name);
    expect(network.labels).toEqual(['Cluster', 'Organisation', 'Project', 'Partnership']);
  });

  it('has one edge per relationship, in the direction the model stores it, labelled by its type', () => {
    expect(edges.map((edge) => `${edge.data.source} ${edge.data.type} ${edge.data.target}`).sort()).toEqual(
      [
        'org-manager MANAGES cluster-1',
        'org-member MEMBER_OF cluster-1',
        'cluster-1 PARTICIPATES_IN project-1',
        'org-manager PARTICIPATES_IN project-1',
        'org-partner PARTICIPATES_IN project-1',
        'cluster-1 PARTNER_IN partnership-1',
        'cluster-2 PARTNER_IN partnership-1',
        'org-member PARTNER_IN partnership-1',
      ].sort(),
    );
    expect(edges.find((edge) => edge.data.type === 'MEMBER_OF')?.data.label).toBe('member of');
  });

  it('says which lists were cut to a page', () => {
    expect(network.truncated).toEqual(['1 of 3 members']);
  });
});
