import type { NodeLabel, NodeRow } from '@clustergraph/schema';
import type { Database, Params } from '../database.ts';
import { mergePlans, type NodePlan, projectionCypher, rowFromProjection, WHOLE_NODES } from './projection.ts';

type Fetched = { node: Record<string, unknown> };

/**
 * The statement of nodesByIds: every node of `label` with one of `ids`, projected as `plan`
 * reads it, with the id that puts the rows back in the order asked.
 */
export function nodesByIdsQuery(
  label: NodeLabel,
  ids: readonly string[],
  plan: NodePlan,
): { cypher: string; params: Params } {
  const params: Params = { ids: [...ids] };
  const withId = mergePlans(plan, { properties: new Set(['id']), related: new Map() });
  const projection = projectionCypher('n', label, withId, params);
  return { cypher: `MATCH (n:${label}) WHERE n.id IN $ids RETURN ${projection} AS node`, params };
}

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
  const { cypher, params } = nodesByIdsQuery(label, ids, plan);
  const rows = await db.read<Fetched>(cypher, params);
  const byId = new Map(rows.map(({ node }) => [node.id as string, rowFromProjection(label, plan, node)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Makes the properties a statement returned into a row, in place (they are not shared). */
export function toRow<L extends NodeLabel>(label: L, properties: Record<string, unknown>): NodeRow<L> {
  properties.label = label;
  return properties as NodeRow<L>;
}
