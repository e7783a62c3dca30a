import {
  isNodeLabel,
  type NodeLabel,
  nodeModel,
  type RelationshipType,
  relationshipModel,
} from '@clustergraph/schema';
import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isIntrospectionType,
  isObjectType,
} from 'graphql';
import { assertHop, type Hop } from '../db/repositories/relations.ts';

/**
 * What a field reads of the row it resolves on, declared in its extensions. The read planner
 * (lookahead.ts) trusts this and nothing else, never a field's name, and `checkFieldReads`
 * refuses a schema where a field of a node type declares nothing.
 *
 * - `t.exposeString('name')` (any `t.expose*`) declares itself: it reads the property `name`.
 * - a computed field spreads `...reads('naceCodes')` (its `extensions`), or `reads()` when it
 *   reads nothing of its row;
 * - a field over a hop spreads `...nodesVia(hop)` / `nodeVia` / `pageVia` (relations.ts), or
 *   `extensions: readsVia([{ hop, shape }], 'property', ...)` when it reshapes what it reads.
 */
export type FieldReads = {
  /** Properties of the parent row the resolver reads (`id` for a field batched by parent id). */
  properties: readonly string[];
  /** Hops the resolver reads; planned, they are prefetched in the parent's statement. */
  hops: readonly PrefetchHop[];
};

/**
 * How a field reads one hop:
 * - `nodes`: the list of related nodes; `one`: the first of them;
 * - `page`: a connection with `first`/`after`, edges carrying the relationship's properties;
 * - `claims`: every related node and relationship whole (for resolvers that reshape them).
 * `nodeNeeds` are properties of the related nodes the resolver reads beyond the selected fields.
 */
export type PrefetchHop = {
  hop: Hop;
  shape: 'nodes' | 'one' | 'page' | 'claims';
  nodeNeeds?: readonly string[];
};

/**
 * What the planner does with a non-node object type (a connection, an edge, a plain result):
 * - `connection`, `edge`: connectionOf's types, planned with the hop or root list returning them
 *   (an edge field declares, with `reads`, the relationship properties it reads);
 * - `unplanned`: a plain object built by its field's resolver (a region claim, a provider, an
 *   analytics result). The planner does not look inside: the field returning it declares what
 *   it reads of its own row, node rows inside are read whole and their relations are batched.
 */
export type TypeReadPlan = 'connection' | 'edge' | 'unplanned';

/** Extensions of a plain (non-node) object type: `builder.objectRef(...).implement({ extensions: unplanned, ... })`. */
export const unplanned = { readPlan: 'unplanned' } as const satisfies { readPlan: TypeReadPlan };

/** Extensions of a field reading these properties of its row and no hop. */
export function reads(...properties: string[]): { reads: FieldReads } {
  return { reads: { properties, hops: [] } };
}

/** Extensions of a field reading hops (and perhaps properties) of its row. */
export function readsVia(hops: readonly PrefetchHop[], ...properties: string[]): { reads: FieldReads } {
  return { reads: { properties, hops } };
}

/** The declared reads of a field, or undefined when it declares none. */
export function readsOf(field: GraphQLField<unknown, unknown>): FieldReads | undefined {
  const declared = field.extensions.reads as FieldReads | undefined;
  if (declared) return declared;
  const exposed = field.extensions.pothosExposedField;
  return typeof exposed === 'string' ? { properties: [exposed], hops: [] } : undefined;
}

export function readPlanOf(type: GraphQLObjectType): TypeReadPlan | undefined {
  return type.extensions.readPlan as TypeReadPlan | undefined;
}

/** Types of the relay plugin whose fields read the connection result, not a row. */
const RELAY_TYPES = new Set(['PageInfo']);
/** Fields of connectionOf's types answered from the connection result itself. */
const CONNECTION_OWN_FIELDS = new Set(['edges', 'pageInfo', 'totalCount', 'cursor', 'node']);

const HOW_TO_DECLARE =
  'Declare what it reads in its options: `t.exposeString(...)` and the other `t.expose*` declare themselves; ' +
  "a computed field adds `extensions: reads('property', ...)` (or `reads()` when it reads nothing of its row, " +
  "`reads('id')` when it batches by the row id); a field over a relationship spreads `...nodesVia(hop)`, " +
  '`...nodeVia(hop)` or `...pageVia(hop, field)` (server/src/graphql/relations.ts) or adds ' +
  '`extensions: readsVia([{ hop, shape }], ...properties)` (server/src/graphql/reads.ts).';

