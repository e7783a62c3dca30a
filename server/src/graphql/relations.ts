import type { NodeLabel, NodeRow } from '@clustergraph/schema';
import { PREFETCHED, type Row } from '../db/repositories/projection.ts';
import {
  type Hop,
  hopKey,
  type PageWindow,
  type RelatedPage,
  relatedPages,
} from '../db/repositories/relations.ts';
import type { Context } from './context.ts';
import { requestLoader } from './loaders.ts';
import { type ConnectionResult, type PageArgs, pageWindow, toConnection } from './paging.ts';
import { readsVia } from './reads.ts';

/**
 * Related nodes of one parent: those its statement prefetched when the query asked for them
 * (lookahead.ts), else batched with every other parent asking for the same hop and window in
 * this request, so a list of 100 clusters costs one round trip for their members.
 */
export function loadRelated<L extends NodeLabel>(
  ctx: Context,
  hop: Hop & { to: L },
  parent: Row,
  window: PageWindow = null,
): MaybePromise<RelatedPage<L>> {
  const key = hopKey(hop, window);
  const prefetched = parent[PREFETCHED]?.get(key) as RelatedPage<L> | undefined;
  if (prefetched) return prefetched;
  return requestLoader<RelatedPage<L>>(ctx, `related:${key}`, (ids) =>
    relatedPages(ctx.db, hop, ids, window),
  ).load(parent.id);
}

export type MaybePromise<T> = T | Promise<T>;

/**
 * `then` without a promise when the value is already here: a page of 20 clusters has about a
 * hundred relation fields, prefetched, that need no microtask each.
 */
export function whenLoaded<T, R>(value: MaybePromise<T>, next: (value: T) => R): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

export function relatedNodes<L extends NodeLabel>(
  ctx: Context,
  hop: Hop & { to: L },
  parent: Row,
): MaybePromise<NodeRow<L>[]> {
  return whenLoaded(loadRelated(ctx, hop, parent), (page) => page.items.map((item) => item.node));
}

/** The single related node, or null when there is none. */
export function relatedNode<L extends NodeLabel>(
  ctx: Context,
  hop: Hop & { to: L },
  parent: Row,
): MaybePromise<NodeRow<L> | null> {
  return whenLoaded(loadRelated(ctx, hop, parent), (page) => page.items[0]?.node ?? null);
}

/**
 * A page of related nodes as a Relay connection, each edge carrying its relationship's
 * properties (a member's role) for the edge fields. `field` names the field in errors.
 */
export function relatedConnection<L extends NodeLabel>(
  ctx: Context,
  hop: Hop & { to: L },
  parent: Row,
  args: PageArgs,
  field: string,
): MaybePromise<ConnectionResult<{ cursor: string; node: NodeRow<L>; rel: Record<string, unknown> }>> {
  const window = pageWindow(args, `${field}.`);
  return whenLoaded(loadRelated(ctx, hop, parent, window), (page) =>
    toConnection(window, page.total, page.items, (item, cursor) => ({
      cursor,
      node: item.node,
      rel: item.rel,
    })),
  );
}

type HopFrom<F extends NodeLabel, L extends NodeLabel> = Hop & { from: F; to: L };

/**
 * Options of a field listing the nodes one hop away, in display order: `...nodesVia(hop)`. They
 * declare the hop as what the field reads (reads.ts), so the planner can prefetch it.
 */
export function nodesVia<F extends NodeLabel, L extends NodeLabel>(hop: HopFrom<F, L>) {
  return {
    extensions: readsVia([{ hop, shape: 'nodes' }]),
    resolve: (row: NodeRow<F>, _args: unknown, ctx: Context) => relatedNodes(ctx, hop, row),
  };
}

/** Options of a field giving the first node one hop away, or null. */
export function nodeVia<F extends NodeLabel, L extends NodeLabel>(hop: HopFrom<F, L>) {
  return {
    extensions: readsVia([{ hop, shape: 'one' }]),
    resolve: (row: NodeRow<F>, _args: unknown, ctx: Context) => relatedNode(ctx, hop, row),
  };
}

/** Options of a connection field over one hop; `field` names it in errors. */
export function pageVia<F extends NodeLabel, L extends NodeLabel>(hop: HopFrom<F, L>, field: string) {
  return {
    extensions: readsVia([{ hop, shape: 'page' }]),
    resolve: (row: NodeRow<F>, args: PageArgs, ctx: Context) => relatedConnection(ctx, hop, row, args, field),
  };
}
