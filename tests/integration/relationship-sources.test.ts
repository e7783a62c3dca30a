import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

/*
 * Every relationship the API shows carries the sources that state it, as a node does: a
 * cluster's members, a project's participants and participating clusters, a programme's
 * projects, a practice's testers, a region claim. Each answer is checked against a hand-written
 * Cypher query reading the relationships' `sources` ids, in the order of a node's `sources`
 * (document, then id), within a bounded number of round trips.
 */
const graph = useGraph();

beforeAll(async () => {
  await graph.reset();
  await graph.loadCurated();
});

type SourceShape = { key: string; document: string; section: string; kind: string; reason: string | null };
const SOURCE = 'sources { key document section kind reason }';

/** "from|to" → the Sources of that relationship, as the hand-written Cypher reads them. */
async function expected(pattern: string): Promise<Map<string, SourceShape[]>> {
  const rows = await graph.rows<{ pair: string; sources: SourceShape[] }>(
    `MATCH ${pattern}
     RETURN a.id + '|' + b.id AS pair,
            COLLECT { UNWIND coalesce(r.sources, []) AS id MATCH (s:Source {id: id})
                      RETURN s {key: s.id, .document, .section, .kind, reason: s.reason} } AS sources`,
  );
  const byDocumentThenId = (a: SourceShape, b: SourceShape) =>
    a.document < b.document ? -1 : a.document > b.document ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  return new Map(rows.map((row) => [row.pair, [...row.sources].sort(byDocumentThenId)]));
}

function expectSameRelationships(answered: Map<string, SourceShape[]>, stated: Map<string, SourceShape[]>) {
  expect(answered.size).toBeGreaterThan(0);
  expect(new Map([...answered].sort())).toEqual(new Map([...stated].sort()));
  // Not vacuous: the curated relationships do cite their sources.
  expect([...answered.values()].every((sources) => sources.length > 0)).toBe(true);
}

type Page<T> = { edges: T[] };

describe('relationships show their sources', () => {
  it("a cluster's members: each membership's sources", async () => {
    const { data, errors, roundTrips } = await graph.graphql<{
      clusters: Page<{
        node: { key: string; members: Page<{ node: { key: string }; sources: SourceShape[] }> };
      }>;
    }>(
      `{ clusters(first: 40) { edges { node { key members(first: 40) { edges { node { key } ${SOURCE} } } } } } }`,
    );
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    const answered = new Map(
      (data?.clusters.edges ?? []).flatMap(({ node: cluster }) =>
        cluster.members.edges.map((edge) => [`${edge.node.key}|${cluster.key}`, edge.sources] as const),
      ),
    );
    expectSameRelationships(answered, await expected('(a:Organisation)-[r:MEMBER_OF]->(b:Cluster)'));
    // The page with its members in one statement, every membership's sources in one batch.
    expect(roundTrips).toBeLessThanOrEqual(2);
  });

  it("a project's participants and participating clusters: each participation's sources", async () => {
    const { data, errors, roundTrips } = await graph.graphql<{
      projects: Page<{
        node: {
          key: string;
          participants: Page<{ node: { key: string }; role: string | null; sources: SourceShape[] }>;
          participatingClusters: Page<{ node: { key: string }; sources: SourceShape[] }>;
        };
      }>;
    }>(`{ projects(first: 40) { edges { node { key
          participants(first: 30) { edges { role node { key } ${SOURCE} } }
          participatingClusters(first: 10) { edges { node { key } ${SOURCE} } } } } } }`);
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    const answered = new Map(
      (data?.projects.edges ?? []).flatMap(({ node: project }) =>
        [...project.participants.edges, ...project.participatingClusters.edges].map(
          (edge) => [`${edge.node.key}|${project.key}`, edge.sources] as const,
        ),
      ),
    );
    expectSameRelationships(answered, await expected('(a)-[r:PARTICIPATES_IN]->(b:Project)'));
    expect(roundTrips).toBeLessThanOrEqual(2);
  });

  it("a programme's projects: each funding's sources", async () => {
    const { data, errors } = await graph.graphql<{
      programmes: Page<{
        node: { key: string; projects: Page<{ node: { key: string }; sources: SourceShape[] }> };
      }>;
    }>(
      `{ programmes(first: 30) { edges { node { key projects(first: 40) { edges { node { key } ${SOURCE} } } } } } }`,
    );
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    const answered = new Map(
      (data?.programmes.edges ?? []).flatMap(({ node: programme }) =>
        programme.projects.edges.map((edge) => [`${edge.node.key}|${programme.key}`, edge.sources] as const),
      ),
    );
    expectSameRelationships(answered, await expected('(a:Project)-[r:FUNDED_BY]->(b:Programme)'));
  });

  it("a good practice's testers and a node's region claims: their sources", async () => {
    const { data, errors } = await graph.graphql<{
      goodPractices: Page<{
        node: { key: string; testedBy: { organisation: { key: string }; sources: SourceShape[] }[] };
      }>;
      organisations: Page<{
        node: { key: string; locatedIn: { region: { key: string }; sources: SourceShape[] }[] };
      }>;
    }>(`{
      goodPractices(first: 100) { edges { node { key testedBy { organisation { key } ${SOURCE} } } } }
      organisations(first: 100) { edges { node { key locatedIn { region { key } ${SOURCE} } } } }
    }`);
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    const tests = new Map(
      (data?.goodPractices.edges ?? []).flatMap(({ node: practice }) =>
        practice.testedBy.map((test) => [`${test.organisation.key}|${practice.key}`, test.sources] as const),
      ),
    );
    expectSameRelationships(tests, await expected('(a:Organisation)-[r:TESTS]->(b:GoodPractice)'));
    const claims = new Map(
      (data?.organisations.edges ?? []).flatMap(({ node: organisation }) =>
        organisation.locatedIn.map(
          (claim) => [`${organisation.key}|${claim.region.key}`, claim.sources] as const,
        ),
      ),
    );
    const stated = await expected('(a:Organisation)-[r:LOCATED_IN]->(b:Region)');
    const firstHundred = new Set(data?.organisations.edges.map(({ node }) => node.key));
    expectSameRelationships(
      claims,
      new Map([...stated].filter(([pair]) => firstHundred.has(pair.split('|')[0] ?? ''))),
    );
  });
});
