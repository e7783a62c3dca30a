import { loadSyntheticTier } from '@clustergraph/seed/synthetic';
import { schema } from '@clustergraph/server/schema';
import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

/**
 * A field answers the same whatever its siblings: for every object type reachable from the root
 * lists, each field alone, and random sets of its fields together (prefetched, as served),
 * answer what each of those fields answers on its own with nothing prefetched. Queries are made
 * from the schema itself, so a field added tomorrow is covered without a line here.
 */
const graph = useGraph();

beforeAll(async () => {
  await graph.reset();
  await graph.loadCurated();
  await loadSyntheticTier(graph.driver, { tier: 'S', seed: 1 });
});

const ROOT_PAGE = 3;
const NESTED_PAGE = 2;
/** Object levels a random selection goes below the field it starts from. */
const MAX_DEPTH = 2;

type Field = GraphQLField<unknown, unknown>;

/** A Relay connection, planned or not: what a query pages through with `edges { node }`. */
function isConnection(type: GraphQLObjectType): boolean {
  const fields = type.getFields();
  return fields.edges !== undefined && fields.pageInfo !== undefined;
}

/** Fields a query can select without inventing values: no required argument but `first`. */
function selectable(type: GraphQLObjectType): Field[] {
  return Object.values(type.getFields()).filter((field) =>
    field.args.every((arg) => !isNonNullType(arg.type) || arg.name === 'first'),
  );
}

function argsOf(field: Field, page: number): string {
  return field.args.some((arg) => arg.name === 'first') ? `(first: ${page})` : '';
}

/** A fixed, small selection of a field: its leaves, one level down. */
function plainSelection(field: Field, depth = 0): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return field.name;
  if (isInterfaceType(type)) return `${field.name} { __typename }`;
  if (!isObjectType(type)) return `${field.name} { __typename }`;
  if (isConnection(type)) {
    const edge = getNamedType(type.getFields().edges?.type) as GraphQLObjectType;
    const node = edge.getFields().node as Field;
    const edgeLeaves = selectable(edge).filter((f) => isLeafType(getNamedType(f.type)));
    return `${field.name}${argsOf(field, NESTED_PAGE)} { totalCount pageInfo { hasNextPage } edges { ${edgeLeaves
      .map((f) => f.name)
      .join(' ')} ${plainSelection(node, depth)} } }`;
  }
  const leaves = selectable(type).filter((f) => isLeafType(getNamedType(f.type)));
  const inner =
    depth >= 1 || leaves.length > 0
      ? leaves.map((f) => f.name).join(' ') || '__typename'
      : selectable(type)
          .map((f) => plainSelection(f, depth + 1))
          .join(' ');
  return `${field.name}${argsOf(field, NESTED_PAGE)} { ${inner} }`;
}

/** A random selection of a field, its sub-selections random subsets down to MAX_DEPTH. */
function randomSelection(field: Field, depth: number): fc.Arbitrary<string> {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return fc.constant(field.name);
  if (!isObjectType(type) || depth >= MAX_DEPTH) return fc.constant(plainSelection(field, 1));
  if (isConnection(type)) {
    const edge = getNamedType(type.getFields().edges?.type) as GraphQLObjectType;
    const node = edge.getFields().node as Field;
    const edgeFields = selectable(edge).filter((f) => f.name !== 'node');
    return fc
      .tuple(
        fc.subarray(['totalCount', 'pageInfo { hasNextPage endCursor }']),
        fc.subarray(edgeFields.map((f) => plainSelection(f, 1))),
        randomSelection(node, depth + 1),
      )
      .map(
        ([own, edgeOwn, nodeSelection]) =>
          `${field.name}${argsOf(field, NESTED_PAGE)} { ${own.join(' ')} edges { ${edgeOwn.join(' ')} ${nodeSelection} } }`,
      );
  }
  return fc
    .subarray(selectable(type), { minLength: 1, maxLength: Math.min(4, selectable(type).length) })
    .chain((fields) => fc.tuple(...fields.map((f) => randomSelection(f, depth + 1))))
    .map((inner) => `${field.name}${argsOf(field, NESTED_PAGE)} { ${inner.join(' ')} }`);
}

