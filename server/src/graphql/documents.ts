import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Yoga's caches of parsed documents and of parse errors, bounded to the `size` documents used
 * last. Each validation result and compiled query is held by its parsed document (WeakMaps in
 * Yoga and @envelop/graphql-jit), so this one bound holds them all.
 */
export function documentCaches(size: number) {
  return {
    documentCache: new LRUCache<string, DocumentNode>({ max: size }),
    errorCache: new LRUCache<string, object>({ max: size }),
  };
}

/**
 * graphql-jit's `enableIf`: compile a document once it runs a second time. A document seen once
 * (arguments written into it as literals make most of them new) runs in graphql-js, which costs
 * it less than compiling would, and leaves no compiled function behind: compiling every new
 * document held about 170 KB each for a search and kept the process's memory growing
 * (`pnpm bench:soak`).
 */
export function compileWhenRepeated(): (args: { document: DocumentNode }) => boolean {
  const runs = new WeakMap<DocumentNode, number>();
  return ({ document }) => {
    const seen = (runs.get(document) ?? 0) + 1;
    runs.set(document, seen);
    return seen >= 2;
  };
}
