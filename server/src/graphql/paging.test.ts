import { describe, expect, it } from 'vitest';
import { offsetToCursor, pageWindow, toConnection } from './paging.ts';

describe('paging', () => {
  it('turns first/after into a window', () => {
    expect(pageWindow({})).toEqual({ offset: 0, limit: 20 });
    expect(pageWindow({ first: 5, after: offsetToCursor(9) })).toEqual({ offset: 10, limit: 5 });
  });

  it.each([
    [{ first: 101 }, 'first'],
    [{ first: -1 }, 'first'],
    [{ after: 'nope' }, 'after'],
  ])('refuses %j naming %s', (args, argument) => {
    expect(() => pageWindow(args)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ argument }) }),
    );
  });

  it('reports the page in the whole list', () => {
    const connection = toConnection({ offset: 2, limit: 2 }, 5, ['c', 'd'], (node, cursor) => ({
      node,
      cursor,
    }));
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: offsetToCursor(2),
      endCursor: offsetToCursor(3),
    });
    expect(connection.totalCount).toBe(5);
  });
});
