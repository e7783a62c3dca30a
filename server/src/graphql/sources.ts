import type { NodeRow } from '@clustergraph/schema';
import { nodesByIds } from '../db/repositories/nodes.ts';
import type { Context } from './context.ts';
import { requestLoader } from './loaders.ts';

/** The ids of the Sources a relationship cites (its `sources` property). */
export function relationshipSourceIds(rel: Record<string, unknown> | undefined): string[] {
  return (rel?.sources as string[] | null | undefined) ?? [];
}

/**
 * The Sources a relationship cites by id, one batch per request for every relationship shown,
 * in the order of a node's `sources` (by document, then id).
 */
export async function sourcesByIds(ctx: Context, ids: readonly string[]): Promise<NodeRow<'Source'>[]> {
  const loader = requestLoader(ctx, 'sources-by-id', (batch) => nodesByIds(ctx.db, 'Source', batch));
  const sources = await Promise.all([...new Set(ids)].map((id) => loader.load(id)));
  return sources
    .filter((source): source is NodeRow<'Source'> => source !== null)
    .sort((a, b) => compareText(a.document, b.document) || compareText(a.id, b.id));
}

const compareText = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
