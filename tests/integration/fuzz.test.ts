import type { AddressInfo } from 'node:net';
import { createAppServer } from '@clustergraph/server/http';
import { createLogger } from '@clustergraph/server/logger';
import { schema } from '@clustergraph/server/schema';
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

/*
 * A schema-driven fuzz run over HTTP against the curated graph: documents made from the schema
 * itself (random root fields, arguments of each argument's type, selections, aliases, fragments,
 * variables), then broken at random (wrong literals, unknown fields, cut or shuffled tokens,
 * variables of the wrong type). Whatever comes in, the server answers as the client's fault or
 * with data: never a 5xx, never INTERNAL_SERVER_ERROR.
 */

const graph = useGraph();
/** Global ids and cursors of the graph, so ID arguments reach the resolvers, not only their checks. */
const knownIds: string[] = [];
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  await graph.reset();
  await graph.loadCurated();
  const app = createAppServer({
    db: graph.db,
    logger: createLogger('silent'),
    webDist: '/nonexistent-dashboard',
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  close = app.close;
  const { data } = await graph.graphql<{
    organisations: { edges: { cursor: string; node: { id: string } }[] };
    clusters: { edges: { cursor: string; node: { id: string } }[] };
    projects: { edges: { node: { id: string } }[] };
  }>(`{
    organisations(first: 5) { edges { cursor node { id } } }
    clusters(first: 5) { edges { cursor node { id } } }
    projects(first: 3) { edges { node { id } } }
  }`);
  for (const list of [data?.organisations, data?.clusters]) {
    for (const edge of list?.edges ?? []) knownIds.push(edge.node.id, edge.cursor);
  }
  for (const edge of data?.projects.edges ?? []) knownIds.push(edge.node.id);
  expect(knownIds.length).toBeGreaterThan(10);
});
afterAll(() => close?.());

type Field = GraphQLField<unknown, unknown>;

/** Values an analyst would type, and some a careless or hostile client would. */
const stringValue = fc.oneof(
  fc.constantFrom('RO21', 'RO', 'DE11', 'C13', 'iasi', 'textile', 'T.R.E.C.', '2.1', 'Wirtschaftsfoerderung'),
  fc.constantFrom('', ' ', '"', '\\', '%E0%A4%A', 'YXJyYXljb25uZWN0aW9uOjk5OTk5OTk5OTk5', 'Q2x1c3Rlcjpub25l'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const intValue = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 10 }), weight: 4 },
  { arbitrary: fc.integer({ min: -3, max: 120 }), weight: 1 },
  { arbitrary: fc.constantFrom(0, 100, 101, 2 ** 31 - 1, -(2 ** 31)), weight: 1 },
);
const floatValue = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 0.5, 1, -1),
);

/** A value of an input type, as a JavaScript value (for variables) that literalOf can write. */
function inputValue(type: GraphQLInputType, depth = 0, required = false): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return inputValue(type.ofType, depth, true);
  const nullable = (arbitrary: fc.Arbitrary<unknown>) =>
    required ? arbitrary : fc.oneof({ arbitrary, weight: 9 }, { arbitrary: fc.constant(null), weight: 1 });
  if (isListType(type)) return nullable(fc.array(inputValue(type.ofType, depth + 1), { maxLength: 3 }));
  if (isEnumType(type))
    return nullable(fc.constantFrom(...type.getValues().map((value) => ({ enum: value.name }))));
  if (isInputObjectType(type)) {
    if (depth > 2) return fc.constant(null);
    const fields = Object.values(type.getFields());
    return nullable(
      fc
        .subarray(fields)
        .chain((chosen) =>
          fc.tuple(
            ...[...new Set([...fields.filter((f) => isNonNullType(f.type)), ...chosen])].map((f) =>
              inputValue(f.type, depth + 1).map((value) => [f.name, value] as const),
            ),
          ),
        )
        .map((entries) => ({ object: Object.fromEntries(entries) })),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return nullable(intValue);
      case 'Float':
        return nullable(floatValue);
      case 'Boolean':
        return nullable(fc.boolean());
      case 'ID':
        return nullable(
          fc.oneof(
            { arbitrary: fc.nat().map((i) => knownIds[i % knownIds.length] ?? ''), weight: 4 },
            { arbitrary: stringValue, weight: 1 },
          ),
        );
      default:
        return nullable(stringValue);
    }
  }
  return fc.constant(null);
}

