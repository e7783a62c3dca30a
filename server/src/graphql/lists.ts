import type { NodeLabel, NodeRow } from '@clustergraph/schema';
import type { ObjectRef } from '@pothos/core';
import { type ListFilter, type ListOrder, listPage, unknownCodes } from '../db/repositories/lists.ts';
import { builder, type Types } from './builder.ts';
import type { Context } from './context.ts';
import { BadInputError } from './errors.ts';
import { type ConnectionResult, type Edge, pageWindow, toConnection } from './paging.ts';

/** Nullable scalar fields an edge carries from its relationship, read off the edge by name. */
export type EdgeFields = Readonly<Record<string, { type: 'String' | 'Float'; description?: string }>>;

/** `<Name>Connection` with `totalCount`, and `<Name>Edge` with the given edge fields. */
export function connectionOf<T>(ref: ObjectRef<Types, T>, name: string, edgeFields: EdgeFields = {}) {
  return builder.connectionObject(
    {
      type: ref,
      name: `${name}Connection`,
      fields: (t) => ({
        totalCount: t.int({
          description: 'How many nodes match, over all pages.',
          resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
        }),
      }),
    },
    {
      name: `${name}Edge`,
      fields: (t) =>
        Object.fromEntries(
          Object.entries(edgeFields).map(([field, { type, description }]) => [
            field,
            t.field({
              type,
              nullable: true,
              description,
              resolve: (edge) => ((edge as Record<string, unknown>)[field] ?? null) as never,
            }),
          ]),
        ),
    },
  );
}

export type OrderTable = Readonly<Record<string, ListOrder>>;

/** An `<Type>OrderBy` enum: each value names a property and direction, RELEVANCE for search. */
export function orderEnum(name: string, orders: OrderTable) {
  const ref = builder.enumType(name, {
    description: `How a list is sorted. RELEVANCE ranks by the search text, when there is one.`,
    values: Object.keys(orders),
  });
  return { ref, orders };
}

/** Checks the region and sector codes of a filter exist, naming the field path when one does not. */
export async function validateFilterCodes(ctx: Context, filter: ListFilter, path: string): Promise<void> {
  const regionCodes = filter.regionCodes ?? [];
  const sectorCodes = filter.sectorCodes ?? [];
  if (regionCodes.length === 0 && sectorCodes.length === 0) return;
  const unknown = await unknownCodes(ctx.db, { regionCodes, sectorCodes });
  if (unknown.regionCodes.length > 0) {
    throw new BadInputError(
      `${path}.regionCodes`,
      `unknown region code(s) ${unknown.regionCodes.join(', ')}`,
    );
  }
  if (unknown.sectorCodes.length > 0) {
    throw new BadInputError(
      `${path}.sectorCodes`,
      `unknown sector code(s) ${unknown.sectorCodes.join(', ')}`,
    );
  }
}

export async function resolveRootList<L extends NodeLabel>(
  ctx: Context,
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
  await validateFilterCodes(ctx, filter, 'filter');
  const chosen = args.orderBy ? orders[args.orderBy] : undefined;
  const order = chosen ?? (filter.search ? 'RELEVANCE' : defaultOrder);
  const { total, rows } = await listPage(ctx.db, { label, filter, order, ...window });
  return toConnection(window, total, rows, (node, cursor) => ({ node, cursor }));
}

/** Complexity of a paged field: its page size times what each node asks for. */
export function pagedComplexity(args: { first?: number | null }) {
  return { field: 1, multiplier: Math.max(1, args.first ?? 20) };
}
