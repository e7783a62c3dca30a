import type { NodeRow } from '@clustergraph/schema';
import type { Database } from '../database.ts';
import { toRow } from './nodes.ts';

export type Provider = { organisation: NodeRow<'Organisation'>; via: 'EXPLICIT' | 'NACE' };

type Fetched = { id: string; providers: { node: Record<string, unknown>; via: 'EXPLICIT' | 'NACE' }[] };

/**
 * Who provides each stage: organisations stated to (PROVIDES), then those whose NACE codes fall
 * under one of the stage's codes (a stage's "13.1" covers an organisation's "13.10"). One round
 * trip for all stages asked; the NACE match reads every organisation with codes, so it is a scan,
 * kept to one per request by the batching.
 */
export async function providersOfStages(db: Database, stageIds: readonly string[]): Promise<Provider[][]> {
  const rows = await db.read<Fetched>(
    `UNWIND $ids AS id
MATCH (s:ValueChainStage {id: id})
CALL (s) {
  MATCH (o:Organisation)-[:PROVIDES]->(s)
  RETURN o, 'EXPLICIT' AS via
  UNION
  MATCH (o:Organisation)
  WHERE size(coalesce(o.naceCodes, [])) > 0 AND NOT (o)-[:PROVIDES]->(s)
    AND any(code IN o.naceCodes WHERE any(prefix IN s.naceCodes WHERE code = prefix OR code STARTS WITH prefix + '.' OR (size(prefix) = 4 AND code STARTS WITH prefix)))
  RETURN o, 'NACE' AS via
}
WITH id, o, via ORDER BY via, o.name, o.id
RETURN id, collect({node: o {.*}, via: via}) AS providers`,
    { ids: [...stageIds] },
  );
  const byStage = new Map(
    rows.map((row) => [
      row.id,
      row.providers.map((provider) => ({
        organisation: toRow('Organisation', provider.node),
        via: provider.via,
      })),
    ]),
  );
  return stageIds.map((id) => byStage.get(id) ?? []);
}
