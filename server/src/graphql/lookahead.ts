import { type NodeLabel, nodeModel, type RelationshipType, relationshipModel } from '@clustergraph/schema';
import {
  type FieldNode,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { type HopPlan, mergePlans, type NodePlan, WHOLE_NODES } from '../db/repositories/projection.ts';
import { type Hop, hopKey } from '../db/repositories/relations.ts';
import type { Context } from './context.ts';
import { pageWindow } from './paging.ts';

/**
 * How a relation field reads its hop, declared in the field's extensions so that the query of
 * its parents can fetch it along:
 * - `nodes`: the list of related nodes; `one`: the first of them;
 * - `page`: a connection with `first`/`after`, edges carrying the relationship's properties;
 * - `claims`: every related node and relationship whole (for resolvers that reshape them).
 * `nodeNeeds` are properties the resolver reads beyond the selected fields.
 */
export type AlongHop = {
  hop: Hop;
  shape: 'nodes' | 'one' | 'page' | 'claims';
  nodeNeeds?: readonly string[];
};

export function alongHopExtension(along: AlongHop) {
  return { alongHop: along };
}

/** Fields of every node type that read no property but the id (`sources` where it is no hop: a Source's). */
const ID_FIELDS = new Set(['id', 'key', 'sources']);
const ID_ONLY: NodePlan = { properties: new Set(['id']), related: new Map() };
const EDGE_FIELDS_WITHOUT_RELATIONSHIP = new Set(['__typename', 'cursor', 'node']);

/** A selection the planner does not understand is answered anyway, each relation loaded apart. */
function loadApart<T>(ctx: Context, error: unknown, plan: T): T {
  ctx.log.warn({ err: error }, 'could not plan the selection; loading its relations apart');
  return plan;
}

/** What the selection of the current field reads of the `label` nodes it returns. */
export function planOfField(ctx: Context, info: GraphQLResolveInfo, label: NodeLabel): NodePlan {
  if (!ctx.fetchAlong) return WHOLE_NODES;
  try {
    return planNode(info, label, selectionSets(info.fieldNodes));
  } catch (error) {
    return loadApart(ctx, error, WHOLE_NODES);
  }
}

/** The same, for a connection field: what its edges' nodes read. */
export function planOfConnection(ctx: Context, info: GraphQLResolveInfo, label: NodeLabel): NodePlan {
  if (!ctx.fetchAlong) return WHOLE_NODES;
  try {
    const connectionType = getNamedType(info.returnType);
    if (!isObjectType(connectionType)) return WHOLE_NODES;
    return connectionNodes(info, connectionType.name, selectionSets(info.fieldNodes), label).node;
  } catch (error) {
    return loadApart(ctx, error, WHOLE_NODES);
  }
}

/** The properties a search's hits read of their nodes, whatever their label (relations are loaded). */
export function propertiesOfSearchHits(
  ctx: Context,
  info: GraphQLResolveInfo,
  labels: readonly NodeLabel[],
): ReadonlySet<string> | 'all' {
  if (!ctx.fetchAlong) return 'all';
  try {
    const hitType = getNamedType(info.returnType);
    const hitFields = selectedFields(info, hitType.name, selectionSets(info.fieldNodes));
    const nodeSets = selectionSets(named(hitFields, 'node'));
    const properties = new Set<string>();
    for (const label of labels) {
      const plan = planNode(info, label, nodeSets);
      if (plan.properties === 'all') return 'all';
      for (const property of plan.properties) properties.add(property);
    }
    return properties;
  } catch (error) {
    return loadApart(ctx, error, 'all');
  }
}

function selectionSets(fields: readonly FieldNode[]): SelectionSetNode[] {
  return fields.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
}

function planNode(info: GraphQLResolveInfo, label: NodeLabel, sets: readonly SelectionSetNode[]): NodePlan {
  const type = info.schema.getType(label);
  if (!isObjectType(type)) return WHOLE_NODES;
  const definitions = type.getFields();
  const modelProperties = nodeModel[label].properties;
  let plan: NodePlan = { properties: new Set(), related: new Map() };
  for (const field of selectedFields(info, label, sets)) {
    const name = field.name.value;
    const definition = definitions[name];
    const along = definition?.extensions.alongHop as AlongHop | undefined;
    if (definition && along) {
      const hopPlan = planHop(info, definition, field, along);
      // Without a plan the resolver loads the relation apart, by the parent's id.
      plan = mergePlans(
        plan,
        hopPlan
          ? { properties: new Set(), related: new Map([[hopKey(hopPlan.hop, hopPlan.window), hopPlan]]) }
          : ID_ONLY,
      );
    } else if (Object.hasOwn(modelProperties, name)) {
      plan = mergePlans(plan, { properties: new Set([name]), related: new Map() });
    } else if (ID_FIELDS.has(name)) {
      plan = mergePlans(plan, ID_ONLY);
    } else if (name !== '__typename') {
      // A computed field: it may read any property.
      plan = mergePlans(plan, WHOLE_NODES);
    }
  }
  return plan;
}

/** Null when the field's arguments are invalid: its resolver then loads it and reports why. */
function planHop(
  info: GraphQLResolveInfo,
  definition: GraphQLField<unknown, unknown>,
  field: FieldNode,
  along: AlongHop,
): HopPlan | null {
  const { hop, shape } = along;
  const sets = field.selectionSet ? [field.selectionSet] : [];
  const needs: NodePlan = { properties: new Set(along.nodeNeeds ?? []), related: new Map() };
  switch (shape) {
    case 'nodes':
    case 'one':
      return {
        hop,
        window: null,
        onlyFirst: shape === 'one',
        count: false,
        relProperties: new Set(),
        node: mergePlans(planNode(info, hop.to, sets), needs),
      };
    case 'claims':
      return { hop, window: null, onlyFirst: false, count: false, relProperties: 'all', node: WHOLE_NODES };
    case 'page': {
      let window: { offset: number; limit: number };
      try {
        window = pageWindow(getArgumentValues(definition, field, info.variableValues));
      } catch {
        return null;
      }
      const connectionType = getNamedType(definition.type);
      if (!isObjectType(connectionType)) return null;
      const connection = connectionNodes(info, connectionType.name, sets, hop.to, hop.type);
      return { hop, window, onlyFirst: false, ...connection, node: mergePlans(connection.node, needs) };
    }
  }
}

/** What a connection's selection reads: its edges' nodes, the relationships, the total. */
function connectionNodes(
  info: GraphQLResolveInfo,
  connectionTypeName: string,
  sets: readonly SelectionSetNode[],
  label: NodeLabel,
  relationshipType?: RelationshipType,
): { node: NodePlan; count: boolean; relProperties: ReadonlySet<string> | 'all' } {
  const connectionType = info.schema.getType(connectionTypeName);
  if (!isObjectType(connectionType)) throw new Error(`${connectionTypeName} is not an object type`);
  const connectionFields = selectedFields(info, connectionTypeName, sets);
  const edgeType = getNamedType(connectionType.getFields().edges?.type);
  if (!edgeType || !isObjectType(edgeType)) throw new Error(`${connectionTypeName} has no edges`);
  const edgeFields = selectedFields(info, edgeType.name, selectionSets(named(connectionFields, 'edges')));
  // Edge fields are named after the relationship's properties; any other reads them all.
  const edgeReads = edgeFields
    .map((field) => field.name.value)
    .filter((name) => !EDGE_FIELDS_WITHOUT_RELATIONSHIP.has(name));
  const relationshipProperties = relationshipType ? relationshipModel[relationshipType].properties : {};
  return {
    node: planNode(info, label, selectionSets(named(edgeFields, 'node'))),
    count: connectionFields.some((field) => ['totalCount', 'pageInfo'].includes(field.name.value)),
    relProperties: edgeReads.every((name) => Object.hasOwn(relationshipProperties, name))
      ? new Set(edgeReads)
      : 'all',
  };
}

function named(fields: readonly FieldNode[], name: string): FieldNode[] {
  return fields.filter((field) => field.name.value === name);
}

/** The fields selected on `typeName` in these selection sets, through fragments, after @skip/@include. */
function selectedFields(
  info: GraphQLResolveInfo,
  typeName: string,
  sets: readonly SelectionSetNode[],
  into: FieldNode[] = [],
): FieldNode[] {
  for (const set of sets) {
    for (const selection of set.selections) {
      if (!isIncluded(info, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        into.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (appliesTo(info, selection.typeCondition?.name.value, typeName)) {
          selectedFields(info, typeName, [selection.selectionSet], into);
        }
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && appliesTo(info, fragment.typeCondition.name.value, typeName)) {
          selectedFields(info, typeName, [fragment.selectionSet], into);
        }
      }
    }
  }
  return into;
}

function appliesTo(info: GraphQLResolveInfo, condition: string | undefined, typeName: string): boolean {
  if (condition === undefined || condition === typeName) return true;
  const conditionType = info.schema.getType(condition);
  const type = info.schema.getType(typeName);
  return (
    conditionType !== undefined &&
    isAbstractType(conditionType) &&
    isObjectType(type) &&
    info.schema.isSubType(conditionType, type)
  );
}

function isIncluded(info: GraphQLResolveInfo, selection: SelectionNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, selection, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, selection, info.variableValues)?.if !== false;
}
