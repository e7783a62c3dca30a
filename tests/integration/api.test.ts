import { type Graph, writeGraph } from '@clustergraph/ingest';
import { toGlobalId } from '@clustergraph/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

const graph = useGraph();

beforeAll(async () => {
  await graph.reset();
  await graph.loadCurated();
});

type Connection = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

describe('root connections', () => {
  it.each([
    'organisations',
    'clusters',
    'regions',
    'sectors',
    'projects',
    'programmes',
    'pilotActions',
    'needs',
    'goodPractices',
    'partnerships',
  ])('%s pages through curated nodes with a total count', async (field) => {
    const { data, errors } = await graph.graphql<
      Record<string, Connection & { edges: { node: { id: string } }[] }>
    >(`{ ${field}(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`);
    expect(errors).toBeUndefined();
    const connection = data?.[field];
    expect(connection?.totalCount).toBeGreaterThan(0);
    expect(connection?.edges.length).toBe(Math.min(2, connection?.totalCount ?? 0));
  });

  it('follows cursors without gaps or repeats, in name order', async () => {
    const query = `query Page($after: String) {
      organisations(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } }
    }`;
    const names: string[] = [];
    let after: string | null = null;
    let total = 0;
    type Page = { organisations: Connection & { edges: { node: { name: string } }[] } };
    for (let page = 0; page < 50; page += 1) {
      const response: { data?: Page } = await graph.graphql<Page>(query, { after });
      const connection = response.data?.organisations;
      if (!connection) throw new Error('no data');
      total = connection.totalCount;
      names.push(...connection.edges.map((edge) => edge.node.name));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(names.length).toBe(total);
    expect(new Set(names).size).toBe(names.length);
    const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(names).toEqual(sorted);
    expect(total).toBe(await graph.count('MATCH (n:Organisation) RETURN count(n)'));
  });

  it('orders by the requested field and direction', async () => {
    const { data } = await graph.graphql<{ regions: { edges: { node: { code: string } }[] } }>(
      '{ regions(first: 100, orderBy: NAME_ASC, filter: { levels: [3], regionCodes: ["RO"] }) { edges { node { code name } } } }',
    );
    const edges = (data?.regions.edges ?? []) as unknown as { node: { name: string } }[];
    expect(edges.length).toBe(42);
    const names = edges.map((edge) => edge.node.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('filters', () => {
  it('a region includes its sub-regions', async () => {
    const { data } = await graph.graphql<{
      organisations: { edges: { node: { name: string; region: { code: string } | null } }[] };
    }>(
      '{ organisations(first: 100, filter: { regionCodes: ["RO21"] }) { edges { node { name region { code } } } } }',
    );
    const codes = data?.organisations.edges.map((edge) => edge.node.region?.code) ?? [];
    expect(codes).toContain('RO214'); // a county of the North-East
    expect(codes.every((code) => code === undefined || code.startsWith('RO21'))).toBe(true);
  });

  it('filters organisations by kind and clusters by sector', async () => {
    const kinds = await graph.graphql<{ organisations: { edges: { node: { kind: string } }[] } }>(
      '{ organisations(first: 100, filter: { kinds: [DEVELOPMENT_AGENCY] }) { totalCount edges { node { kind } } } }',
    );
    const agencies = kinds.data?.organisations.edges ?? [];
    expect(agencies.length).toBeGreaterThanOrEqual(8);
    expect(agencies.every((edge) => edge.node.kind === 'DEVELOPMENT_AGENCY')).toBe(true);

    const sector = await graph.graphql<{ clusters: { edges: { node: { sectors: { code: string }[] } }[] } }>(
      '{ clusters(filter: { sectorCodes: ["textiles-leather"] }) { edges { node { sectors { code } } } } }',
    );
    const clusters = sector.data?.clusters.edges ?? [];
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.every((edge) => edge.node.sectors.some((s) => s.code === 'textiles-leather'))).toBe(true);
  });
});

describe('search', () => {
  it.each([
    ['iasi', 'Iași'],
    ['IASI', 'Iași'],
    ['bucuresti', 'București'],
    ['neamt', 'Neamț'],
  ])('"%s" finds %s, ignoring case and diacritics', async (query, expected) => {
    const { data, errors } = await graph.graphql<{
      search: { type: string; name: string; node: { id: string } }[];
    }>(
      'query Search($q: String!) { search(query: $q, types: [REGION]) { type name node { id ... on Region { nameLocal name } } } }',
      {
        q: query,
      },
    );
    expect(errors).toBeUndefined();
    const names = (data?.search ?? []).flatMap((hit) => {
      const node = hit.node as unknown as { name: string; nameLocal: string | null };
      return [node.name, node.nameLocal];
    });
    expect(names).toContain(expected);
  });

  it('searches across types and as a filter of a list', async () => {
    const { data } = await graph.graphql<{ search: { type: string }[]; clusters: { totalCount: number } }>(
      '{ search(query: "astrico") { type name } clusters(filter: { search: "astrico" }) { totalCount edges { node { name } } } }',
    );
    expect(data?.search.map((hit) => hit.type)).toEqual(expect.arrayContaining(['CLUSTER', 'ORGANISATION']));
    expect(data?.clusters.totalCount).toBe(1);
  });
});

describe('global ids', () => {
  it('node and nodes return what lists return, null for unknown ids', async () => {
    const list = await graph.graphql<{ clusters: { edges: { node: { id: string; name: string } }[] } }>(
      '{ clusters(first: 2) { edges { node { id name } } } }',
    );
    const [first, second] = list.data?.clusters.edges.map((edge) => edge.node) ?? [];
    const unknown = toGlobalId('Cluster', 'cluster:does-not-exist');
    const { data, errors } = await graph.graphql<{
      node: { name: string } | null;
      nodes: ({ name: string } | null)[];
      missing: null;
    }>(
      `query Q($a: ID!, $b: ID!, $x: ID!) {
        node(id: $a) { ... on Cluster { name } }
        nodes(ids: [$b, $x, $a]) { ... on Cluster { name } }
        missing: node(id: $x) { id }
      }`,
      { a: first?.id, b: second?.id, x: unknown },
    );
    expect(errors).toBeUndefined();
    expect(data?.node?.name).toBe(first?.name);
    expect(data?.nodes).toEqual([{ name: second?.name }, null, { name: first?.name }]);
    expect(data?.missing).toBeNull();
  });
});

describe('bad input', () => {
  it.each([
    [
      'unknown region code',
      '{ organisations(filter: { regionCodes: ["RO21", "XX99"] }) { totalCount } }',
      'filter.regionCodes',
      /XX99/,
    ],
    [
      'unknown sector code',
      '{ clusters(filter: { sectorCodes: ["nope"] }) { totalCount } }',
      'filter.sectorCodes',
      /nope/,
    ],
    ['first above 100', '{ clusters(first: 101) { totalCount } }', 'first', /between 0 and 100/],
    ['negative first', '{ regions(first: -1) { totalCount } }', 'first', /between 0 and 100/],
    [
      'nested first above 100',
      '{ clusters(first: 1) { edges { node { members(first: 500) { totalCount } } } } }',
      'members.first',
      /500/,
    ],
    ['malformed cursor', '{ clusters(after: "garbage") { totalCount } }', 'after', /garbage/],
    ['malformed id', '{ node(id: "not-an-id!") { id } }', 'id', /not-an-id!/],
    ['malformed id in a list', '{ nodes(ids: ["Q2x1c3Rlcjp4", "%%%"]) { id } }', 'ids[1]', /%%%/],
    ['empty search', '{ search(query: "   ") { name } }', 'query', /word/],
  ])('%s is BAD_USER_INPUT naming the argument', async (_case, query, argument, message) => {
    const { errors } = await graph.graphql(query);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.extensions?.argument).toBe(argument);
    expect(errors?.[0]?.message).toMatch(message);
    expect(errors?.[0]?.message).toContain(argument);
  });
});

describe('query limits, checked before any database work', () => {
  const deep = `{ clusters(first: 1) { edges { node { members(first: 1) { edges { node { clusters { members(first: 1) {
    edges { node { clusters { members(first: 1) { edges { node { clusters { name } } } } } } } } } } } } } } } }`;
  const costly =
    '{ clusters(first: 100) { edges { node { members(first: 100) { edges { node { projects { participants(first: 100) { totalCount } } } } } } } } }';
  const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: sectors(first: 1) { totalCount }`).join(' ')} }`;

  it.each([
    ['depth', deep, /depth/],
    ['complexity', costly, /complexity/],
    ['aliases', aliases, /aliases/],
  ])('refuses a query over the %s limit', async (_limit, query, message) => {
    const { errors, roundTrips } = await graph.graphql(query);
    expect(errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(errors?.[0]?.message).toMatch(message);
    expect(roundTrips).toBe(0);
  });
});

describe('provenance and disagreements', () => {
  it('every type carries its sources', async () => {
    const { data } = await graph.graphql<{
      sectors: { edges: { node: { sources: { document: string }[] } }[] };
    }>('{ sectors(first: 3) { edges { node { sources { document section } } } } }');
    for (const edge of data?.sectors.edges ?? []) expect(edge.node.sources.length).toBeGreaterThan(0);
  });
});

/**
 * A fixture of many clusters, each with members in regions, to show that the round trips of a
 * request depend on its shape, not on how long its lists are.
 */
function clusterFixture(clusters: number, membersEach: number): Graph {
  const source = [{ document: 'fixture:api.test', section: 'round trips' }];
  const nodes: Graph['nodes'] = [];
  const relationships: Graph['relationships'] = [];
  for (let c = 0; c < clusters; c += 1) {
    const cluster = `fixture:cluster:${c}`;
    nodes.push({
      label: 'Cluster',
      id: cluster,
      props: { name: `Fixture cluster ${String(c).padStart(3, '0')}` },
      sources: source,
    });
    relationships.push({ type: 'LOCATED_IN', from: cluster, to: 'region:RO21', props: {}, sources: source });
    for (let m = 0; m < membersEach; m += 1) {
      const member = `fixture:org:${c}:${m}`;
      nodes.push({
        label: 'Organisation',
        id: member,
        props: { name: `Fixture member ${c}-${m}`, kind: 'SME', naceCodes: [], capabilities: [] },
        sources: source,
      });
      relationships.push({
        type: 'MEMBER_OF',
        from: member,
        to: cluster,
        props: { role: 'member' },
        sources: source,
      });
      relationships.push({
        type: 'LOCATED_IN',
        from: member,
        to: 'region:RO213',
        props: {},
        sources: source,
      });
    }
  }
  return { nodes, relationships };
}

describe('no N+1', () => {
  it('100 clusters with members and regions cost the same round trips as 1', async () => {
    await writeGraph(graph.driver, clusterFixture(120, 5), {
      synthetic: true,
      mode: 'atomic',
      existingNodes: new Map([
        ['region:RO21', 'Region'],
        ['region:RO213', 'Region'],
      ]),
    });
    const query = `query Clusters($first: Int!) {
      clusters(first: $first, filter: { synthetic: true }) {
        edges { node {
          name region { code parent { code } } sources { document }
          members(first: 10) { totalCount edges { node { name region { code } clusters { name } } } }
        } }
      }
    }`;
    type Clusters = { clusters: { edges: { node: { members: { totalCount: number } } }[] } };
    for (const prefetch of [true, false]) {
      const one = await graph.graphql<Clusters>(query, { first: 1 }, { prefetch });
      const hundred = await graph.graphql<Clusters>(query, { first: 100 }, { prefetch });
      expect(one.errors).toBeUndefined();
      expect(hundred.errors).toBeUndefined();
      expect(one.data?.clusters.edges.length).toBe(1);
      expect(hundred.data?.clusters.edges.length).toBe(100);
      expect(hundred.data?.clusters.edges.every((edge) => edge.node.members.totalCount === 5)).toBe(true);
      expect(hundred.roundTrips).toBe(one.roundTrips);
      // Prefetched: the list's statement brings the regions, sources, members and their relations.
      // Batched: one batch per relation and level.
      expect(one.roundTrips).toBe(prefetch ? 1 : 7);
    }
  });
});

describe('value-chain providers', () => {
  it('an organisation provides a stage explicitly or through its NACE codes', async () => {
    const source = [{ document: 'fixture:api.test', section: 'providers' }];
    await writeGraph(
      graph.driver,
      {
        nodes: [
          {
            label: 'Organisation',
            id: 'fixture:weaver',
            props: { name: 'Fixture Weaving Mill', kind: 'SME', naceCodes: ['13.20'], capabilities: [] },
            sources: source,
          },
          {
            label: 'Organisation',
            id: 'fixture:tailor',
            props: { name: 'Fixture Tailor', kind: 'SME', naceCodes: ['14.13'], capabilities: [] },
            sources: source,
          },
        ],
        relationships: [
          {
            type: 'PROVIDES',
            from: 'fixture:tailor',
            to: 'stage:textiles-leather:finishing',
            props: {},
            sources: source,
          },
        ],
      },
      {
        synthetic: true,
        mode: 'atomic',
        existingNodes: new Map([['stage:textiles-leather:finishing', 'ValueChainStage']]),
      },
    );
    type Providers = {
      totalCount: number;
      edges: { via: string; naceCode: string | null; node: { name: string } }[];
    };
    const { data, errors } = await graph.graphql<{
      sectors: { edges: { node: { valueChain: { key: string; providers: Providers }[] } }[] };
    }>(
      '{ sectors(filter: { sectorCodes: ["textiles-leather"] }) { edges { node { valueChain { key providers(first: 100) { totalCount edges { via naceCode node { name } } } } } } } }',
    );
    expect(errors).toBeUndefined();
    const chain = data?.sectors.edges[0]?.node.valueChain ?? [];
    const providersOf = (key: string) =>
      chain.find((stage) => stage.key === key)?.providers.edges.map((p) => `${p.via}:${p.node.name}`) ?? [];
    expect(providersOf('stage:textiles-leather:yarn-fabric-leather')).toContain('NACE:Fixture Weaving Mill');
    expect(providersOf('stage:textiles-leather:manufacturing')).toContain('NACE:Fixture Tailor');
    expect(providersOf('stage:textiles-leather:finishing')).toContain('EXPLICIT:Fixture Tailor');
    expect(providersOf('stage:textiles-leather:finishing')).not.toContain('NACE:Fixture Weaving Mill');
    const yarn = chain.find((stage) => stage.key === 'stage:textiles-leather:yarn-fabric-leather');
    expect(yarn?.providers.edges.find((p) => p.node.name === 'Fixture Weaving Mill')?.naceCode).toBe('13.20');
  });

  it('pages and filters a stage’s providers, and names a bad filter', async () => {
    const stage = async (filter: string, first = 1) => {
      const { data, errors } = await graph.graphql<{
        node: {
          providers: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean };
            edges: { via: string; node: { name: string } }[];
          };
        };
      }>(
        `{ node(id: "${toGlobalId('ValueChainStage', 'stage:textiles-leather:finishing')}") { ... on ValueChainStage { providers(first: ${first}, filter: ${filter}) { totalCount pageInfo { hasNextPage } edges { via node { name } } } } } }`,
      );
      expect(errors).toBeUndefined();
      return data?.node.providers;
    };
    const all = await stage('{}', 100);
    expect(all?.edges.length).toBe(all?.totalCount);
    const one = await stage('{}', 1);
    expect(one?.edges).toHaveLength(1);
    expect(one?.totalCount).toBe(all?.totalCount);
    expect(one?.pageInfo.hasNextPage).toBe((all?.totalCount ?? 0) > 1);
    const stated = await stage('{ via: [EXPLICIT], kinds: [SME] }', 100);
    expect(stated?.edges.map((p) => p.node.name)).toContain('Fixture Tailor');
    expect(stated?.edges.every((p) => p.via === 'EXPLICIT')).toBe(true);
    expect((await stage('{ via: [EXPLICIT], kinds: [UNIVERSITY], synthetic: true }', 100))?.totalCount).toBe(
      0,
    );
    const { errors } = await graph.graphql(
      `{ node(id: "${toGlobalId('ValueChainStage', 'stage:textiles-leather:finishing')}") { ... on ValueChainStage { providers(filter: { regionCodes: ["XX99"] }) { totalCount } } } }`,
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.regionCodes' });
  });
});

describe('project participants', () => {
  it('tell the clusters a project analyses from those that only follow up, by their role', async () => {
    const { data, errors } = await graph.graphql<{
      projects: {
        edges: {
          node: {
            participatingClusters: { totalCount: number; edges: { role: string; node: { name: string } }[] };
          };
        }[];
      };
    }>(
      '{ projects(filter: { search: "Cluster Poli SEE" }, first: 1) { edges { node { participatingClusters { totalCount edges { role node { name } } } } } } }',
    );
    expect(errors).toBeUndefined();
    const clusters = data?.projects.edges[0]?.node.participatingClusters;
    expect(clusters?.totalCount).toBe(7);
    const analysed = clusters?.edges
      .filter((edge) => edge.role.startsWith('analysed'))
      .map((edge) => edge.node.name);
    expect(analysed).toHaveLength(4);
    expect(analysed).toContain('Ind-Agro-Pol');
  });
});
