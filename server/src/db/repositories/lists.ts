import { FULLTEXT_INDEX, type NodeLabel, type NodeRow } from '@clustergraph/schema';
import { cypherInt, type Database, type Params } from '../database.ts';
import { type NodePlan, projectionCypher, rowFromProjection, WHOLE_NODES } from './projection.ts';
import { luceneQuery } from './search.ts';

export type ListFilter = {
  search?: string | null | undefined;
  regionCodes?: readonly string[] | null | undefined;
  sectorCodes?: readonly string[] | null | undefined;
  kinds?: readonly string[] | null | undefined;
  levels?: readonly number[] | null | undefined;
  synthetic?: boolean | null | undefined;
  origins?: readonly string[] | null | undefined;
};

export type ListOrder = { property: string; direction: 'ASC' | 'DESC' } | 'RELEVANCE';

export type ListRequest<L extends NodeLabel> = {
  label: L;
  filter: ListFilter;
  order: ListOrder;
  offset: number;
  limit: number;
};

/** How a label reaches the regions it is in; `r` is the region asked for or one of its ancestors. */
const REGION_PATHS: Partial<Record<NodeLabel, string>> = {
  Organisation: '(n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region)',
  Cluster: '(n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region)',
  Need: '(n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region)',
  Partnership: '(n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region)',
  PilotAction: '(n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region)',
  Region: '(n)-[:PART_OF*0..]->(r:Region)',
  Project: '(n)<-[:PARTICIPATES_IN]-()-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region)',
};

/** How a label reaches its sectors. */
const SECTOR_PATHS: Partial<Record<NodeLabel, string>> = {
  Organisation: '(n)-[:ACTIVE_IN]->(s:Sector)',
  Cluster: '(n)-[:ACTIVE_IN]->(s:Sector)',
  Project: '(n)-[:ACTIVE_IN]->(s:Sector)',
  Sector: '(s:Sector) WHERE s = n',
};

/** Builds the Cypher and parameters of one page of a root list, with its total, in one query. */
export function listQuery<L extends NodeLabel>(
  request: ListRequest<L>,
  plan: NodePlan = WHOLE_NODES,
): { cypher: string; params: Params } {
  const { label, filter, order } = request;
  const params: Params = { offset: cypherInt(request.offset), limit: cypherInt(request.limit) };
  const conditions: string[] = [];
  const lines: string[] = [];

  const lucene = filter.search ? luceneQuery(filter.search) : null;
  const regionPath = filter.regionCodes?.length ? REGION_PATHS[label] : null;
  const sectorPath = filter.sectorCodes?.length ? SECTOR_PATHS[label] : null;
  if (regionPath === undefined) throw new Error(`${label} has no region filter`);
  if (sectorPath === undefined) throw new Error(`${label} has no sector filter`);
  if (regionPath) params.regionCodes = filter.regionCodes;
  if (sectorPath) params.sectorCodes = filter.sectorCodes;
  const sectorCondition = (path: string) =>
    `EXISTS { MATCH ${path} ${path.includes('WHERE') ? 'AND' : 'WHERE'} s.code IN $sectorCodes }`;

  // Start from the most selective index: the full-text hits, else the regions or sectors asked
  // for (index seeks, then a walk down to the nodes), else every node of the label.
  if (lucene !== null) {
    params.index = FULLTEXT_INDEX;
    params.lucene = lucene;
    lines.push('CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS n, score');
    conditions.push(`n:${label}`);
    if (regionPath) conditions.push(`EXISTS { MATCH ${regionPath} WHERE r.code IN $regionCodes }`);
    if (sectorPath) conditions.push(sectorCondition(sectorPath));
  } else if (regionPath) {
    lines.push('MATCH (r:Region) WHERE r.code IN $regionCodes', `MATCH ${regionPath}`, 'WITH DISTINCT n');
    conditions.push(`n:${label}`);
    if (sectorPath) conditions.push(sectorCondition(sectorPath));
  } else if (sectorPath && label !== 'Sector') {
    lines.push(
      'MATCH (s:Sector) WHERE s.code IN $sectorCodes',
      `MATCH (n:${label})-[:ACTIVE_IN]->(s)`,
      'WITH DISTINCT n',
    );
  } else {
    lines.push(`MATCH (n:${label})`);
    if (sectorPath) conditions.push(sectorCondition(sectorPath));
  }
  if (filter.kinds?.length) {
    params.kinds = filter.kinds;
    conditions.push('n.kind IN $kinds');
  }
  if (filter.levels?.length) {
    params.levels = filter.levels;
    conditions.push('n.level IN $levels');
  }
  if (filter.synthetic !== null && filter.synthetic !== undefined) {
    params.synthetic = filter.synthetic;
    conditions.push('n.synthetic = $synthetic');
  }
  if (filter.origins?.length) {
    params.origins = filter.origins;
    conditions.push('n.origin IN $origins');
  }
  if (conditions.length > 0) lines.push(`WHERE ${conditions.join(' AND ')}`);

  const sort =
    order === 'RELEVANCE'
      ? lucene !== null
        ? 'score DESC, n.id'
        : 'n.id'
      : `n.${order.property} ${order.direction}, n.id`;
  lines.push(`WITH n ORDER BY ${sort}`);
  lines.push('WITH collect(n) AS matched');
  const page = `[n IN matched[$offset..$offset + $limit] | ${projectionCypher('n', label, plan, params)}] AS page`;
  // Checked in the same statement, so a filter costs no round trip of its own.
  const unknownRegionCodes = regionPath
    ? '[code IN $regionCodes WHERE NOT EXISTS { MATCH (:Region {code: code}) }]'
    : '[]';
  const unknownSectorCodes = sectorPath
    ? '[code IN $sectorCodes WHERE NOT EXISTS { MATCH (:Sector {code: code}) }]'
    : '[]';
  lines.push(
    `RETURN size(matched) AS total, ${page}, ${unknownRegionCodes} AS unknownRegionCodes, ${unknownSectorCodes} AS unknownSectorCodes`,
  );
  return { cypher: lines.join('\n'), params };
}

export type ListPage<L extends NodeLabel> = {
  total: number;
  rows: NodeRow<L>[];
  /** Codes of the filter that no Region or Sector has. */
  unknownRegionCodes: string[];
  unknownSectorCodes: string[];
};

/** One page of a root list with what `plan` reads of its nodes, in one round trip. */
export async function listPage<L extends NodeLabel>(
  db: Database,
  request: ListRequest<L>,
  plan: NodePlan = WHOLE_NODES,
): Promise<ListPage<L>> {
  const { cypher, params } = listQuery(request, plan);
  type Fetched = Omit<ListPage<L>, 'rows'> & { page: Record<string, unknown>[] };
  const [result] = await db.read<Fetched>(cypher, params);
  return {
    total: result?.total ?? 0,
    rows: (result?.page ?? []).map((projected) => rowFromProjection(request.label, plan, projected)),
    unknownRegionCodes: result?.unknownRegionCodes ?? [],
    unknownSectorCodes: result?.unknownSectorCodes ?? [],
  };
}
