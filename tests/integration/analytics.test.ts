import { toGlobalId } from '@clustergraph/schema';
import { loadSyntheticTier } from '@clustergraph/seed/synthetic';
import { analyticsCacheOf } from '@clustergraph/server/analytics-cache';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

/**
 * Network analytics through the API on the curated graph and the synthetic S tier, checked
 * against Cypher written by hand: who cooperates with whom, metrics cached per dataset version,
 * neighbourhoods, paths, region profiles and aggregates.
 */
const graph = useGraph();

beforeAll(async () => {
  await graph.reset();
  await loadSyntheticTier(graph.driver, { tier: 'S', seed: 1 });
}, 600_000);

const NETWORK = `query Network($filter: FilterNetworkInput, $metrics: [NetworkMetric!], $first: Int, $orderBy: NetworkMetric) {
  network(filter: $filter, metrics: $metrics, first: $first, orderBy: $orderBy) {
    description { nodeKind tieKind nodeCount edgeCount minWeight }
    nodes { key id label degree weightedDegree betweenness community component brokerage brokerRoles { dimension pairCount } }
    edges { source target weight projectCount explanation }
    nodeCap truncated datasetVersion
    metrics { metric parameters { name value } summary { name value } }
  }
}`;

type NetworkData = {
  network: {
    description: { nodeCount: number; edgeCount: number };
    nodes: {
      key: string;
      degree: number | null;
      weightedDegree: number | null;
      betweenness: number | null;
      community: number | null;
    }[];
    edges: { source: string; target: string; weight: number; projectCount: number; explanation: string }[];
    nodeCap: number;
    truncated: boolean;
    datasetVersion: string;
    metrics: { metric: string; summary: { name: string; value: string }[] }[];
  };
};

