import { toGlobalId } from '@clustergraph/schema';
import { loadSyntheticTier } from '@clustergraph/seed/synthetic';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

/**
 * A root field prefetches the relations its query asks for in its own statement (lookahead.ts).
 * Every answer must be the one the relation resolvers give when they batch each relation.
 */
const graph = useGraph();

beforeAll(async () => {
  await graph.reset();
  await graph.loadCurated();
  await loadSyntheticTier(graph.driver, { tier: 'S', seed: 1 });
});

async function bothWays(query: string, variables: Record<string, unknown> = {}) {
  const prefetched = await graph.graphql(query, variables);
  const batched = await graph.graphql(query, variables, { prefetch: false });
  expect(prefetched.errors).toBeUndefined();
  expect(batched.errors).toBeUndefined();
  expect(prefetched.data).toEqual(batched.data);
  return { prefetched, batched };
}

const CLUSTER_PAGE = `query ClusterPage($first: Int!, $members: Int!) {
  clusters(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id name
      region { code name }
      sectors { code name }
      members(first: $members) { totalCount pageInfo { hasNextPage } edges { role since node { name } } }
      managedBy { name }
    } }
  }
}`;

const RICH = `query Rich($withLabels: Boolean!, $skipSectors: Boolean!, $after: String, $project: ID!, $cluster: ID!) {
  page: clusters(first: 30, filter: { regionCodes: ["RO"] }, orderBy: NAME_DESC) {
    totalCount
    edges { node { ...ClusterCard } }
  }
  project: node(id: $project) {
    id
    ... on Project {
      code title
      programme { name projects(first: 3) { totalCount edges { node { code } } } }
      coordinator { name region { code } }
      participants(first: 5) {
        edges { role contribution node { name locatedIn { region { code } sources { document } } } }
      }
      participatingClusters(first: 2) { totalCount edges { role node { acronym } } }
      sectors { valueChain { name kind } }
    }
  }
  both: nodes(ids: [$project, $cluster]) { __typename ... on Cluster { name members { totalCount } } ... on Project { acronym } }
  hits: search(query: "cluster", first: 5) { name type node { ... on Cluster { acronym website members(first: 1) { totalCount } } } }
}
fragment ClusterCard on Cluster {
  name
  labels @include(if: $withLabels) { level }
  sectors @skip(if: $skipSectors) { code }
  partnerships { __typename }
  region { code name parent { code } }
  locatedIn { region { name } sources { document section } }
  first: members(first: 2) { edges { role node { name country region { code } clusters { name } } } }
  second: members(first: 2, after: $after) { pageInfo { hasNextPage } edges { node { name } } }
  managedBy { name ... on Node { id } }
  projects { acronym participants(first: 1) { totalCount } }
}`;

describe('relations prefetched with their parents', () => {
  it('a page of clusters with region, sectors, members and manager is one round trip', async () => {
    const { prefetched, batched } = await bothWays(CLUSTER_PAGE, { first: 20, members: 10 });
    const clusters = (
      prefetched.data as { clusters: { edges: { node: { members: { totalCount: number } } }[] } }
    ).clusters;
    expect(clusters.edges.length).toBe(20);
    expect(clusters.edges.some((edge) => edge.node.members.totalCount > 10)).toBe(true);
    expect(prefetched.roundTrips).toBe(1);
    expect(batched.roundTrips).toBeGreaterThan(1);
  });

  it.each([
    { withLabels: true, skipSectors: false },
    { withLabels: false, skipSectors: true },
  ])('answers as batching does, through aliases, fragments and directives (%o)', async (flags) => {
    const { prefetched, batched } = await bothWays(RICH, {
      ...flags,
      after: Buffer.from('offset:1').toString('base64url'),
      project: toGlobalId('Project', 'project:cluster-poli-see'),
      cluster: toGlobalId('Cluster', 'cluster:mobilier-transilvan'),
    });
    expect(prefetched.roundTrips).toBeLessThan(batched.roundTrips);
  });

  it.each([
    '{ organisations(first: 3) { edges { node { country } } } }',
    '{ projects(first: 5) { edges { node { coordinator { country } participants(first: 3) { edges { node { country } } } } } } }',
    '{ clusters(first: 5) { edges { node { managedBy { country } } } } }',
    '{ pilotActions(first: 5) { edges { node { proposedBy { country } } } } }',
  ])(
    'a computed field named like a property reads what it declares, whatever its siblings: %s',
    async (query) => {
      const { prefetched } = await bothWays(query);
      expect(prefetched.roundTrips).toBe(1);
    },
  );

  it('still names a bad argument of a relation it would have prefetched', async () => {
    const { errors } = await graph.graphql(
      '{ clusters(first: 2) { edges { node { members(first: 500) { totalCount } } } } }',
    );
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.extensions?.argument).toBe('members.first');
  });

  it('refuses an unknown region code of a filter in the same statement as the list', async () => {
    const { errors, roundTrips } = await graph.graphql(
      '{ organisations(filter: { regionCodes: ["RO21", "XX99"] }) { totalCount } }',
    );
    expect(errors?.[0]?.extensions?.argument).toBe('filter.regionCodes');
    expect(errors?.[0]?.message).toContain('XX99');
    expect(errors?.[0]?.message).not.toContain('RO21');
    expect(roundTrips).toBe(1);
  });
});
