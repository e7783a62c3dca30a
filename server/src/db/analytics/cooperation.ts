import type { CooperationData, Origin } from '@clustergraph/analytics';
import type { Database } from '../database.ts';

/**
 * The dataset version the analytics caches are keyed on: the node and relationship counts (read
 * from Neo4j's count store, so constant time), the `revisedAt` stamp of the DatasetRevision node,
 * which every write path of seeds and imports sets last (ingest/src/revision.ts; it reaches this server
 * from another process and covers writes that change only properties), and a generation this
 * process bumps on its own writes (`bumpDatasetGeneration()`). Neo4j Community does not expose a
 * last-committed transaction id (SHOW DATABASES gives null), hence this.
 */
let generation = 0;

export function bumpDatasetGeneration(): void {
  generation += 1;
}

export async function readDatasetVersion(db: Database): Promise<string> {
  const [row] = await db.read<{ nodes: number; relationships: number; revised: number | null }>(
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { OPTIONAL MATCH (revision:DatasetRevision {id: 'dataset'}) RETURN revision.revisedAt AS revised }
RETURN nodes, relationships, revised`,
  );
  return `${row?.nodes ?? 0}:${row?.relationships ?? 0}:${row?.revised ?? 0}:${generation}`;
}

/** A node written before origins existed has only `synthetic`. */
const originOf = (origin: unknown, synthetic: unknown): Origin =>
  typeof origin === 'string' ? (origin as Origin) : synthetic === true ? 'SYNTHETIC' : 'CURATED';

type Fetched = {
  organisations: {
    id: string;
    name: string;
    kind: string;
    regionCode: string | null;
    sectorCodes: string[];
    synthetic: boolean;
    origin: string | null;
  }[];
  clusters: {
    id: string;
    name: string;
    regionCode: string | null;
    sectorCodes: string[];
    synthetic: boolean;
    origin: string | null;
  }[];
  projects: {
    id: string;
    label: string;
    startDate: string | null;
    endDate: string | null;
    programmeIds: string[];
    synthetic: boolean;
    origin: string | null;
  }[];
  regions: { code: string; name: string; level: number; parentCode: string | null }[];
  participations: [string, string, number | null][];
  memberships: [string, string][];
  partnerships: [string, string][];
};

/**
 * Everything a cooperation network, a region profile or an aggregate is built from, in one
 * statement: organisations and clusters with their most specific region and their sectors,
 * projects with period and programmes, the region hierarchy, and the participations,
 * memberships and partnerships between them.
 */
export async function readCooperationData(db: Database): Promise<CooperationData> {
  const [row] = await db.read<Fetched>(
    `CALL () {
  MATCH (o:Organisation)
  RETURN collect({
    id: o.id, name: o.name, kind: o.kind, synthetic: o.synthetic, origin: o.origin,
    regionCode: head(COLLECT { MATCH (o)-[:LOCATED_IN]->(r:Region) RETURN r.code ORDER BY r.level DESC, r.code }),
    sectorCodes: [(o)-[:ACTIVE_IN]->(s:Sector) | s.code]
  }) AS organisations
}
CALL () {
  MATCH (c:Cluster)
  RETURN collect({
    id: c.id, name: c.name, synthetic: c.synthetic, origin: c.origin,
    regionCode: head(COLLECT { MATCH (c)-[:LOCATED_IN]->(r:Region) RETURN r.code ORDER BY r.level DESC, r.code }),
    sectorCodes: [(c)-[:ACTIVE_IN]->(s:Sector) | s.code]
  }) AS clusters
}
CALL () {
  MATCH (p:Project)
  RETURN collect({
    id: p.id, synthetic: p.synthetic, origin: p.origin, label: coalesce(p.acronym, p.code, p.title),
    startDate: toString(p.startDate), endDate: toString(p.endDate),
    programmeIds: [(p)-[:FUNDED_BY]->(g:Programme) | g.id]
  }) AS projects
}
CALL () {
  MATCH (r:Region)
  RETURN collect({
    code: r.code, name: r.name, level: r.level,
    parentCode: head([(r)-[:PART_OF]->(parent:Region) | parent.code])
  }) AS regions
}
CALL () {
  MATCH (o:Organisation)-[p:PARTICIPATES_IN]->(j:Project)
  RETURN collect([o.id, j.id, p.contribution]) AS participations
}
CALL () {
  MATCH (o:Organisation)-[:MEMBER_OF]->(c:Cluster)
  RETURN collect([o.id, c.id]) AS memberships
}
CALL () {
  MATCH (o:Organisation)-[:PARTNER_IN]->(l:Partnership)
  RETURN collect([o.id, l.id]) AS partnerships
}
RETURN organisations, clusters, projects, regions, participations, memberships, partnerships`,
  );
  if (!row) return { organisations: [], projects: [], participations: [] };
  return {
    organisations: row.organisations.map(({ synthetic, origin, ...organisation }) => ({
      ...organisation,
      kind: organisation.kind ?? 'OTHER',
      origin: originOf(origin, synthetic),
    })),
    clusters: row.clusters.map(({ synthetic, origin, ...cluster }) => ({
      ...cluster,
      origin: originOf(origin, synthetic),
    })),
    projects: row.projects.map(({ synthetic, origin, ...project }) => ({
      ...project,
      origin: originOf(origin, synthetic),
    })),
    regions: row.regions,
    participations: row.participations.map(([organisationId, projectId, contribution]) => ({
      organisationId,
      projectId,
      contribution,
    })),
    memberships: row.memberships.map(([organisationId, clusterId]) => ({ organisationId, clusterId })),
    partnerships: row.partnerships.map(([organisationId, partnershipId]) => ({
      organisationId,
      partnershipId,
    })),
  };
}