/**
 * Refuses, when the schema is built, a node type's field that declares nothing, a declared
 * property or hop the model does not have, and an object type the planner does not know how to
 * treat. Every problem is listed, with what to declare.
 */
export function checkFieldReads(schema: GraphQLSchema): void {
  const problems: string[] = [];
  const edgeHops = new Map<string, RelationshipType[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    if (isNodeLabel(type.name)) problems.push(...nodeTypeProblems(type, type.name, edgeHops));
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type) || isNodeLabel(type.name)) continue;
    if (type === schema.getQueryType() || type === schema.getMutationType() || RELAY_TYPES.has(type.name)) {
      continue;
    }
    const plan = readPlanOf(type);
    if (plan === 'edge') problems.push(...edgeTypeProblems(type, edgeHops.get(type.name) ?? []));
    else if (plan === undefined) {
      problems.push(
        `${type.name} is neither a node type of the model nor declares how the planner treats it: ` +
          'a plain result type adds `extensions: unplanned` (server/src/graphql/reads.ts) to its options.',
      );
    }
  }
  if (problems.length > 0) {
    throw new Error(`The schema's fields do not all declare what they read:\n- ${problems.join('\n- ')}`);
  }
}

function nodeTypeProblems(
  type: GraphQLObjectType,
  label: NodeLabel,
  edgeHops: Map<string, RelationshipType[]>,
): string[] {
  const problems: string[] = [];
  const properties = nodeModel[label].properties;
  for (const field of Object.values(type.getFields())) {
    const where = `${type.name}.${field.name}`;
    const declared = readsOf(field);
    if (!declared) {
      problems.push(`${where} declares nothing it reads. ${HOW_TO_DECLARE}`);
      continue;
    }
    for (const property of declared.properties) {
      if (!Object.hasOwn(properties, property)) {
        problems.push(`${where} reads "${property}", which ${label} has not in schema/src/model.ts`);
      }
    }
    for (const { hop, shape, nodeNeeds = [] } of declared.hops) {
      problems.push(...hopProblems(where, label, hop, nodeNeeds));
      const returned = getNamedType(field.type);
      if (shape === 'page' && isObjectType(returned)) {
        const edge = getNamedType(returned.getFields().edges?.type);
        if (edge) edgeHops.set(edge.name, [...(edgeHops.get(edge.name) ?? []), hop.type]);
      }
      if ((shape === 'nodes' || shape === 'one') && isNodeLabel(returned.name) && returned.name !== hop.to) {
        problems.push(`${where} returns ${returned.name} but declares a hop to ${hop.to}`);
      }
    }
  }
  return problems;
}

function hopProblems(where: string, label: NodeLabel, hop: Hop, nodeNeeds: readonly string[]): string[] {
  const problems: string[] = [];
  if (hop.from !== label) problems.push(`${where} declares a hop from ${hop.from}, not from ${label}`);
  try {
    assertHop(hop);
  } catch (error) {
    problems.push(`${where}: ${(error as Error).message} (schema/src/model.ts)`);
    return problems;
  }
  const relProperties = relationshipModel[hop.type].properties;
  for (const property of [hop.orderByRel, hop.relEquals?.property]) {
    if (property !== undefined && !Object.hasOwn(relProperties, property)) {
      problems.push(`${where}: ${hop.type} has no property "${property}" in schema/src/model.ts`);
    }
  }
  for (const property of nodeNeeds) {
    if (!Object.hasOwn(nodeModel[hop.to].properties, property)) {
      problems.push(`${where} needs "${property}" of ${hop.to}, which the model does not have`);
    }
  }
  return problems;
}

/** An edge field reads relationship properties of every hop whose page it is an edge of. */
function edgeTypeProblems(type: GraphQLObjectType, types: readonly RelationshipType[]): string[] {
  const problems: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (CONNECTION_OWN_FIELDS.has(field.name)) continue;
    const where = `${type.name}.${field.name}`;
    const declared = readsOf(field);
    if (!declared || declared.hops.length > 0) {
      problems.push(
        `${where} must declare the relationship properties it reads: \`extensions: reads('role')\``,
      );
      continue;
    }
    for (const relationshipType of types) {
      for (const property of declared.properties) {
        if (!Object.hasOwn(relationshipModel[relationshipType].properties, property)) {
          problems.push(
            `${where} reads "${property}", which ${relationshipType} has not in schema/src/model.ts`,
          );
        }
      }
    }
  }
  return problems;
}
