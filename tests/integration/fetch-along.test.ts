import { toGlobalId } from '@clustergraph/schema';
import { loadSyntheticTier } from '@clustergraph/seed/synthetic';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

/**
 * A root field fetches the relations its query asks for in its own statement (lookahead.ts).
 * Every answer must be the one the relation resolvers give when they load apart.
 */
const graph = useGraph();

beforeAll(async () => {
  await graph.reset();
  await graph.loadCurated();
  await loadSyntheticTier(graph.driver, { tier: 'S', seed: 1 });
});

async function bothWays(query: string, variables: Record<string, unknown> = {}) {
  const along = await graph.graphql(query, variables);
  const apart = await graph.graphql(query, variables, { fetchAlong: false });
  expect(along.errors).toBeUndefined();
  expect(apart.errors).toBeUndefined();
  expect(along.data).toEqual(apart.data);
  return { along, apart };
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

describe('relations fetched along with their parents', () => {
  it('a page of clusters with region, sectors, members and manager is one round trip', async () => {
    const { along, apart } = await bothWays(CLUSTER_PAGE, { first: 20, members: 10 });
    const clusters = (along.data as { clusters: { edges: { node: { members: { totalCount: number } } }[] } })
      .clusters;
    expect(clusters.edges.length).toBe(20);
    expect(clusters.edges.some((edge) => edge.node.members.totalCount > 10)).toBe(true);
    expect(along.roundTrips).toBe(1);
    expect(apart.roundTrips).toBeGreaterThan(1);
  });

  it.each([
    { withLabels: true, skipSectors: false },
    { withLabels: false, skipSectors: true },
  ])('answers as loading apart does, through aliases, fragments and directives (%o)', async (flags) => {
    const { along, apart } = await bothWays(RICH, {
      ...flags,
      after: Buffer.from('offset:1').toString('base64url'),
      project: toGlobalId('Project', 'project:cluster-poli-see'),
      cluster: toGlobalId('Cluster', 'cluster:mobilier-transilvan'),
    });
    expect(along.roundTrips).toBeLessThan(apart.roundTrips);
  });

  it('still names a bad argument of a relation it would have fetched along', async () => {
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