/** The value as a GraphQL literal. */
function literalOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(literalOf).join(', ')}]`;
  if (typeof value === 'object' && 'enum' in value) return String((value as { enum: string }).enum);
  if (typeof value === 'object' && 'object' in value) {
    const entries = Object.entries((value as { object: Record<string, unknown> }).object);
    return `{ ${entries.map(([key, inner]) => `${key}: ${literalOf(inner)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** The value as JSON variables carry it. */
function jsonOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonOf);
  if (value !== null && typeof value === 'object' && 'enum' in value) return (value as { enum: string }).enum;
  if (value !== null && typeof value === 'object' && 'object' in value) {
    return Object.fromEntries(
      Object.entries((value as { object: Record<string, unknown> }).object).map(([k, v]) => [k, jsonOf(v)]),
    );
  }
  return value;
}

/** Arguments of a field: every required one and a random subset of the others. */
function argumentsOf(field: Field): fc.Arbitrary<string> {
  if (field.args.length === 0) return fc.constant('');
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  return fc
    .subarray(field.args.filter((arg) => !isNonNullType(arg.type)))
    .chain((optional) =>
      fc.tuple(
        ...[...required, ...optional].map((arg: GraphQLArgument) =>
          inputValue(arg.type).map((value) => `${arg.name}: ${literalOf(value)}`),
        ),
      ),
    )
    .map((parts) => (parts.length > 0 ? `(${parts.join(', ')})` : ''));
}

/** Sometimes an alias, never the same for two siblings (that would be invalid on purpose). */
const alias = (position: number) => fc.option(fc.constant(`alias${position}`), { nil: undefined, freq: 4 });

/** A selection set for a type, down to `depth` more object levels. */
function selectionOf(type: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = schema.getPossibleTypes(type);
    if (depth <= 0 || possible.length === 0) return fc.constant('{ __typename }');
    return fc
      .subarray([...possible], { minLength: 1, maxLength: Math.min(2, possible.length) })
      .chain((types) =>
        fc.tuple(...types.map((t) => selectionOf(t, depth - 1).map((s) => `... on ${t.name} ${s}`))),
      )
      .map((parts) => `{ __typename ${parts.join(' ')} }`);
  }
  if (!isObjectType(type)) return fc.constant('');
  const fields = Object.values((type as GraphQLObjectType).getFields());
  const usable = depth <= 0 ? fields.filter((f) => isLeafType(getNamedType(f.type))) : fields;
  if (usable.length === 0) return fc.constant('{ __typename }');
  return fc
    .subarray(usable, { minLength: 1, maxLength: Math.min(4, usable.length) })
    .chain((chosen) => fc.tuple(...chosen.map((field, position) => fieldOf(field, depth, position))))
    .map((parts) => `{ ${parts.join(' ')} }`);
}

function fieldOf(field: Field, depth: number, position: number): fc.Arbitrary<string> {
  const named = getNamedType(field.type);
  return fc
    .tuple(
      alias(position),
      argumentsOf(field),
      isLeafType(named) ? fc.constant('') : selectionOf(named, depth - 1),
    )
    .map(([name, args, selection]) => `${name ? `${name}: ` : ''}${field.name}${args} ${selection}`);
}

const queryType = schema.getQueryType() as GraphQLObjectType;
const rootFields = Object.values(queryType.getFields());
const mutationFields = Object.values(schema.getMutationType()?.getFields() ?? {});

/** A mutation without credentials: refused as the client's fault, whatever its input. */
const mutationArbitrary = fc
  .constantFrom(...mutationFields)
  .chain((field) => fieldOf(field, 2, 0))
  .map((part) => `mutation Fuzz { ${part} }`);

/** A valid-looking document: one to three root fields, sometimes through a fragment; sometimes a mutation. */
const queryArbitrary = fc
  .tuple(
    fc.subarray(rootFields, { minLength: 1, maxLength: 3 }),
    fc.boolean(),
    fc.integer({ min: 1, max: 3 }),
  )
  .chain(([fields, asFragment, depth]) =>
    fc
      .tuple(...fields.map((field, position) => fieldOf(field, depth, position)))
      .map((parts) =>
        asFragment
          ? `query Fuzz { ...Roots }\nfragment Roots on Query { ${parts.join(' ')} }`
          : `query Fuzz { ${parts.join(' ')} }`,
      ),
  );
const documentArbitrary = fc.oneof(
  { arbitrary: queryArbitrary, weight: 9 },
  { arbitrary: mutationArbitrary, weight: mutationFields.length > 0 ? 1 : 0 },
);

/** A document with variables: one root field whose arguments come as variables, of any JSON. */
const withVariablesArbitrary = fc
  .constantFrom(...rootFields.filter((field) => field.args.length > 0))
  .chain((field) =>
    fc
      .tuple(
        fc.tuple(
          ...field.args.map((arg) =>
            fc.oneof(
              { arbitrary: inputValue(arg.type).map(jsonOf), weight: 3 },
              { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
            ),
          ),
        ),
        selectionOf(getNamedType(field.type), 1),
      )
      .map(([values, selection]) => {
        const named = getNamedType(field.type);
        return {
          query: `query Fuzz(${field.args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ')}) { ${field.name}(${field.args
            .map((arg) => `${arg.name}: $${arg.name}`)
            .join(', ')}) ${isLeafType(named) ? '' : selection} }`,
          variables: Object.fromEntries(field.args.map((arg, index) => [arg.name, values[index]])),
        };
      }),
  );

/** Breaks a document the ways a typo, a truncation or a hostile client would. */
const brokenArbitrary = documentArbitrary.chain((document) => {
  const tokens = document.split(/(\s+|[{}():,[\]])/).filter((token) => token !== '');
  return fc.oneof(
    fc.nat({ max: document.length }).map((cut) => document.slice(0, cut)),
    fc
      .nat({ max: tokens.length - 1 })
      .map((at) => [...tokens.slice(0, at), ...tokens.slice(at + 1)].join('')),
    fc
      .tuple(
        fc.nat({ max: tokens.length }),
        fc.constantFrom(
          '{',
          '}',
          '(',
          ')',
          '$x',
          '@skip',
          '...',
          '"',
          'unknownField',
          '"abc"',
          '1e999',
          'null',
          '#',
        ),
      )
      .map(([at, token]) => [...tokens.slice(0, at), ` ${token} `, ...tokens.slice(at)].join('')),
    fc
      .shuffledSubarray(tokens, { minLength: tokens.length, maxLength: tokens.length })
      .map((t) => t.join('')),
    fc.string({ maxLength: 200 }),
  );
});

type Answer = {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
};

async function send(
  request: { query: string; variables?: unknown },
  method: 'GET' | 'POST',
): Promise<Answer> {
  const response =
    method === 'POST'
      ? await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify(request),
        })
      : await fetch(
          `${base}/graphql?${new URLSearchParams({
            query: request.query,
            ...(request.variables === undefined ? {} : { variables: JSON.stringify(request.variables) }),
          })}`,
          { headers: { accept: 'application/graphql-response+json' } },
        );
  const text = await response.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    throw new Error(`HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
  }
  return { status: response.status, body };
}

