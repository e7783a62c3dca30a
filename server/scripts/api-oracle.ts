/**
 * The API oracle: representative GraphQL queries, each beside ONE hand-written Cypher query that
 * fetches the same data, and how that Cypher result reads as the GraphQL `data`. `pnpm bench:api`
 * measures each against its Cypher floor; tests/integration/api-oracle.test.ts checks that the
 * API answers what the hand-written query does.
 */
import { FULLTEXT_INDEX, type NodeLabel, toGlobalId } from '@clustergraph/schema';
import neo4j, { type RecordShape } from 'neo4j-driver';
import type { Database, Params } from '../src/db/database.ts';
import { luceneQuery } from '../src/db/repositories/search.ts';
export type Fixtures = { regionCode: string; sectorCode: string; projectId: string; searchText: string };

export type BenchQuery = {
  key: string;
  title: string;
  graphql: string;
  variables: (fixtures: Fixtures) => Record<string, unknown>;
  cypher: string;
  params: (fixtures: Fixtures) => Params;
  /** The GraphQL `data` that the Cypher rows stand for. */
  asGraphqlData: (rows: RecordShape[]) => unknown;
};

const CLUSTER_PAGE = 20;
const MEMBERS_PER_CLUSTER = 10;
const ORGANISATION_PAGE = 50;
const SEARCH_HITS = 20;
const PARTICIPANTS_PAGE = 20;

type RegionClaim = { code: string; name: string };

/**
 * The API's `region`: the most precise claim when every other claim contains it (NUTS codes nest
 * by prefix), null when there is none or two disagree.
 */
function agreed(claims: RegionClaim[]): RegionClaim | null {
  const mostPrecise = claims.reduce<RegionClaim | null>(
    (best, claim) => (best === null || claim.code.length > best.code.length ? claim : best),
    null,
  );
  if (!mostPrecise) return null;
  return claims.every((claim) => mostPrecise.code.startsWith(claim.code)) ? mostPrecise : null;
}

const searchTypeName = (label: string) => label.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