describe('network', () => {
  it('is the co-participation network Cypher finds, with metrics, and cached per dataset version', async () => {
    const cache = analyticsCacheOf(graph.db);
    const first = await graph.graphql<NetworkData>(NETWORK, {
      metrics: ['DEGREE', 'WEIGHTED_DEGREE', 'BETWEENNESS', 'LOUVAIN'],
      first: 20_000,
    });
    expect(first.errors).toBeUndefined();
    const network = first.data?.network;
    const [expected] = await graph.rows<{ nodes: number; ties: number }>(
      `MATCH (o:Organisation)-[:PARTICIPATES_IN]->(:Project)
       WITH count(DISTINCT o) AS nodes
       MATCH (a:Organisation)-[:PARTICIPATES_IN]->(:Project)<-[:PARTICIPATES_IN]-(b:Organisation) WHERE a.id < b.id
       RETURN nodes, count(DISTINCT [a.id, b.id]) AS ties`,
    );
    expect(network?.description).toMatchObject({ nodeCount: expected?.nodes, edgeCount: expected?.ties });
    expect(network?.nodes.length).toBe(expected?.nodes);
    expect(network?.truncated).toBe(false);
    const top = network?.nodes[0];
    const [partners] = await graph.rows<{ degree: number; weight: number }>(
      `MATCH (a:Organisation {id: $id})-[:PARTICIPATES_IN]->(p:Project)<-[:PARTICIPATES_IN]-(b:Organisation)
       WITH b, count(DISTINCT p) AS shared RETURN count(b) AS degree, sum(shared) AS weight`,
      { id: top?.key },
    );
    expect(top).toMatchObject({ degree: partners?.degree, weightedDegree: partners?.weight });
    expect(
      network?.metrics.find((run) => run.metric === 'LOUVAIN')?.summary.map((entry) => entry.name),
    ).toEqual(['modularity', 'communityCount']);

    const built = { ...cache.counts };
    const again = await graph.graphql<NetworkData>(NETWORK, {
      metrics: ['DEGREE', 'BETWEENNESS', 'LOUVAIN'],
      first: 20_000,
    });
    expect(again.roundTrips).toBe(1);
    expect(cache.counts).toEqual(built);
    expect(again.data?.network.nodes.map((node) => node.betweenness)).toEqual(
      network?.nodes.map((node) => node.betweenness),
    );

    // A write changes the dataset version: the next request reads the data again and sees the new tie.
    const [pair] = await graph.rows<{ a: string; b: string }>(
      `MATCH (a:Organisation), (b:Organisation)
       WHERE a.id < b.id AND NOT (a)-[:PARTICIPATES_IN]->(:Project)<-[:PARTICIPATES_IN]-(b)
         AND (a)-[:PARTICIPATES_IN]->() AND (b)-[:PARTICIPATES_IN]->()
       RETURN a.id AS a, b.id AS b LIMIT 1`,
    );
    await graph.rows(
      `MATCH (a:Organisation {id: $a}), (b:Organisation {id: $b})
       CREATE (p:Project {id: 'test:analytics-tie', code: 'T1', title: 'A new tie', synthetic: true, objectives: [], results: []})
       CREATE (a)-[:PARTICIPATES_IN {sources: []}]->(p), (b)-[:PARTICIPATES_IN {sources: []}]->(p)`,
      { a: pair?.a, b: pair?.b },
    );
    const after = await graph.graphql<NetworkData>(NETWORK, { first: 20_000 });
    expect(after.data?.network.datasetVersion).not.toBe(network?.datasetVersion);
    expect(after.data?.network.description.edgeCount).toBe((expected?.ties ?? 0) + 1);
    expect(cache.counts.dataReads).toBe(built.dataReads + 1);
    await graph.rows(`MATCH (p:Project {id: 'test:analytics-tie'}) DETACH DELETE p`);
  });

  it('filters, orders, caps and says so', async () => {
    const result = await graph.graphql<NetworkData>(NETWORK, {
      filter: {
        organisationKinds: ['SME', 'UNIVERSITY'],
        period: { from: '2016', to: '2020-06' },
        minWeight: 1,
      },
      orderBy: 'DEGREE',
      first: 5,
    });
    expect(result.errors).toBeUndefined();
    const network = result.data?.network;
    expect(network?.nodes).toHaveLength(5);
    expect(network?.truncated).toBe(true);
    expect(network?.nodeCap).toBe(5);
    const degrees = network?.nodes.map((node) => node.degree ?? 0) ?? [];
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    for (const edge of network?.edges ?? []) expect(edge.explanation).toMatch(/shared project/);
  });

  it('ties the members of one cluster by the projects they share, as Cypher finds', async () => {
    const [cluster] = await graph.rows<{ key: string; ties: number; members: number }>(
      `MATCH (a:Organisation)-[:MEMBER_OF]->(c:Cluster)<-[:MEMBER_OF]-(b:Organisation)
       WHERE a.id < b.id AND EXISTS { (a)-[:PARTICIPATES_IN]->(:Project)<-[:PARTICIPATES_IN]-(b) }
       WITH c, count(DISTINCT [a.id, b.id]) AS ties
       RETURN c.id AS key, ties ORDER BY ties DESC, key LIMIT 1`,
    );
    if (!cluster) throw new Error('no cluster whose members share a project');
    const pairs = await graph.rows<{ a: string; b: string; projects: number }>(
      `MATCH (a:Organisation)-[:MEMBER_OF]->(c:Cluster {id: $key})<-[:MEMBER_OF]-(b:Organisation)
       WHERE a.id < b.id
       MATCH (a)-[:PARTICIPATES_IN]->(p:Project)<-[:PARTICIPATES_IN]-(b)
       RETURN a.id AS a, b.id AS b, count(DISTINCT p) AS projects`,
      { key: cluster.key },
    );
    const result = await graph.graphql<NetworkData>(NETWORK, {
      filter: { clusterId: toGlobalId('Cluster', cluster.key) },
      first: 20_000,
    });
    expect(result.errors).toBeUndefined();
    const tie = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
    expect(
      Object.fromEntries(
        result.data?.network.edges.map((e) => [tie(e.source, e.target), e.projectCount]) ?? [],
      ),
    ).toEqual(Object.fromEntries(pairs.map((pair) => [tie(pair.a, pair.b), pair.projects])));
    expect(pairs.length).toBe(cluster.ties);

    const refused = await graph.graphql(NETWORK, {
      filter: { clusterId: toGlobalId('Cluster', cluster.key), nodeKind: 'REGION' },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.clusterId',
    });
  });

  it('aggregates organisations into cluster and region networks', async () => {
    const clusters = await graph.graphql<NetworkData>(NETWORK, {
      filter: { nodeKind: 'CLUSTER' },
      metrics: ['BROKERAGE'],
    });
    expect(clusters.errors).toBeUndefined();
    expect(clusters.data?.network.nodes.length).toBeGreaterThan(5);
    const regions = await graph.graphql<NetworkData>(NETWORK, {
      filter: { nodeKind: 'REGION', regionLevel: 0 },
    });
    expect(regions.data?.network.nodes.length).toBeGreaterThan(1);
  });

  it('refuses bad input naming the argument', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ filter: { minWeight: 0 } }, 'filter.minWeight'],
      [{ filter: { period: { from: '2014-13' } } }, 'filter.period'],
      [{ first: 20_001 }, 'first'],
      [{ filter: { programmeId: 'nonsense' } }, 'filter.programmeId'],
      [{ filter: { clusterId: toGlobalId('Organisation', 'org:x') } }, 'filter.clusterId'],
    ];
    for (const [variables, argument] of cases) {
      const result = await graph.graphql(NETWORK, variables);
      expect(result.errors?.[0]?.extensions, argument).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});

