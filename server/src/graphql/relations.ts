import type { NodeLabel, NodeRow } from '@clustergraph/schema';
import { type Hop, type PageWindow, type RelatedPage, relatedPages } from '../db/repositories/relations.ts';
import type { Context } from './context.ts';
import { requestLoader } from './loaders.ts';
import { type ConnectionResult, type PageArgs, pageWindow, toConnection } from './paging.ts';

/**
 * Related nodes of one parent, batched with every other parent asking for the same hop and
 * window in this request: a list of 100 clusters costs one round trip for their members.
 */
export function loadRelated<L extends NodeLabel>(
  ctx: Context,
  hop: Hop & { to: L },
  parentId: string,
  window: PageWindow = null,
): Promise<RelatedPage<L>> {
  const key = `related:${JSON.stringify(hop)}:${window ? `${window.offset}+${window.limit}` : 'all'}`;
  return requestLoader<RelatedPage<L>>(ctx, key, (ids) => relatedPages(ctx.db, hop, ids, window)).load(
    parentId,
  );
}

export async function relatedNodes<L extends NodeLabel>(
  ctx: Context,
  hop: Hop & { to: L },
  parentId: string,
): Promise<NodeRow<L>[]> {
  const page = await loadRelated(ctx, hop, parentId);
  return page.items.map((item) => item.node);
}

/** The single related node, or null when there is none. */
export async function relatedNode<L extends NodeLabel>(
  ctx: Context,
  hop: Hop & { to: L },
  parentId: string,
): Promise<NodeRow<L> | null> {
  const page = await loadRelated(ctx, hop, parentId);
  return page.items[0]?.node ?? null;
}

/**
 * A page of related nodes as a Relay connection; `edge` adds what the relationship carries
 * (a member's role, a participant's contribution). `field` names the field in errors.
 */
export async function relatedConnection<L extends NodeLabel, Extra extends object>(
  ctx: Context,
  hop: Hop & { to: L },
  parentId: string,
  args: PageArgs,
  field: string,
  edge: (rel: Record<string, unknown>) => Extra,
): Promise<ConnectionResult<{ cursor: string; node: NodeRow<L> } & Extra>> {
  const window = pageWindow(args, `${field}.`);
  const page = await loadRelated(ctx, hop, parentId, window);
  return toConnection(window, page.total, page.items, (item, cursor) => ({
    cursor,
    node: item.node,
    ...edge(item.rel),
  }));
}