/**
 * Every object type reachable from the root lists, with a query around a selection on it: the
 * shortest way down from a root list. Connections and edges are covered by the fields that
 * return them.
 */
function reachableTypes(): { type: GraphQLObjectType; around: (inner: string) => string }[] {
  const queryType = schema.getQueryType() as GraphQLObjectType;
  const found = new Map<string, { type: GraphQLObjectType; around: (inner: string) => string }>();
  const queue: { type: GraphQLObjectType; around: (inner: string) => string }[] = [];
  for (const field of selectable(queryType)) {
    const type = getNamedType(field.type);
    if (!isObjectType(type) || !isConnection(type)) continue;
    const node = getNamedType(
      (getNamedType(type.getFields().edges?.type) as GraphQLObjectType).getFields().node?.type,
    ) as GraphQLObjectType;
    queue.push({
      type: node,
      around: (inner) => `{ ${field.name}${argsOf(field, ROOT_PAGE)} { edges { node { ${inner} } } } }`,
    });
  }
  while (queue.length > 0) {
    const next = queue.shift() as (typeof queue)[number];
    if (found.has(next.type.name)) continue;
    found.set(next.type.name, next);
    for (const field of selectable(next.type)) {
      const type = getNamedType(field.type);
      if (!isObjectType(type)) continue;
      if (isConnection(type)) {
        const node = getNamedType(
          (getNamedType(type.getFields().edges?.type) as GraphQLObjectType).getFields().node?.type,
        ) as GraphQLObjectType;
        queue.push({
          type: node,
          around: (inner) =>
            next.around(`${field.name}${argsOf(field, NESTED_PAGE)} { edges { node { ${inner} } } }`),
        });
      } else {
        queue.push({
          type,
          around: (inner) => next.around(`${field.name}${argsOf(field, NESTED_PAGE)} { ${inner} }`),
        });
      }
    }
  }
  return [...found.values()];
}

const types = reachableTypes();
const ALIAS = /^sibling\d+$/;

/** The answer with only `alias` kept where the siblings are, whatever lies around them. */
function only(value: unknown, alias: string): unknown {
  if (Array.isArray(value)) return value.map((item) => only(item, alias));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.some(([key]) => ALIAS.test(key))) return { [alias]: (value as Record<string, unknown>)[alias] };
  return Object.fromEntries(entries.map(([key, inner]) => [key, only(inner, alias)]));
}

async function answer(query: string, prefetch: boolean) {
  const { data, errors } = await graph.graphql(query, {}, { prefetch });
  expect(errors, `${query}\n(prefetch ${prefetch})`).toBeUndefined();
  return data;
}

/** The siblings together, prefetched, answer as each alone with nothing prefetched. */
async function answersAsAlone(around: (inner: string) => string, selections: readonly string[]) {
  const aliased = selections.map((selection, index) => `sibling${index}: ${selection}`);
  const together = await answer(around(aliased.join(' ')), true);
  for (const [index, selection] of aliased.entries()) {
    const alone = await answer(around(selection), false);
    expect(only(together, `sibling${index}`), around(aliased.join(' '))).toEqual(alone);
  }
}

describe('a field answers the same whatever its siblings', () => {
  it('reaches every node type of the model and the plain types under them', () => {
    const names = types.map(({ type }) => type.name);
    for (const label of ['Organisation', 'Cluster', 'Region', 'ValueChainStage', 'Source', 'RegionClaim']) {
      expect(names).toContain(label);
    }
  });

  it.each(types.map(({ type, around }) => [type.name, type, around] as const))(
    'every field of %s alone, prefetched, answers as with nothing prefetched',
    async (_name, type, around) => {
      for (const field of selectable(type)) await answersAsAlone(around, [plainSelection(field)]);
    },
  );

  it('random sets of fields, with random selections under them, answer as each alone', async () => {
    const arbitrary = fc.constantFrom(...types).chain(({ type, around }) =>
      fc
        .subarray(selectable(type), { minLength: 1, maxLength: Math.min(5, selectable(type).length) })
        .chain((fields) => fc.tuple(...fields.map((field) => randomSelection(field, 0))))
        .map((selections) => ({ around, selections })),
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, ({ around, selections }) => answersAsAlone(around, selections)),
      { numRuns: 40 },
    );
  });
});
