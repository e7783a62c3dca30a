import type { NodeRow } from '@clustergraph/schema';
import { cypherInt, type Database } from '../database.ts';
import { toRow } from './nodes.ts';

export const PROVIDER_VIAS = ['EXPLICIT', 'NACE'] as const;
export type ProviderVia = (typeof PROVIDER_VIAS)[number];

export type Provider = {
  organisation: NodeRow<'Organisation'>;
  via: ProviderVia;
  /** The organisation's NACE code that falls under the stage's, for NACE providers. */
  naceCode: string | null;
};

export type ProviderFilter = {
  /** NUTS codes: organisations located in one of them or in a region inside one. */
  regionCodes?: readonly string[] | null;
  kinds?: readonly string[] | null;
  sizes?: readonly string[] | null;
  vias?: readonly ProviderVia[] | null;
  /** true: only generated organisations; false: only curated and imported ones. */
  synthetic?: boolean | null;
};

export type ProviderPage = { total: number; providers: Provider[]; unknownRegionCodes: string[] };

type Fetched = {
  id: string;
  total: number;
  providers: { node: Record<string, unknown>; via: ProviderVia; naceCode: string | null }[];
  unknownRegionCodes: string[];
};

const orNull = <T>(list: readonly T[] | null | undefined) => (list && list.length > 0 ? [...list] : null);

/**
 * A page of each stage's providers, filtered: organisations stated to provide it (PROVIDES),
 * then those whose NACE codes fall under one of the stage's codes (a stage's "13.1" covers an
 * organisation's "13.10"), by name. One round trip for all stages asked with one filter and
 * window; only the page's organisations are projected. The NACE match reads every organisation
 * with codes, a scan, once per request thanks to the batching.
 */
export async function providersOfStages(
  db: Database,
  stageIds: readonly string[],
  filter: ProviderFilter,
  window: { offset: number; limit: number },
): Promise<ProviderPage[]> {
  const rows = await db.read<Fetched>(
    `UNWIND $ids AS id
MATCH (s:ValueChainStage {id: id})
CALL (s) {
  CALL (s) {
    MATCH (o:Organisation)-[:PROVIDES]->(s)
    RETURN o, 'EXPLICIT' AS via, null AS naceCode
    UNION
    MATCH (o:Organisation)
    WHERE size(coalesce(o.naceCodes, [])) > 0 AND NOT (o)-[:PROVIDES]->(s)
    WITH o, [code IN o.naceCodes WHERE any(prefix IN s.naceCodes WHERE code = prefix OR code STARTS WITH prefix + '.' OR (size(prefix) = 4 AND size(code) > 4 AND code STARTS WITH prefix))] AS matched
    WHERE size(matched) > 0
    RETURN o, 'NACE' AS via, matched[0] AS naceCode
  }
  WITH o, via, naceCode
  WHERE ($vias IS NULL OR via IN $vias)
    AND ($kinds IS NULL OR o.kind IN $kinds)
    AND ($sizes IS NULL OR o.size IN $sizes)
    AND ($synthetic IS NULL OR o.synthetic = $synthetic)
    AND ($regionCodes IS NULL OR EXISTS { MATCH (o)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region) WHERE r.code IN $regionCodes })
  WITH o, via, naceCode ORDER BY via, o.name, o.id
  RETURN collect({o: o, via: via, naceCode: naceCode}) AS matched
}
RETURN id, size(matched) AS total,
  [p IN matched[$offset..($offset + $limit)] | {node: properties(p.o), via: p.via, naceCode: p.naceCode}] AS providers,
  [code IN coalesce($regionCodes, []) WHERE NOT EXISTS { MATCH (:Region {code: code}) }] AS unknownRegionCodes`,
    {
      ids: [...stageIds],
      vias: orNull(filter.vias),
      kinds: orNull(filter.kinds),
      sizes: orNull(filter.sizes),
      synthetic: filter.synthetic ?? null,
      regionCodes: orNull(filter.regionCodes),
      offset: cypherInt(window.offset),
      limit: cypherInt(window.limit),
    },
  );
  const byStage = new Map(rows.map((row) => [row.id, row]));
  return stageIds.map((id) => {
    const row = byStage.get(id);
    return {
      total: row?.total ?? 0,
      unknownRegionCodes: row?.unknownRegionCodes ?? [],
      providers: (row?.providers ?? []).map((provider) => ({
        organisation: toRow('Organisation', provider.node),
        via: provider.via,
        naceCode: provider.naceCode,
      })),
    };
  });
}
