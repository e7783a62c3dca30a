import type { NodeLabel, NodeRow } from '@clustergraph/schema';
import type { ObjectRef } from '@pothos/core';
import type { GraphQLResolveInfo } from 'graphql';
import { type ListFilter, type ListOrder, type ListPage, listPage } from '../db/repositories/lists.ts';
import { searchTextProblem } from '../db/repositories/search.ts';
import { builder, type Types } from './builder.ts';
import type { Context } from './context.ts';
import { BadInputError } from './errors.ts';
import { planOfConnection } from './lookahead.ts';
import { type ConnectionResult, type Edge, pageWindow, toConnection } from './paging.ts';
import { reads } from './reads.ts';
import { SourceRef } from './refs.ts';
import { relationshipSourceIds, sourcesByIds } from './sources.ts';

/** Nullable scalar fields an edge carries: the relationship's properties of the same names. */
export type EdgeFields = Readonly<
  Record<
    string,
    { type: 'String' | 'Float' | 'Int'; description?: string; nullable?: false; fallback?: number }
  >
>;

/**
 * `<Name>Connection` with `totalCount`, and `<Name>Edge` with the given edge fields. An edge of a
 * relationship (`{ relationship: true }`: a page over a hop) also has the relationship's `sources`.
 */
export function connectionOf<T>(
  ref: ObjectRef<Types, T>,
  name: string,
  edgeFields: EdgeFields = {},
  { relationship = false }: { relationship?: boolean } = {},
) {
  return builder.connectionObject(
    {
      type: ref,
      name: `${name}Connection`,
      extensions: { readPlan: 'connection' },
      fields: (t) => ({
        totalCount: t.int({
          description: 'How many nodes match, over all pages.',
          resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
        }),
      }),
    },
    {
      name: `${name}Edge`,
      extensions: { readPlan: 'edge' },
      fields: (t) => ({
        ...Object.fromEntries(
          Object.entries(edgeFields).map(([field, { type, description, nullable, fallback }]) => [
            field,
            t.field({
              type,
              nullable: nullable ?? true,
              description,
              extensions: reads(field),
              resolve: (edge) => ((edge as RelationshipEdge).rel?.[field] ?? fallback ?? null) as never,
            }),
          ]),
        ),
        ...(relationship
          ? {
              sources: t.field({
                type: [SourceRef],
                description:
                  'The documents and sections that state this relationship, as a node’s `sources`.',
                extensions: reads('sources'),
                resolve: (edge, _args, ctx) =>
                  sourcesByIds(ctx, relationshipSourceIds((edge as RelationshipEdge).rel)),
              }),
            }
          : {}),
      }),
    },
  );
}

type RelationshipEdge = { rel?: Record<string, unknown> };

export type OrderTable = Readonly<Record<string, ListOrder>>;

/** An `<Type>OrderBy` enum: each value names a property and direction, RELEVANCE for search. */
export function orderEnum(name: string, orders: OrderTable) {
  const ref = builder.enumType(name, {
    description: `How a list is sorted. RELEVANCE ranks by the search text, when there is one.`,
    values: Object.keys(orders),
  });
  return { ref, orders };
}

/** Refuses region and sector codes of a filter that nothing has, naming the field. */
function rejectUnknownCodes(
  page: Pick<ListPage<NodeLabel>, 'unknownRegionCodes' | 'unknownSectorCodes'>,
): void {
  if (page.unknownRegionCodes.length > 0) {
    throw new BadInputError(
      'filter.regionCodes',
      `unknown region code(s) ${page.unknownRegionCodes.join(', ')}`,
    );
  }
  if (page.unknownSectorCodes.length > 0) {
    throw new BadInputError(
      'filter.sectorCodes',
      `unknown sector code(s) ${page.unknownSectorCodes.join(', ')}`,
    );
  }
}

/** A root connection: one statement for the page, its total, the filter's codes and what its nodes read. */
export async function resolveRootList<L extends NodeLabel>(
  ctx: Context,
  info: GraphQLResolveInfo,
  label: L,
  args: {
    first?: number | null;
    after?: string | null;
    filter?: ListFilter | null;
    orderBy?: string | null;
  },
  orders: OrderTable,
  defaultOrder: ListOrder,
): Promise<ConnectionResult<Edge<NodeRow<L>>>> {
  const window = pageWindow(args);
  const filter = args.filter ?? {};
  const searchProblem = filter.search ? searchTextProblem(filter.search) : null;
  if (searchProblem) throw new BadInputError('filter.search', searchProblem);
  const chosen = args.orderBy ? orders[args.orderBy] : undefined;
  const order = chosen ?? (filter.search ? 'RELEVANCE' : defaultOrder);
  const page = await listPage(
    ctx.db,
    { label, filter, order, ...window },
    planOfConnection(ctx, info, label),
  );
  rejectUnknownCodes(page);
  return toConnection(window, page.total, page.rows, (node, cursor) => ({ node, cursor }));
}

/** Complexity of a paged field: its page size times what each node asks for. */
export function pagedComplexity(args: { first?: number | null }) {
  return { field: 1, multiplier: Math.max(1, args.first ?? 20) };
}
