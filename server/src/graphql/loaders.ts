import DataLoader from 'dataloader';
import type { Context } from './context.ts';

const loadersByRequest = new WeakMap<Context, Map<string, DataLoader<string, unknown>>>();

/**
 * One DataLoader per request and key: every resolver of a field asking for the same batch in
 * the same tick shares one database round trip, however many parents the list has.
 */
export function requestLoader<V>(
  ctx: Context,
  key: string,
  batch: (ids: readonly string[]) => Promise<V[]>,
): DataLoader<string, V> {
  let loaders = loadersByRequest.get(ctx);
  if (!loaders) {
    loaders = new Map();
    loadersByRequest.set(ctx, loaders);
  }
  let loader = loaders.get(key) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(batch, { maxBatchSize: 1000 });
    loaders.set(key, loader as DataLoader<string, unknown>);
  }
  return loader;
}
