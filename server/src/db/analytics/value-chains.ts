import type {
  ChainFacts,
  ClusterFacts,
  Ecosystem,
  OrganisationFacts,
} from '@clustergraph/analytics/value-chains';
import type { NodeRow } from '@clustergraph/schema';
import type { Database } from '../database.ts';
import { toRow } from '../repositories/nodes.ts';

/** An organisation's facts for the analyses, with its row for the API to return. */
export type OrganisationWithRow = OrganisationFacts & { row: NodeRow<'Organisation'> };

export type ClusterChainFacts = {
  cluster: ClusterFacts;
  chains: (ChainFacts & { stageRows: NodeRow<'ValueChainStage'>[] })[];
  members: OrganisationWithRow[];
};

type FetchedOrganisation = {
  node: Record<string, unknown>;
  regionCodes: string[];
  provides: string[];
  projectCount: number;
  coParticipations: number;
};

/** The Cypher map of an organisation the analyses read, `o` bound, with `extra` entries. */
const organisationFacts = (extra = '') => `{
  node: properties(o),
  regionCodes: COLLECT { MATCH (o)-[:LOCATED_IN]->(r:Region) RETURN r.code },
  provides: COLLECT { MATCH (o)-[:PROVIDES]->(s:ValueChainStage) RETURN s.id },
  projectCount: COUNT { (o)-[:PARTICIPATES_IN]->(:Project) },
  coParticipations: COUNT { (o)-[:PARTICIPATES_IN]->(:Project)<-[:PARTICIPATES_IN]-(x:Organisation) WHERE x <> o }${extra}
}`;

/** One region only: where sources disagree nothing is picked, as the API's `region`. */
const singleRegion = (codes: readonly string[]) => (codes.length === 1 ? (codes[0] as string) : null);

function organisationOf(fetched: FetchedOrganisation): OrganisationWithRow {
  const row = toRow('Organisation', fetched.node);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    size: row.size ?? null,
    regionCode: singleRegion(fetched.regionCodes),
    country: row.country ?? null,
    naceCodes: row.naceCodes ?? [],
    providesStageIds: fetched.provides,
    synthetic: row.synthetic === true,
    projectCount: fetched.projectCount,
    coParticipations: fetched.coParticipations,
    row,
  };
}

type FetchedCluster = {
  id: string;
  name: string;
  synthetic: boolean;
  regionCodes: string[];
  chains: { id: string; name: string; stages: Record<string, unknown>[] }[];
  members: FetchedOrganisation[];
};

/** The columns of a cluster's chain facts, `c` bound. */
const CLUSTER_CHAIN_FACTS = `RETURN c.id AS id, c.name AS name, c.synthetic AS synthetic,
  COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) RETURN r.code } AS regionCodes,
  COLLECT {
    MATCH (c)-[:ACTIVE_IN]->(sector:Sector)
    WITH sector ORDER BY sector.name
    RETURN { id: sector.id, name: sector.name,
      stages: COLLECT { MATCH (sector)-[h:HAS_STAGE]->(s:ValueChainStage) WITH s, h ORDER BY h.position RETURN properties(s) } }
  } AS chains,
  COLLECT { MATCH (o:Organisation)-[:MEMBER_OF]->(c) RETURN ${organisationFacts()} } AS members`;

/**
 * The subgraph a cluster's value-chain coverage reads: the cluster's region, its sectors' stages
 * in order, and its members with their stages, NACE codes, regions and project counts. One
 * round trip for all the clusters asked.
 */
