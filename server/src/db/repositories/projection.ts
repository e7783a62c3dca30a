import {
  type NodeLabel,
  type NodeRow,
  nodeModel,
  type RelationshipType,
  relationshipModel,
} from '@clustergraph/schema';
import { cypherInt, type Params } from '../database.ts';
import { toRow } from './nodes.ts';
import { type Hop, hopClauses, type PageWindow, type RelatedPage } from './relations.ts';

/**
 * What a request reads of the nodes a statement returns: which properties, and which relations
 * to prefetch in the same statement (so a page of clusters with their members is one round
 * trip, not one per relation).
 */
export type NodePlan = {
  /** `id` among them only when something reads it (a global id, a field batched by parent id). */
  properties: ReadonlySet<string> | 'all';
  /** By hopKey, so the resolver of a relation finds what was fetched for it. */
  related: ReadonlyMap<string, HopPlan>;
};

export type HopPlan = {
  hop: Hop;
  /** The page asked for; null for the whole list. */
  window: PageWindow;
  /** Only the first node is read (a single-node field). */
  onlyFirst: boolean;
  /** The size of the whole list is read (totalCount, pageInfo). */
  count: boolean;
  /** The relationship's properties that are read (a member's role), by name. */
  relProperties: ReadonlySet<string> | 'all';
  node: NodePlan;
};

export const WHOLE_NODES: NodePlan = { properties: 'all', related: new Map() };

const RELATED_KEY = '__related';

/** The union of two plans: what both readers of the same nodes need. */
export function mergePlans(a: NodePlan, b: NodePlan): NodePlan {
  const properties = union(a.properties, b.properties);
  const related = new Map(a.related);
  for (const [key, hopPlan] of b.related) {
    const other = related.get(key);
    related.set(key, other ? mergeHopPlans(other, hopPlan) : hopPlan);
  }
  return { properties, related };
}

function union(a: ReadonlySet<string> | 'all', b: ReadonlySet<string> | 'all'): ReadonlySet<string> | 'all' {
  return a === 'all' || b === 'all' ? 'all' : new Set([...a, ...b]);
}

function mergeHopPlans(a: HopPlan, b: HopPlan): HopPlan {
  return {
    hop: a.hop,
    window: a.window,
    onlyFirst: a.onlyFirst && b.onlyFirst,
    count: a.count || b.count,
    relProperties: union(a.relProperties, b.relProperties),
    node: mergePlans(a.node, b.node),
  };
}

/**
 * A Cypher map projection of `variable` (a node of `label`) with what the plan reads, relations
 * as COLLECT subqueries. Property names come from the model, windows go into `params`.
 */
export function projectionCypher(variable: string, label: NodeLabel, plan: NodePlan, params: Params): string {
  const parts: string[] = [];
  if (plan.properties === 'all') {
    parts.push('.*');
  } else {
    const known = nodeModel[label].properties;
    for (const property of plan.properties) {
      if (Object.hasOwn(known, property)) parts.push(`.${property}`);
    }
  }
  if (plan.related.size > 0) {
    const entries = [...plan.related.values()].map(
      (hopPlan, index) => `h${index}: ${relatedEntryCypher(variable, hopPlan, params)}`,
    );
    parts.push(`${RELATED_KEY}: {${entries.join(', ')}}`);
  }
  return `${variable} {${parts.join(', ')}}`;
}

function relatedEntryCypher(parent: string, hopPlan: HopPlan, params: Params): string {
  const depth = Number(parent.replace(/\D/g, '') || '0') + 1;
  const [rel, node] = [`r${depth}`, `n${depth}`];
  const addParam = (value: unknown) => {
    const name = `prefetch${Object.keys(params).length}`;
    params[name] = value;
    return name;
  };
  const relValue = hopPlan.hop.relEquals ? addParam(hopPlan.hop.relEquals.value) : '';
  const { pattern, where, order } = hopClauses(hopPlan.hop, { parent, rel, node, relValue });
  let slice = '';
  if (hopPlan.window?.offset) slice += ` SKIP $${addParam(cypherInt(hopPlan.window.offset))}`;
  const limit = hopPlan.onlyFirst ? Math.min(1, hopPlan.window?.limit ?? 1) : hopPlan.window?.limit;
  if (limit !== undefined) slice += ` LIMIT $${addParam(cypherInt(limit))}`;
  const projected = projectionCypher(node, hopPlan.hop.to, hopPlan.node, params);
  const item = readsRelationship(hopPlan)
    ? `{rel: ${relProjection(rel, hopPlan.hop.type, hopPlan.relProperties)}, node: ${projected}}`
    : projected;
  const items = `COLLECT { MATCH ${pattern}${where} WITH ${rel}, ${node} ORDER BY ${order}${slice} RETURN ${item} }`;
  const total = hopPlan.count ? `, total: COUNT { MATCH ${pattern}${where} }` : '';
  return `{items: ${items}${total}}`;
}

function readsRelationship(hopPlan: HopPlan): boolean {
  return hopPlan.relProperties === 'all' || hopPlan.relProperties.size > 0;
}

/** Like a node's, a relationship's property names come from the model. */
function relProjection(rel: string, type: RelationshipType, properties: ReadonlySet<string> | 'all'): string {
  if (properties === 'all') return `properties(${rel})`;
  const known = relationshipModel[type].properties;
  const parts = [...properties].filter((property) => Object.hasOwn(known, property));
  return `${rel} {${parts.map((property) => `.${property}`).join(', ')}}`;
}

/** Where a row keeps the pages of relations its statement prefetched, by hopKey (lookahead.ts). */
export const PREFETCHED = Symbol('prefetched');

/** A node row, with the pages its statement prefetched for the relation resolvers, if any. */
export type Row<L extends NodeLabel = NodeLabel> = NodeRow<L> & {
  [PREFETCHED]?: ReadonlyMap<string, RelatedPage<NodeLabel>>;
};

type Fetched = { items: unknown[]; total?: number };

/** The row of a projected node, with the pages of its relations prefetched for their resolvers. */
export function rowFromProjection<L extends NodeLabel>(
  label: L,
  plan: NodePlan,
  projected: Record<string, unknown>,
): Row<L> {
  const related = projected[RELATED_KEY];
  delete projected[RELATED_KEY];
  const row: Row<L> = toRow(label, projected);
  if (plan.related.size > 0) {
    const fetched = related as Record<string, Fetched>;
    const pages = new Map<string, RelatedPage<NodeLabel>>();
    [...plan.related.entries()].forEach(([key, hopPlan], index) => {
      const { items, total } = fetched[`h${index}`] ?? { items: [] };
      const related = items.map((item) => {
        const { rel, node } = readsRelationship(hopPlan)
          ? (item as { rel: Record<string, unknown>; node: Record<string, unknown> })
          : { rel: {}, node: item as Record<string, unknown> };
        return { rel, node: rowFromProjection(hopPlan.hop.to, hopPlan.node, node) };
      });
      // Without a count nobody reads the total; what is known of it is enough.
      pages.set(key, { total: total ?? (hopPlan.window?.offset ?? 0) + related.length, items: related });
    });
    row[PREFETCHED] = pages;
  }
  return row;
}
