import type { NodeLabel, NodeRow } from '@clustergraph/schema';
import type { Database, Params } from '../database.ts';
import { mergePlans, type NodePlan, projectionCypher, rowFromProjection, WHOLE_NODES } from './projection.ts';

type Fetched = { node: Record<string, unknown> };

/**
 * Nodes of one label by id, in the order of `ids`, with what `plan` reads of them; null where
 * none has that id. One round trip.
 */
export async function nodesByIds<L extends NodeLabel>(
  db: Database,
  label: L,
  ids: readonly string[],
  plan: NodePlan = WHOLE_NODES,
): Promise<(NodeRow<L> | null)[]> {
  const params: Params = { ids: [...ids] };
  const withId = mergePlans(plan, { properties: new Set(['id']), related: new Map() });
  const projection = projectionCypher('n', label, withId, params);
  const rows = await db.read<Fetched>(
    `MATCH (n:${label}) WHERE n.id IN $ids RETURN ${projection} AS node`,
    params,
  );
  const byId = new Map(rows.map(({ node }) => [node.id as string, rowFromProjection(label, withId, node)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Makes the properties a statement returned into a row, in place (they are not shared). */
export function toRow<L extends NodeLabel>(label: L, properties: Record<string, unknown>): NodeRow<L> {
  properties.label = label;
  return properties as NodeRow<L>;
}
