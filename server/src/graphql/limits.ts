import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  visit,
} from 'graphql';

/**
 * What one request may ask. Every limit is checked in time linear in the document's size,
 * before validation and execution: fragments are measured once each and their measures reused
 * wherever they are spread, never expanded.
 */
export const REQUEST_LIMITS = {
  /** Bytes of a request body (the GraphQL document with its variables): larger is HTTP 413. */
  bodyBytes: 100_000,
  /** Lexical tokens of a document; the parser stops at the first one over. */
  tokens: 3_000,
  /** Directives written in a document. */
  directives: 50,
  /** Aliased fields, counted as executed (an aliased field in a fragment counts per spread). */
  aliases: 30,
  /** Nesting of fields, as executed. */
  depth: 12,
  /** Fields, as executed (every spread of a fragment counts its fields again). */
  breadth: 400,
  /** Fields weighted by the page sizes above them (see `operationCost`). */
  complexity: 50_000,
} as const;

type Limit = 'directives' | 'aliases' | 'depth' | 'breadth' | 'complexity';

function tooComplex(limit: Limit, measured: number): GraphQLError {
  const max = REQUEST_LIMITS[limit];
  const shown = Number.isFinite(measured) && measured < 1e15 ? String(Math.round(measured)) : 'more';
  return new GraphQLError(`Query exceeds maximum ${limit} (${limit}: ${shown}, max: ${max}).`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max },
  });
}

type Shape = { depth: number; breadth: number; aliases: number };
const NOTHING: Shape = { depth: 0, breadth: 0, aliases: 0 };

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * Measures a selection set the way it executes, each fragment once (memoised by name). A
 * fragment spread inside itself measures as nothing here: validation reports the cycle.
 * Introspection fields (`__schema`, `__type`) count as one field, as graphql-js bounds their
 * depth itself (MaxIntrospectionDepthRule).
 */
function measureShape(document: DocumentNode): Shape {
  const fragments = fragmentsOf(document);
  const measured = new Map<string, Shape>();
  const inProgress = new Set<string>();

  const fragmentShape = (name: string): Shape => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return NOTHING;
    inProgress.add(name);
    const shape = selectionShape(fragment.selectionSet);
    inProgress.delete(name);
    measured.set(name, shape);
    return shape;
  };

  const selectionShape = (selectionSet: SelectionSetNode): Shape => {
    let depth = 0;
    let breadth = 0;
    let aliases = 0;
    for (const selection of selectionSet.selections) {
      let shape: Shape;
      if (selection.kind === Kind.FIELD) {
        const below =
          selection.selectionSet && !selection.name.value.startsWith('__')
            ? selectionShape(selection.selectionSet)
            : NOTHING;
        shape = {
          depth: below.depth + 1,
          breadth: below.breadth + 1,
          aliases: below.aliases + (selection.alias ? 1 : 0),
        };
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        shape = fragmentShape(selection.name.value);
      } else {
        shape = selectionShape(selection.selectionSet);
      }
      depth = Math.max(depth, shape.depth);
      breadth += shape.breadth;
      aliases += shape.aliases;
    }
    return { depth, breadth, aliases };
  };

  let worst = NOTHING;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const shape = selectionShape(definition.selectionSet);
    worst = {
      depth: Math.max(worst.depth, shape.depth),
      breadth: Math.max(worst.breadth, shape.breadth),
      aliases: Math.max(worst.aliases, shape.aliases),
    };
  }
  return worst;
}

/**
 * The limits that depend on the document alone (so their answer may be cached with it): the
 * directives written, and the depth, breadth and aliases as executed.
 */
export function documentLimitErrors(document: DocumentNode): GraphQLError[] {
  let directives = 0;
  visit(document, {
    Directive() {
      directives += 1;
    },
  });
  if (directives > REQUEST_LIMITS.directives) return [tooComplex('directives', directives)];
  const shape = measureShape(document);
  if (shape.depth > REQUEST_LIMITS.depth) return [tooComplex('depth', shape.depth)];
  if (shape.breadth > REQUEST_LIMITS.breadth) return [tooComplex('breadth', shape.breadth)];
  if (shape.aliases > REQUEST_LIMITS.aliases) return [tooComplex('aliases', shape.aliases)];
  return [];
}

/** A field's cost as the Pothos complexity plugin records it on the schema (`complexity` option). */
type ComplexityOption =
  | number
  | { field?: number; multiplier?: number }
  | ((
      args: Record<string, unknown>,
      ctx: unknown,
      field: unknown,
    ) => number | { field?: number; multiplier?: number });

const DEFAULT_FIELD_COST = 1;
const DEFAULT_LIST_MULTIPLIER = 2;

function fieldCost(
  field: GraphQLField<unknown, unknown>,
  args: () => Record<string, unknown>,
): { field: number; multiplier: number } {
  let option = field.extensions.complexity as ComplexityOption | undefined;
  if (typeof option === 'function') option = option(args(), {}, field);
  const listDefault = isListType(getNullableType(field.type)) ? DEFAULT_LIST_MULTIPLIER : 1;
  if (typeof option === 'number') return { field: option, multiplier: listDefault };
  return { field: option?.field ?? DEFAULT_FIELD_COST, multiplier: option?.multiplier ?? listDefault };
}

/**
 * The cost of an operation with its (coerced) variables: a field costs its own weight plus what
 * it selects times its multiplier (a page's `first`), as Pothos' complexity plugin counts, but
 * each fragment is costed once per type it is spread on and reused.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variableValues: Record<string, unknown>,
): number {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const selectionCost = (selectionSet: SelectionSetNode, type: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : undefined;
        const field = fields?.[selection.name.value];
        if (!field) {
          total += DEFAULT_FIELD_COST; // __typename and introspection, or unknown (validation says so)
          continue;
        }
        const cost = fieldCost(field, () => getArgumentValues(field, selection, variableValues));
        const named = getNamedType(field.type);
        const below =
          selection.selectionSet && isCompositeType(named) ? selectionCost(selection.selectionSet, named) : 0;
        total += cost.field + below * Math.max(cost.multiplier, 0);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !condition || !isCompositeType(condition)) continue;
        const key = fragment.name.value;
        const known = memo.get(key);
        if (known !== undefined) {
          total += known;
          continue;
        }
        if (inProgress.has(key)) continue;
        inProgress.add(key);
        const cost = selectionCost(fragment.selectionSet, condition);
        inProgress.delete(key);
        memo.set(key, cost);
        total += cost;
      } else {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (condition && isCompositeType(condition))
          total += selectionCost(selection.selectionSet, condition);
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(operation.selectionSet, root) : 0;
}

export function costLimitErrors(cost: number): GraphQLError[] {
  return cost > REQUEST_LIMITS.complexity ? [tooComplex('complexity', cost)] : [];
}
