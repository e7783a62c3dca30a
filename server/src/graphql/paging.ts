import { BadInputError } from './errors.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const CURSOR_PREFIX = 'offset:';
/** Far past any list here, and below Neo4j's 32-bit SKIP/LIMIT arithmetic. */
const MAX_OFFSET = 1_000_000_000;

export function offsetToCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

function cursorToOffset(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) return null;
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  return Number.isInteger(offset) && offset >= 0 && offset < MAX_OFFSET ? offset : null;
}

export type PageArgs = { first?: number | null | undefined; after?: string | null | undefined };
export type Window = { offset: number; limit: number };

/** Validates `first` and `after` and turns them into an offset window. */
export function pageWindow(args: PageArgs, path = ''): Window {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new BadInputError(`${path}first`, `must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  let offset = 0;
  if (args.after) {
    const after = cursorToOffset(args.after);
    if (after === null)
      throw new BadInputError(`${path}after`, `"${args.after}" is not a cursor of this API`);
    offset = after + 1;
  }
  return { offset, limit: first };
}

export type Edge<T> = { cursor: string; node: T };
export type PageInfo = {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
};
export type ConnectionResult<E> = { totalCount: number; edges: E[]; pageInfo: PageInfo };

/** A page of items, and how they sit in the whole list, as a Relay connection. */
export function toConnection<T, E extends { cursor: string }>(
  window: Window,
  total: number,
  items: readonly T[],
  toEdge: (item: T, cursor: string) => E,
): ConnectionResult<E> {
  const edges = items.map((item, index) => toEdge(item, offsetToCursor(window.offset + index)));
  return {
    totalCount: total,
    edges,
    pageInfo: {
      hasNextPage: window.offset + items.length < total,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