/** The property: an answer, and the client's fault or data, never the server's. */
function expectNoServerFault(answer: Answer, request: unknown): void {
  const context = JSON.stringify(request).slice(0, 2_000);
  expect(answer.status, context).toBeLessThan(500);
  const codes = (answer.body.errors ?? []).map((error) => error.extensions?.code);
  expect(codes, `${context}\n${JSON.stringify(answer.body.errors?.slice(0, 3))}`).not.toContain(
    'INTERNAL_SERVER_ERROR',
  );
  expect(answer.body.data !== undefined || (answer.body.errors?.length ?? 0) > 0, context).toBe(true);
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);

describe('schema-driven fuzz: no 5xx, no INTERNAL_SERVER_ERROR', () => {
  it('documents made from the schema, over POST and GET', { timeout: 600_000 }, async () => {
    let answeredWithData = 0;
    await fc.assert(
      fc.asyncProperty(
        documentArbitrary,
        fc.constantFrom<'GET' | 'POST'>('POST', 'GET'),
        async (query, method) => {
          const answer = await send({ query }, method);
          expectNoServerFault(answer, { query, method });
          if (answer.body.data) answeredWithData += 1;
          else if (process.env.FUZZ_DEBUG) console.log(answer.body.errors?.[0]?.message);
        },
      ),
      { numRuns: RUNS },
    );
    // The generator reaches the resolvers, not only the validator.
    expect(answeredWithData).toBeGreaterThan(RUNS / 4);
  });

  it('arguments as variables of any JSON', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(withVariablesArbitrary, async (request) => {
        expectNoServerFault(await send(request, 'POST'), request);
      }),
      { numRuns: RUNS },
    );
  });

  it('broken documents', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(brokenArbitrary, async (query) => {
        expectNoServerFault(await send({ query }, 'POST'), { query });
      }),
      { numRuns: RUNS },
    );
  });
});