export const QUERIES: BenchQuery[] = [
  {
    key: 'clusters',
    title: `clusters(first: ${CLUSTER_PAGE}) with region, sectors, members(first: ${MEMBERS_PER_CLUSTER}), managedBy`,
    graphql: `query BenchClusterPage($first: Int!, $members: Int!) {
  clusters(first: $first) {
    totalCount
    edges {
      node {
        name
        region { code name }
        sectors { code name }
        members(first: $members) { totalCount edges { node { name } } }
        managedBy { name }
      }
    }
  }
}`,
    variables: () => ({ first: CLUSTER_PAGE, members: MEMBERS_PER_CLUSTER }),
    cypher: `MATCH (c:Cluster)
WITH c ORDER BY c.name, c.id
WITH collect(c) AS clusters
UNWIND range(0, size(clusters[0..$first]) - 1) AS position
WITH size(clusters) AS total, position, clusters[position] AS c
RETURN total, c.name AS name,
  COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) RETURN r {.code, .name} } AS regions,
  COLLECT { MATCH (c)-[:ACTIVE_IN]->(s:Sector) RETURN s {.code, .name} ORDER BY s.name, s.id } AS sectors,
  COUNT { (c)<-[:MEMBER_OF]-(:Organisation) } AS memberCount,
  COLLECT { MATCH (c)<-[:MEMBER_OF]-(o:Organisation) RETURN o.name ORDER BY o.name, o.id LIMIT $members } AS members,
  COLLECT { MATCH (c)<-[:MANAGES]-(m:Organisation) RETURN m.name ORDER BY m.name, m.id LIMIT 1 } AS managers
ORDER BY position`,
    params: () => ({ first: neo4j.int(CLUSTER_PAGE), members: neo4j.int(MEMBERS_PER_CLUSTER) }),
    asGraphqlData: (rows) => ({
      clusters: {
        totalCount: rows[0]?.total ?? 0,
        edges: rows.map((row) => ({
          node: {
            name: row.name,
            region: agreed(row.regions),
            sectors: row.sectors,
            members: {
              totalCount: row.memberCount,
              edges: (row.members as string[]).map((name) => ({ node: { name } })),
            },
            managedBy: row.managers[0] === undefined ? null : { name: row.managers[0] },
          },
        })),
      },
    }),
  },
  {
    key: 'organisations',
    title: `organisations(first: ${ORGANISATION_PAGE}) in a NUTS-2 region (with sub-regions) and a sector, with region and clusters`,
    graphql: `query BenchOrganisationsInRegion($region: String!, $sector: String!, $first: Int!) {
  organisations(first: $first, filter: { regionCodes: [$region], sectorCodes: [$sector] }) {
    totalCount
    edges {
      node {
        name
        kind
        region { code name }
        clusters { name }
      }
    }
  }
}`,
    variables: (fixtures) => ({
      region: fixtures.regionCode,
      sector: fixtures.sectorCode,
      first: ORGANISATION_PAGE,
    }),
    cypher: `MATCH (:Region {code: $region})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(o:Organisation)
WHERE EXISTS { (o)-[:ACTIVE_IN]->(:Sector {code: $sector}) }
WITH DISTINCT o ORDER BY o.name, o.id
WITH collect(o) AS matched
UNWIND range(0, size(matched[0..$first]) - 1) AS position
WITH size(matched) AS total, position, matched[position] AS o
RETURN total, o.name AS name, o.kind AS kind,
  COLLECT { MATCH (o)-[:LOCATED_IN]->(r:Region) RETURN r {.code, .name} } AS regions,
  COLLECT { MATCH (o)-[:MEMBER_OF]->(c:Cluster) RETURN c {.name} ORDER BY c.name, c.id } AS clusters
ORDER BY position`,
    params: (fixtures) => ({
      region: fixtures.regionCode,
      sector: fixtures.sectorCode,
      first: neo4j.int(ORGANISATION_PAGE),
    }),
    asGraphqlData: (rows) => ({
      organisations: {
        totalCount: rows[0]?.total ?? 0,
        edges: rows.map((row) => ({
          node: { name: row.name, kind: row.kind, region: agreed(row.regions), clusters: row.clusters },
        })),
      },
    }),
  },
  {
    key: 'search',
    title: `search(query, first: ${SEARCH_HITS}), diacritics-insensitive`,
    graphql: `query BenchSearch($query: String!, $first: Int!) {
  search(query: $query, first: $first) { type name score node { id } }
}`,
    variables: (fixtures) => ({ query: fixtures.searchText, first: SEARCH_HITS }),
    cypher: `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
RETURN labels(node)[0] AS label, node.id AS id, score,
  coalesce(node.name, node.title, node.text, node.code, node.id) AS name
ORDER BY score DESC, id
LIMIT $first`,
    params: (fixtures) => ({
      index: FULLTEXT_INDEX,
      lucene: luceneQuery(fixtures.searchText),
      first: neo4j.int(SEARCH_HITS),
    }),
    asGraphqlData: (rows) => ({
      search: rows.map((row) => ({
        type: searchTypeName(row.label),
        name: row.name,
        score: row.score,
        node: { id: toGlobalId(row.label as NodeLabel, row.id) },
      })),
    }),
  },
  {
    key: 'project',
    title: `node(id) of the project with most participants, with programme and participants(first: ${PARTICIPANTS_PAGE})`,
    graphql: `query BenchProject($id: ID!, $first: Int!) {
  node(id: $id) {
    ... on Project {
      code
      title
      programme { name }
      participants(first: $first) { totalCount edges { role node { name } } }
    }
  }
}`,
    variables: (fixtures) => ({ id: toGlobalId('Project', fixtures.projectId), first: PARTICIPANTS_PAGE }),
    cypher: `MATCH (p:Project {id: $id})
RETURN p.code AS code, p.title AS title,
  COLLECT { MATCH (p)-[:FUNDED_BY]->(g:Programme) RETURN g.name ORDER BY g.name, g.id LIMIT 1 } AS programmes,
  COUNT { (p)<-[:PARTICIPATES_IN]-(:Organisation) } AS participantCount,
  COLLECT {
    MATCH (p)<-[r:PARTICIPATES_IN]-(o:Organisation)
    RETURN {role: r.role, name: o.name} ORDER BY o.name, o.id LIMIT $first
  } AS participants`,
    params: (fixtures) => ({ id: fixtures.projectId, first: neo4j.int(PARTICIPANTS_PAGE) }),
    asGraphqlData: (rows) => {
      const row = rows[0];
      if (!row) return { node: null };
      return {
        node: {
          code: row.code,
          title: row.title,
          programme: row.programmes[0] === undefined ? null : { name: row.programmes[0] },
          participants: {
            totalCount: row.participantCount,
            edges: (row.participants as { role: string | null; name: string }[]).map((participant) => ({
              role: participant.role ?? null,
              node: { name: participant.name },
            })),
          },
        },
      };
    },
  },
];

/**
 * The data the queries are about, chosen from the loaded graph so that they return full pages:
 * the development region (NUTS 2) and sector with the most organisations, the largest project.
 */
export async function chooseFixtures(db: Database, searchText: string): Promise<Fixtures> {
  const [place] = await db.read<{ region: string; sector: string }>(
    `MATCH (r:Region {level: 2})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(o:Organisation)-[:ACTIVE_IN]->(s:Sector)
RETURN r.code AS region, s.code AS sector, count(DISTINCT o) AS organisations
ORDER BY organisations DESC, region, sector
LIMIT 1`,
  );
  const [project] = await db.read<{ id: string }>(
    `MATCH (p:Project)
RETURN p.id AS id, COUNT { (p)<-[:PARTICIPATES_IN]-(:Organisation) } AS participants
ORDER BY participants DESC, id
LIMIT 1`,
  );
  // Without them (the curated graph alone has no organisation with a sector) the queries that
  // need them return nothing and are left out of the run.
  const [anyPlace] = place
    ? [place]
    : await db.read<{ region: string | null; sector: string | null }>(
        `RETURN COLLECT { MATCH (r:Region {level: 2}) RETURN r.code ORDER BY r.code LIMIT 1 }[0] AS region,
  COLLECT { MATCH (s:Sector) RETURN s.code ORDER BY s.code LIMIT 1 }[0] AS sector`,
      );
  return {
    regionCode: place?.region ?? anyPlace?.region ?? 'none',
    sectorCode: place?.sector ?? anyPlace?.sector ?? 'none',
    projectId: project?.id ?? 'none',
    searchText,
  };
}