export async function clusterChainFacts(
  db: Database,
  clusterIds: readonly string[],
): Promise<(ClusterChainFacts | null)[]> {
  const rows = await db.read<FetchedCluster>(
    `UNWIND $ids AS id
MATCH (c:Cluster {id: id})
${CLUSTER_CHAIN_FACTS}`,
    { ids: [...clusterIds] },
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return clusterIds.map((id) => {
    const row = byId.get(id);
    return row ? chainFactsOf(row) : null;
  });
}

function chainFactsOf(row: FetchedCluster): ClusterChainFacts {
  const members = row.members.map(organisationOf);
  return {
    cluster: {
      id: row.id,
      name: row.name,
      regionCode: singleRegion(row.regionCodes),
      synthetic: row.synthetic === true,
      sectorIds: row.chains.map((chain) => chain.id),
      memberIds: members.map((member) => member.id),
    },
    chains: row.chains.map((chain) => {
      const stageRows = chain.stages.map((stage) => toRow('ValueChainStage', stage));
      return {
        sectorId: chain.id,
        sectorName: chain.name,
        stageRows,
        stages: stageRows.map((stage) => ({
          id: stage.id,
          name: stage.name,
          kind: stage.kind === 'SUPPORT' ? ('SUPPORT' as const) : ('PRIMARY' as const),
          naceCodes: stage.naceCodes ?? [],
        })),
      };
    }),
    members,
  };
}

/** An ecosystem read from the database, with the rows the API returns for its nodes. */
export type EcosystemWithRows = {
  ecosystem: Ecosystem & { organisations: ReadonlyMap<string, OrganisationWithRow> };
  stageRows: ReadonlyMap<string, NodeRow<'ValueChainStage'>>;
};

type FetchedEcosystem = {
  organisations: { node: Record<string, unknown>; regionCodes: string[]; provides: string[] }[];
  clusters: {
    id: string;
    name: string;
    synthetic: boolean | null;
    regionCodes: string[];
    sectorIds: string[];
    memberIds: string[];
  }[];
  chains: { id: string; name: string; stages: Record<string, unknown>[] }[];
  participations: [string, string][];
};

/**
 * Everything the value-chain analyses read, for the whole graph, in one statement: organisations
 * with their regions and stated stages, clusters with their region, sectors (by name, as
 * clusterChainFacts orders them) and members, each sector's stages in order, and who takes part
 * in which project (project counts and co-participations are counted from these here, not per
 * organisation in Cypher). Read once per dataset version by the server's analytics cache.
 */
export async function readEcosystem(db: Database): Promise<EcosystemWithRows> {
  const [row] = await db.read<FetchedEcosystem>(
    `CALL () {
  MATCH (o:Organisation)
  RETURN collect({
    node: properties(o),
    regionCodes: COLLECT { MATCH (o)-[:LOCATED_IN]->(r:Region) RETURN r.code },
    provides: COLLECT { MATCH (o)-[:PROVIDES]->(s:ValueChainStage) RETURN s.id }
  }) AS organisations
}
CALL () {
  MATCH (c:Cluster)
  RETURN collect({
    id: c.id, name: c.name, synthetic: c.synthetic,
    regionCodes: COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) RETURN r.code },
    sectorIds: COLLECT { MATCH (c)-[:ACTIVE_IN]->(x:Sector) WITH x ORDER BY x.name RETURN x.id },
    memberIds: COLLECT { MATCH (o:Organisation)-[:MEMBER_OF]->(c) RETURN o.id }
  }) AS clusters
}
CALL () {
  MATCH (sector:Sector) WHERE EXISTS { (sector)-[:HAS_STAGE]->(:ValueChainStage) }
  RETURN collect({
    id: sector.id, name: sector.name,
    stages: COLLECT { MATCH (sector)-[h:HAS_STAGE]->(s:ValueChainStage) WITH s, h ORDER BY h.position RETURN properties(s) }
  }) AS chains
}
CALL () {
  MATCH (o:Organisation)-[:PARTICIPATES_IN]->(p:Project)
  RETURN collect([o.id, p.id]) AS participations
}
RETURN organisations, clusters, chains, participations`,
  );
  const fetched = row ?? { organisations: [], clusters: [], chains: [], participations: [] };
  const projectsOf = new Map<string, string[]>();
  const participantsOf = new Map<string, string[]>();
  for (const [organisation, project] of fetched.participations) {
    const projects = projectsOf.get(organisation);
    if (projects) projects.push(project);
    else projectsOf.set(organisation, [project]);
    const participants = participantsOf.get(project);
    if (participants) participants.push(organisation);
    else participantsOf.set(project, [organisation]);
  }
  const organisations = new Map<string, OrganisationWithRow>();
  for (const organisation of fetched.organisations) {
    const id = String(organisation.node.id);
    const projects = projectsOf.get(id) ?? [];
    const facts = organisationOf({
      ...organisation,
      projectCount: projects.length,
      coParticipations: projects.reduce(
        (sum, project) => sum + (participantsOf.get(project)?.length ?? 1) - 1,
        0,
      ),
    });
    organisations.set(facts.id, facts);
  }
  const clusters = new Map<string, ClusterFacts>();
  const clustersOf = new Map<string, string[]>();
  for (const cluster of fetched.clusters) {
    clusters.set(cluster.id, {
      id: cluster.id,
      name: cluster.name,
      regionCode: singleRegion(cluster.regionCodes),
      synthetic: cluster.synthetic === true,
      sectorIds: cluster.sectorIds,
      memberIds: cluster.memberIds,
    });
    for (const member of cluster.memberIds) {
      const list = clustersOf.get(member);
      if (list) list.push(cluster.id);
      else clustersOf.set(member, [cluster.id]);
    }
  }
  const chains = new Map<string, ChainFacts>();
  const stageRows = new Map<string, NodeRow<'ValueChainStage'>>();
  for (const chain of fetched.chains) {
    const rows = chain.stages.map((stage) => toRow('ValueChainStage', stage));
    for (const stageRow of rows) stageRows.set(stageRow.id, stageRow);
    chains.set(chain.id, {
      sectorId: chain.id,
      sectorName: chain.name,
      stages: rows.map((stage) => ({
        id: stage.id,
        name: stage.name,
        kind: stage.kind === 'SUPPORT' ? ('SUPPORT' as const) : ('PRIMARY' as const),
        naceCodes: stage.naceCodes ?? [],
      })),
    });
  }
  return {
    ecosystem: { organisations, clusters, chains, projectsOf, participantsOf, clustersOf },
    stageRows,
  };
}
