import type { NodeLabel } from '@clustergraph/schema';
import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
} from 'graphql';
import {
  parseResolveInfo,
  type ResolveTree,
  simplifyParsedResolveInfoFragmentWithType,
} from 'graphql-parse-resolve-info';
import { type HopPlan, mergePlans, type NodePlan, WHOLE_NODES } from '../db/repositories/projection.ts';
import { hopKey } from '../db/repositories/relations.ts';
import type { Context } from './context.ts';
import { pageWindow } from './paging.ts';
import { type PrefetchHop, readsOf } from './reads.ts';

/**
 * The read planner: what a root field's selection reads of the nodes it returns, so that its
 * statement fetches exactly those properties and prefetches the relations asked for. It walks
 * the selection with graphql-parse-resolve-info (fragments, aliases, @skip/@include, interface
 * conditions) and takes what each field reads from the field's declaration (reads.ts), never
 * from its name. With `ctx.prefetch` off, nodes are read whole and every relation is batched.
 */

const ID_ONLY: NodePlan = { properties: new Set(['id']), related: new Map() };
const EDGE_OWN_FIELDS = new Set(['cursor', 'node']);

/** What the selection of the current field reads of the `label` nodes it returns. */
export function planOfField(
  ctx: Pick<Context, 'prefetch'>,
  info: GraphQLResolveInfo,
  label: NodeLabel,
): NodePlan {
  if (!ctx.prefetch) return WHOLE_NODES;
  return planNode(info.schema, label, [rootTree(info)]);
}

/** The same, for a connection field: what its edges' nodes read. */
export function planOfConnection(
  ctx: Pick<Context, 'prefetch'>,
  info: GraphQLResolveInfo,
  label: NodeLabel,
): NodePlan {
  if (!ctx.prefetch) return WHOLE_NODES;
  return connectionPlan(info.schema, [rootTree(info)], objectType(info.schema, info.returnType), label).node;
}

/** The properties a search's hits read of their nodes, whatever their label (relations are batched). */
export function propertiesOfSearchHits(
  ctx: Pick<Context, 'prefetch'>,
  info: GraphQLResolveInfo,
  labels: readonly NodeLabel[],
): ReadonlySet<string> | 'all' {
  if (!ctx.prefetch) return 'all';
  const hitType = objectType(info.schema, info.returnType);
  const nodeTrees = named(fieldsOf([rootTree(info)], hitType), 'node');
  const properties = new Set<string>();
  for (const label of labels) {
    const plan = planNode(info.schema, label, nodeTrees);
    if (plan.properties === 'all') return 'all';
    for (const property of plan.properties) properties.add(property);
  }
  return properties;
}

function rootTree(info: GraphQLResolveInfo): ResolveTree {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  if (!tree) throw new Error(`could not read the selection of ${info.fieldName}`);
  return tree;
}

function objectType(schema: GraphQLSchema, type: Parameters<typeof getNamedType>[0]): GraphQLObjectType {
  const named = getNamedType(type);
  const found = named && schema.getType(named.name);
  if (!isObjectType(found)) throw new Error(`${named?.name} is not an object type`);
  return found;
}

/** The fields selected on `type` in these trees, through fragments on it and its interfaces. */
function fieldsOf(trees: readonly ResolveTree[], type: GraphQLObjectType): ResolveTree[] {
  return trees.flatMap(
    (tree) => Object.values(simplifyParsedResolveInfoFragmentWithType(tree, type).fields) as ResolveTree[],
  );
}

function named(fields: readonly ResolveTree[], name: string): ResolveTree[] {
  return fields.filter((field) => field.name === name);
}

function planNode(schema: GraphQLSchema, label: NodeLabel, trees: readonly ResolveTree[]): NodePlan {
  const type = objectType(schema, schema.getType(label) ?? undefined);
  const definitions = type.getFields();
  let plan: NodePlan = { properties: new Set(), related: new Map() };
  for (const field of fieldsOf(trees, type)) {
    const definition = definitions[field.name];
    const declared = definition && readsOf(definition);
    // checkFieldReads refuses such a schema when it is built; this is a schema built without it.
    if (!definition || !declared) throw new Error(`${label}.${field.name} declares nothing it reads`);
    plan = mergePlans(plan, { properties: new Set(declared.properties), related: new Map() });
    for (const prefetch of declared.hops) {
      const hopPlan = planHop(schema, definition, field, prefetch);
      // Without a plan the resolver batches the relation, by the parent's id.
      plan = mergePlans(
        plan,
        hopPlan
          ? { properties: new Set(), related: new Map([[hopKey(hopPlan.hop, hopPlan.window), hopPlan]]) }
          : ID_ONLY,
      );
    }
  }
  return plan;
}

/** Null when the field's arguments are invalid: its resolver then batches it and reports why. */
function planHop(
  schema: GraphQLSchema,
  definition: GraphQLField<unknown, unknown>,
  field: ResolveTree,
  { hop, shape, nodeNeeds = [] }: PrefetchHop,
): HopPlan | null {
  const needs: NodePlan = { properties: new Set(nodeNeeds), related: new Map() };
  switch (shape) {
    case 'nodes':
    case 'one':
      return {
        hop,
        window: null,
        onlyFirst: shape === 'one',
        count: false,
        relProperties: new Set(),
        node: mergePlans(
          planNode(schema, hop.to, returnsNodes(schema, definition, hop.to) ? [field] : []),
          needs,
        ),
      };
    case 'claims':
      return { hop, window: null, onlyFirst: false, count: false, relProperties: 'all', node: WHOLE_NODES };
    case 'page': {
      let window: { offset: number; limit: number };
      try {
        window = pageWindow(field.args as { first?: number | null; after?: string | null });
      } catch {
        return null;
      }
      const connection = connectionPlan(schema, [field], objectType(schema, definition.type), hop.to);
      return { hop, window, onlyFirst: false, ...connection, node: mergePlans(connection.node, needs) };
    }
  }
}

/** A field over a hop that returns something else (a computed `country`) reads only its needs. */
function returnsNodes(schema: GraphQLSchema, definition: GraphQLField<unknown, unknown>, label: NodeLabel) {
  return getNamedType(definition.type) === schema.getType(label);
}

/** What a connection's selection reads: its edges' nodes, the relationships, the total. */
function connectionPlan(
  schema: GraphQLSchema,
  trees: readonly ResolveTree[],
  connectionType: GraphQLObjectType,
  label: NodeLabel,
): { node: NodePlan; count: boolean; relProperties: ReadonlySet<string> } {
  const connectionFields = fieldsOf(trees, connectionType);
  const edgeType = objectType(schema, connectionType.getFields().edges?.type);
  const edgeFields = fieldsOf(named(connectionFields, 'edges'), edgeType);
  const relProperties = new Set<string>();
  for (const field of edgeFields) {
    if (EDGE_OWN_FIELDS.has(field.name)) continue;
    const definition = edgeType.getFields()[field.name];
    const declared = definition && readsOf(definition);
    if (!declared) throw new Error(`${edgeType.name}.${field.name} declares nothing it reads`);
    for (const property of declared.properties) relProperties.add(property);
  }
  return {
    node: planNode(schema, label, named(edgeFields, 'node')),
    count: connectionFields.some((field) => field.name === 'totalCount' || field.name === 'pageInfo'),
    relProperties,
  };
}