describe('neighbourhoods and paths', () => {
  it('ego network, common partners and a path with each hop explained', async () => {
    const [hub] = await graph.rows<{ id: string; other: string; far: string }>(
      `MATCH (a:Organisation)-[:PARTICIPATES_IN]->(:Project)<-[:PARTICIPATES_IN]-(b:Organisation)-[:PARTICIPATES_IN]->(:Project)<-[:PARTICIPATES_IN]-(c:Organisation)
       WHERE a <> c AND NOT (a)-[:PARTICIPATES_IN]->(:Project)<-[:PARTICIPATES_IN]-(c) AND NOT (a)-[:MEMBER_OF|PARTNER_IN]->()<-[:MEMBER_OF|PARTNER_IN]-(c)
       RETURN a.id AS id, b.id AS other, c.id AS far LIMIT 1`,
    );
    const id = toGlobalId('Organisation', hub?.id ?? '');
    const ego = await graph.graphql<{
      egoNetwork: {
        reachable: number;
        cap: number;
        truncated: boolean;
        nodes: { key: string; distance: number }[];
      };
    }>(
      `query { egoNetwork(id: "${id}", depth: 2, cap: 3) { reachable cap truncated nodes { key distance } edges { source target } } }`,
    );
    expect(ego.errors).toBeUndefined();
    expect(ego.data?.egoNetwork).toMatchObject({ cap: 3, truncated: true });
    expect(ego.data?.egoNetwork.nodes[0]).toEqual({ key: hub?.id, distance: 0 });

    const path = await graph.graphql<{
      cooperationPath: { from: { key: string }; to: { key: string }; explanation: string }[];
    }>(
      `query { cooperationPath(from: "${id}", to: "${toGlobalId('Organisation', hub?.far ?? '')}") { from { key } to { key } explanation } }`,
    );
    expect(path.errors).toBeUndefined();
    expect(path.data?.cooperationPath).toHaveLength(2);
    expect(path.data?.cooperationPath[0]?.explanation).toMatch(/shared project/);

    const common = await graph.graphql<{ commonPartners: { partner: { key: string } }[] }>(
      `query { commonPartners(a: "${id}", b: "${toGlobalId('Organisation', hub?.far ?? '')}") { partner { key } withA { weight } withB { weight } } }`,
    );
    expect(common.data?.commonPartners.map((partner) => partner.partner.key)).toContain(hub?.other);

    const bad = await graph.graphql(`query { egoNetwork(id: "${id}", depth: 3) { cap } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth' });
  });
});

describe('regions and aggregates', () => {
  it('profiles a region against Cypher counts', async () => {
    const [region] = await graph.rows<{ code: string; organisations: number }>(
      `MATCH (o:Organisation)-[:LOCATED_IN]->(r:Region) WHERE r.level = 2
       RETURN r.code AS code, count(DISTINCT o) AS organisations ORDER BY organisations DESC LIMIT 1`,
    );
    const result = await graph.graphql<{
      regionProfile: {
        organisationCount: number;
        helixMix: { count: number }[];
        tieCount: number;
        insideTies: number;
        outsideTies: number;
        gatekeepers: { key: string }[];
        perYear: { year: number }[];
      };
    }>(
      `query { regionProfile(code: "${region?.code}") { organisationCount helixMix { helix count share } tieCount insideTies outsideTies researchBusinessShare partnerRegions { code ties } gatekeepers { key name outsideTies } sectors { key count } clusterKeys perYear { year projects contribution } neverMeet { dimension key } } }`,
    );
    expect(result.errors).toBeUndefined();
    const profile = result.data?.regionProfile;
    expect(profile?.organisationCount).toBe(region?.organisations);
    expect(profile?.helixMix.reduce((sum, share) => sum + share.count, 0)).toBe(region?.organisations);
    expect((profile?.insideTies ?? 0) + (profile?.outsideTies ?? 0)).toBe(profile?.tieCount);
    expect(profile?.perYear.length).toBeGreaterThan(0);
    const bad = await graph.graphql(`query { regionProfile(code: "RO", period: { from: "14" }) { code } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'period' });
  });

  it('counts per group as Cypher does', async () => {
    const result = await graph.graphql<{ aggregate: { key: string; value: number }[] }>(
      'query { aggregate(measure: ORGANISATIONS, by: KIND) { key value } }',
    );
    const expected = await graph.rows<{ key: string; value: number }>(
      'MATCH (o:Organisation) RETURN o.kind AS key, count(*) AS value ORDER BY value DESC, key',
    );
    expect(result.data?.aggregate).toEqual(expected);
    const bad = await graph.graphql('query { aggregate(measure: PROJECTS, by: KIND) { key } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'by' });
  });
});
