import { FULLTEXT_INDEX, type NodeLabel, type NodeRow } from '@clustergraph/schema';
import { cypherInt, type Database, type Params } from '../database.ts';
import { toRow } from './nodes.ts';
import { luceneQuery } from './search.ts';

export type ListFilter = {
  search?: string | null | undefined;
  regionCodes?: readonly string[] | null | undefined;
  sectorCodes?: readonly string[] | null | undefined;
  kinds?: readonly string[] | null | undefined;
  levels?: readonly number[] | null | undefined;
  synthetic?: boolean | null | undefined;
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

export function supportsRegionFilter(label: NodeLabel): boolean {
  return REGION_PATHS[label] !== undefined;
}

export function supportsSectorFilter(label: NodeLabel): boolean {
  return SECTOR_PATHS[label] !== undefined;
}

/** Builds the Cypher and parameters of one page of a root list, with its total, in one query. */
export function listQuery<L extends NodeLabel>(request: ListRequest<L>): { cypher: string; params: Params } {
  const { label, filter, order } = request;
  const params: Params = { offset: cypherInt(request.offset), limit: cypherInt(request.limit) };
  const conditions: string[] = [];
  const lines: string[] = [];

  const lucene = filter.search ? luceneQuery(filter.search) : null;
  if (lucene !== null) {
    params.index = FULLTEXT_INDEX;
    params.lucene = lucene;
    lines.push('CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS n, score');
    conditions.push(`n:${label}`);
  } else {
    lines.push(`MATCH (n:${label})`);
  }
  if (filter.regionCodes?.length) {
    const path = REGION_PATHS[label];
    if (!path) throw new Error(`${label} has no region filter`);
    params.regionCodes = filter.regionCodes;
    conditions.push(`EXISTS { MATCH ${path} WHERE r.code IN $regionCodes }`);
  }
  if (filter.sectorCodes?.length) {
    const path = SECTOR_PATHS[label];
    if (!path) throw new Error(`${label} has no sector filter`);
    params.sectorCodes = filter.sectorCodes;
    conditions.push(
      `EXISTS { MATCH ${path} ${path.includes('WHERE') ? 'AND' : 'WHERE'} s.code IN $sectorCodes }`,
    );
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
  if (conditions.length > 0) lines.push(`WHERE ${conditions.join(' AND ')}`);

  const sort =
    order === 'RELEVANCE'
      ? lucene !== null
        ? 'score DESC, n.id'
        : 'n.id'
      : `n.${order.property} ${order.direction}, n.id`;
  lines.push(`WITH n ORDER BY ${sort}`);
  lines.push('WITH collect(n) AS matched');
  lines.push('RETURN size(matched) AS total, [m IN matched[$offset..$offset + $limit] | m {.*}] AS page');
  return { cypher: lines.join('\n'), params };
}

export async function listPage<L extends NodeLabel>(
  db: Database,
  request: ListRequest<L>,
): Promise<{ total: number; rows: NodeRow<L>[] }> {
  const { cypher, params } = listQuery(request);
  const [result] = await db.read<{ total: number; page: Record<string, unknown>[] }>(cypher, params);
  return {
    total: result?.total ?? 0,
    rows: (result?.page ?? []).map((properties) => toRow(request.label, properties)),
  };
}

/** The codes among `codes` that no node of `label` has (Region or Sector). */
export async function unknownCodes(
  db: Database,
  label: 'Region' | 'Sector',
  codes: readonly string[],
): Promise<string[]> {
  const rows = await db.read<{ code: string }>(
    `UNWIND $codes AS code WITH code WHERE NOT EXISTS { MATCH (n:${label} {code: code}) } RETURN code`,
    { codes: [...codes] },
  );
  return rows.map((row) => row.code);
}
