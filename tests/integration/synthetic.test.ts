import { ORGANISATION_KINDS, type OrganisationKind } from '@clustergraph/schema';
import { loadSyntheticTier, type SyntheticLoad, syntheticSource } from '@clustergraph/seed/synthetic';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonical, checksum } from '../helpers/canonical.ts';
import { useGraph } from '../helpers/graph.ts';

/**
 * The synthetic S tier against a real Neo4j: it loads on top of the curated graph, is the same
 * graph for the same seed and another for another seed, looks like a cluster ecosystem (kinds,
 * heavy-tailed project teams, regional homophily, value chains with the gaps the generator
 * reports), replaces itself without touching curated data, and the API tells the two apart.
 */

const graph = useGraph();
const TIER = 'S';
const ORGANISATIONS = 1_000;

async function lines(cypher: string): Promise<string[]> {
  const { records } = await graph.driver.executeQuery(cypher);
  return records.map((record) => canonical(record.toObject()));
}

/** Every synthetic node with its properties, and every relationship touching one, with its own. */
async function syntheticChecksum(): Promise<string> {
  return checksum([
    ...(await lines('MATCH (n) WHERE n.synthetic = true RETURN labels(n) AS labels, properties(n) AS props')),
    ...(await lines(
      `MATCH (a)-[r]->(b) WHERE a.synthetic = true OR b.synthetic = true
       RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`,
    )),
  ]);
}

