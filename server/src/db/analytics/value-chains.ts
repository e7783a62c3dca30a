import type { ChainFacts, ClusterFacts, OrganisationFacts } from '@clustergraph/analytics/value-chains';
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

/** Every cluster's chain facts: what a comparison of one cluster against all reads. One round trip. */
export async function allClusterChainFacts(db: Database): Promise<ClusterChainFacts[]> {
  const rows = await db.read<FetchedCluster>(`MATCH (c:Cluster)
${CLUSTER_CHAIN_FACTS}`);
  return rows.map(chainFactsOf);
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

export type CandidateFacts = {
  organisations: OrganisationWithRow[];
  /** The clusters candidates are members of, with their sectors. */
  clusters: Map<string, ClusterFacts>;
  clustersOf: Map<string, string[]>;
};

type FetchedCandidate = FetchedOrganisation & {
  clusters: { id: string; name: string; synthetic: boolean; sectorIds: string[] }[];
};

/**
 * The organisations that may fill some of `stageIds` for a cluster: stated providers and those
 * whose NACE codes fall under a stage's, members left out, of the kinds asked; each with the
 * facts the score reads and the clusters it belongs to. One round trip; the NACE match is a scan
 * of the organisations with codes.
 */
export async function candidateFacts(
  db: Database,
  stageIds: readonly string[],
  memberIds: readonly string[],
  kinds: readonly string[] | null,
): Promise<CandidateFacts> {
  const rows = await db.read<{ candidate: FetchedCandidate }>(
    `MATCH (s:ValueChainStage) WHERE s.id IN $stageIds
WITH collect(s) AS stages
WITH stages, reduce(codes = [], s IN stages | codes + coalesce(s.naceCodes, [])) AS prefixes
CALL (stages, prefixes) {
  UNWIND stages AS s
  MATCH (o:Organisation)-[:PROVIDES]->(s)
  RETURN o
  UNION
  MATCH (o:Organisation)
  WHERE size(coalesce(o.naceCodes, [])) > 0
    AND any(code IN o.naceCodes WHERE any(prefix IN prefixes WHERE code = prefix OR code STARTS WITH prefix + '.' OR (size(prefix) = 4 AND size(code) > 4 AND code STARTS WITH prefix)))
  RETURN o
}
WITH DISTINCT o
WHERE NOT o.id IN $memberIds AND ($kinds IS NULL OR o.kind IN $kinds)
RETURN ${organisationFacts(`,
  clusters: COLLECT { MATCH (o)-[:MEMBER_OF]->(k:Cluster)
    RETURN { id: k.id, name: k.name, synthetic: k.synthetic, sectorIds: COLLECT { MATCH (k)-[:ACTIVE_IN]->(x:Sector) RETURN x.id } } }`)} AS candidate`,
    {
      stageIds: [...stageIds],
      memberIds: [...memberIds],
      kinds: kinds && kinds.length > 0 ? [...kinds] : null,
    },
  );
  const clusters = new Map<string, ClusterFacts>();
  const clustersOf = new Map<string, string[]>();
  const organisations = rows.map(({ candidate }) => {
    const organisation = organisationOf(candidate);
    for (const cluster of candidate.clusters) {
      if (!clusters.has(cluster.id))
        clusters.set(cluster.id, {
          id: cluster.id,
          name: cluster.name,
          regionCode: null,
          synthetic: cluster.synthetic === true,
          sectorIds: cluster.sectorIds,
          memberIds: [],
        });
    }
    clustersOf.set(
      organisation.id,
      candidate.clusters.map((cluster) => cluster.id),
    );
    return organisation;
  });
  return { organisations, clusters, clustersOf };
}

/**
 * The projects of `organisationIds` with all their participants: the network the cooperation
 * part of a partner score searches (the members' projects and the candidates'). One round trip.
 */
export async function projectsAround(
  db: Database,
  organisationIds: readonly string[],
): Promise<{ projectsOf: Map<string, string[]>; participantsOf: Map<string, string[]> }> {
  const rows = await db.read<{ project: string; participants: string[] }>(
    `UNWIND $ids AS id
MATCH (:Organisation {id: id})-[:PARTICIPATES_IN]->(p:Project)
WITH DISTINCT p
RETURN p.id AS project, COLLECT { MATCH (x:Organisation)-[:PARTICIPATES_IN]->(p) RETURN x.id } AS participants`,
    { ids: [...organisationIds] },
  );
  const projectsOf = new Map<string, string[]>();
  const participantsOf = new Map<string, string[]>();
  for (const { project, participants } of rows) {
    participantsOf.set(project, participants);
    for (const participant of participants) {
      const list = projectsOf.get(participant);
      if (list) list.push(project);
      else projectsOf.set(participant, [project]);
    }
  }
  return { projectsOf, participantsOf };
}