/** The curated nodes and the relationships among them, properties included. */
async function curatedChecksum(): Promise<{ nodes: number; checksum: string }> {
  const nodes = await lines(
    'MATCH (n) WHERE n.synthetic = false RETURN labels(n) AS labels, properties(n) AS props',
  );
  const relationships = await lines(
    `MATCH (a)-[r]->(b) WHERE a.synthetic = false AND b.synthetic = false
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`,
  );
  return { nodes: nodes.length, checksum: checksum([...nodes, ...relationships]) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

let first: SyntheticLoad;
let firstChecksum: string;
let curatedAfterFirstLoad: { nodes: number; checksum: string };

beforeAll(async () => {
  await graph.reset();
  // The curated graph is not loaded: the tier must load it first, as it links to its regions.
  first = await loadSyntheticTier(graph.driver, { tier: TIER, seed: 1 });
  firstChecksum = await syntheticChecksum();
  curatedAfterFirstLoad = await curatedChecksum();
});

describe('the S tier', () => {
  it('loads the curated graph it links to, then about a thousand organisations with their graph', async () => {
    expect(curatedAfterFirstLoad.nodes).toBeGreaterThan(100);
    expect(await graph.count('MATCH (o:Organisation {synthetic: true}) RETURN count(o)')).toBe(ORGANISATIONS);
    const clusters = await graph.count('MATCH (c:Cluster {synthetic: true}) RETURN count(c)');
    expect(clusters).toBeGreaterThanOrEqual(ORGANISATIONS / 100);
    expect(clusters).toBeLessThanOrEqual(ORGANISATIONS / 60);
    const projects = await graph.count('MATCH (p:Project {synthetic: true}) RETURN count(p)');
    expect(projects).toBeGreaterThan(200);
    expect(projects).toBeLessThan(1_000);

    const nodes = await graph.count('MATCH (n) WHERE n.synthetic = true RETURN count(n)');
    const relationships = await graph.count(
      'MATCH (a)-[r]->(b) WHERE a.synthetic = true OR b.synthetic = true RETURN count(r)',
    );
    expect(nodes).toBe(first.nodes);
    expect(relationships).toBe(first.relationships);
    expect(relationships).toBeGreaterThan(6 * ORGANISATIONS);
    expect(relationships).toBeLessThan(15 * ORGANISATIONS);
  });

  it('links only to curated regions, sectors and stages, and places organisations in the most precise region', async () => {
    const invented = await graph.count(
      `MATCH (n) WHERE n.synthetic = true AND (n:Region OR n:Sector OR n:ValueChainStage) RETURN count(n)`,
    );
    expect(invented).toBe(0);
    const [placement] = await graph.rows<{ placed: number; inLeaf: number }>(
      `MATCH (o:Organisation {synthetic: true})-[:LOCATED_IN]->(r:Region)
       RETURN count(o) AS placed, count(CASE WHEN NOT EXISTS { (r)<-[:PART_OF]-(:Region) } THEN 1 END) AS inLeaf`,
    );
    expect(placement).toEqual({ placed: ORGANISATIONS, inLeaf: ORGANISATIONS });
    const byCounty = await graph.rows<{ code: string; organisations: number }>(
      `MATCH (o:Organisation {synthetic: true})-[:LOCATED_IN]->(r:Region)
       RETURN r.code AS code, count(o) AS organisations ORDER BY organisations DESC`,
    );
    // Economic weight: Bucharest leads, Cluj is among the five largest.
    expect(byCounty[0]?.code).toBe('RO321');
    expect(byCounty.slice(0, 5).map((row) => row.code)).toContain('RO113');
  });

  it('marks every generated node synthetic, with a syn: id and the tier’s source', async () => {
    const source = syntheticSource(TIER, 1);
    const [marks] = await graph.rows<{ nodes: number; prefixed: number; sourced: number }>(
      `MATCH (n) WHERE n.synthetic = true AND NOT n:Source
       RETURN count(n) AS nodes,
              count(CASE WHEN n.id STARTS WITH 'syn:' THEN 1 END) AS prefixed,
              count(CASE WHEN EXISTS { (n)-[:SOURCED_FROM]->(:Source {document: $document, section: $section}) } THEN 1 END) AS sourced`,
      source,
    );
    expect(marks?.prefixed).toBe(marks?.nodes);
    expect(marks?.sourced).toBe(marks?.nodes);
    const unsourced = await graph.count(
      `MATCH (a {synthetic: true})-[r]->() WHERE type(r) <> 'SOURCED_FROM' AND NOT $source IN coalesce(r.sources, [])
       RETURN count(r)`,
      { source: `source:${source.document}#${source.section}` },
    );
    expect(unsourced).toBe(0);
  });

  it('has organisation kinds in realistic proportions, sizes for companies only', async () => {
    const kinds = await graph.rows<{ kind: OrganisationKind; organisations: number; sized: number }>(
      `MATCH (o:Organisation {synthetic: true})
       RETURN o.kind AS kind, count(o) AS organisations, count(o.size) AS sized`,
    );
    const share = (kind: OrganisationKind) =>
      (kinds.find((row) => row.kind === kind)?.organisations ?? 0) / ORGANISATIONS;
    expect(share('SME')).toBeGreaterThanOrEqual(0.85);
    expect(share('SME')).toBeLessThanOrEqual(0.9);
    // Every kind of the model but SMEs (checked above), OTHER and COMPANY (of unknown size, only
    // imports state it) is present, and rare.
    const generated = ORGANISATION_KINDS.filter(
      (kind) => kind !== 'SME' && kind !== 'OTHER' && kind !== 'COMPANY',
    );
    for (const kind of generated) {
      expect(share(kind), kind).toBeGreaterThan(0);
      expect(share(kind), kind).toBeLessThan(0.05);
    }
    for (const row of kinds) {
      const isCompany = row.kind === 'SME' || row.kind === 'LARGE_COMPANY';
      expect(row.sized, row.kind).toBe(isCompany ? row.organisations : 0);
    }
    const sizes = await graph.rows<{ size: string }>(
      'MATCH (o:Organisation {synthetic: true}) WHERE o.size IS NOT NULL RETURN DISTINCT o.size AS size',
    );
    expect(sizes.map((row) => row.size).sort()).toEqual(['LARGE', 'MEDIUM', 'MICRO', 'SMALL']);
  });

  it('gives providers NACE codes of the stages they provide', async () => {
    const inconsistent = await graph.count(
      `MATCH (o:Organisation {synthetic: true})
       WHERE any(code IN o.naceCodes WHERE NOT EXISTS {
         (o)-[:PROVIDES]->(s:ValueChainStage) WHERE code IN s.naceCodes })
       RETURN count(o)`,
    );
    expect(inconsistent).toBe(0);
  });

  it('has heavy-tailed project teams, one coordinator each', async () => {
    const teams = await graph.rows<{ size: number; coordinators: number }>(
      `MATCH (p:Project {synthetic: true})<-[r:PARTICIPATES_IN]-(:Organisation)
       RETURN p.id AS project, count(r) AS size,
              count(CASE WHEN r.role = 'COORDINATOR' THEN 1 END) AS coordinators`,
    );
    expect(teams.every((team) => team.coordinators === 1)).toBe(true);
    const sizes = teams.map((team) => team.size);
    const typical = median(sizes);
    expect(typical).toBeGreaterThanOrEqual(2);
    expect(typical).toBeLessThanOrEqual(8);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...sizes)).toBeGreaterThan(8 * typical);
  });

  it('picks partners from the coordinator’s region more often than chance would', async () => {
    // NUTS codes nest by prefix: the first four characters name the NUTS 2 region.
    const pairs = await graph.rows<{ coordinatorArea: string; partnerArea: string }>(
      `MATCH (c:Organisation)-[:PARTICIPATES_IN {role: 'COORDINATOR'}]->(p:Project {synthetic: true})
             <-[:PARTICIPATES_IN {role: 'PARTNER'}]-(o:Organisation)
       MATCH (c)-[:LOCATED_IN]->(cr:Region)
       MATCH (o)-[:LOCATED_IN]->(pr:Region)
       RETURN left(cr.code, 4) AS coordinatorArea, left(pr.code, 4) AS partnerArea`,
    );
    const sameArea = pairs.filter((pair) => pair.coordinatorArea === pair.partnerArea).length / pairs.length;
    const shares = (areas: string[]) => {
      const counts = new Map<string, number>();
      for (const area of areas) counts.set(area, (counts.get(area) ?? 0) + 1);
      return new Map([...counts].map(([area, count]) => [area, count / areas.length]));
    };
    const coordinatorShares = shares(pairs.map((pair) => pair.coordinatorArea));
    const partnerShares = shares(pairs.map((pair) => pair.partnerArea));
    // If partners were drawn regardless of the coordinator's region.
    const byChance = [...coordinatorShares].reduce(
      (sum, [area, share]) => sum + share * (partnerShares.get(area) ?? 0),
      0,
    );
    expect(sameArea).toBeGreaterThan(1.5 * byChance);
  });

  it('has clusters run by a cluster organisation, with dated members in the cluster’s sector chain', async () => {
    const clusters = await graph.rows<{
      managers: number;
      managerKind: string;
      sectors: number;
      members: number;
    }>(
      `MATCH (c:Cluster {synthetic: true})
       OPTIONAL MATCH (m:Organisation)-[:MANAGES]->(c)
       RETURN c.id AS cluster, count(DISTINCT m) AS managers, min(m.kind) AS managerKind,
              COUNT { (c)-[:ACTIVE_IN]->(:Sector) } AS sectors,
              COUNT { (:Organisation)-[:MEMBER_OF]->(c) } AS members`,
    );
    for (const cluster of clusters) {
      expect(cluster).toMatchObject({ managers: 1, managerKind: 'CLUSTER_ORGANISATION', sectors: 1 });
      expect(cluster.members).toBeGreaterThanOrEqual(5);
    }
    const undated = await graph.count(
      `MATCH (:Organisation)-[r:MEMBER_OF]->(:Cluster {synthetic: true})
       WHERE r.since IS NULL OR r.role IS NULL RETURN count(r)`,
    );
    expect(undated).toBe(0);
  });

  it('leaves the value chains incomplete exactly where the generator reports it', async () => {
    expect(first.incompleteValueChains.length).toBeGreaterThan(0);
    const gaps = await graph.rows<{ cluster: string; missing: string[] }>(
      `MATCH (c:Cluster {synthetic: true})-[:ACTIVE_IN]->(:Sector)-[:HAS_STAGE]->(stage:ValueChainStage {kind: 'PRIMARY'})
       WHERE NOT EXISTS { (c)<-[:MEMBER_OF]-(:Organisation)-[:PROVIDES]->(stage) }
       RETURN c.id AS cluster, collect(stage.id) AS missing`,
    );
    const found = new Map(gaps.map((gap) => [gap.cluster, [...gap.missing].sort()]));
    const reported = new Map(
      first.incompleteValueChains.map((chain) => [chain.clusterId, [...chain.missingStageIds].sort()]),
    );
    expect(found).toEqual(reported);
  });

  it('lets the API filter synthetic data in and out', async () => {
    const query = `query ($synthetic: Boolean) {
      organisations(first: 100, filter: {synthetic: $synthetic}) { totalCount edges { node { key synthetic } } }
    }`;
    type Page = {
      organisations: { totalCount: number; edges: { node: { key: string; synthetic: boolean } }[] };
    };
    const curated = await graph.graphql<Page>(query, { synthetic: false });
    const synthetic = await graph.graphql<Page>(query, { synthetic: true });
    const all = await graph.graphql<Page>(query);
    expect(curated.errors).toBeUndefined();
    const curatedCount = await graph.count('MATCH (o:Organisation {synthetic: false}) RETURN count(o)');
    expect(curatedCount).toBeGreaterThan(0);
    expect(curated.data?.organisations.totalCount).toBe(curatedCount);
    for (const { node } of curated.data?.organisations.edges ?? []) {
      expect(node.synthetic).toBe(false);
      expect(node.key.startsWith('syn:')).toBe(false);
    }
    expect(synthetic.data?.organisations.totalCount).toBe(ORGANISATIONS);
    for (const { node } of synthetic.data?.organisations.edges ?? []) expect(node.synthetic).toBe(true);
    expect(all.data?.organisations.totalCount).toBe(curatedCount + ORGANISATIONS);
  });
});

describe('reloading', () => {
  it('replaces the synthetic data with another graph for another seed, curated data untouched', async () => {
    const second = await loadSyntheticTier(graph.driver, { tier: TIER, seed: 2 });
    expect(second.deletedNodes).toBe(first.nodes);
    expect(await syntheticChecksum()).not.toBe(firstChecksum);
    expect(await curatedChecksum()).toEqual(curatedAfterFirstLoad);
    expect(await graph.count('MATCH (o:Organisation {synthetic: true}) RETURN count(o)')).toBe(ORGANISATIONS);
    const sources = await graph.rows<{ document: string }>(
      'MATCH (s:Source {synthetic: true}) RETURN s.document AS document',
    );
    expect(sources).toEqual([{ document: syntheticSource(TIER, 2).document }]);
  });

  it('gives the identical graph again for the same seed', async () => {
    await loadSyntheticTier(graph.driver, { tier: TIER, seed: 1 });
    expect(await syntheticChecksum()).toBe(firstChecksum);
    expect(await curatedChecksum()).toEqual(curatedAfterFirstLoad);
  });
});
