import type { NameOrderBy } from '../gql/graphql.ts';

/** Rows per page of every list; "load more" adds as many again. */
export const LIST_PAGE_SIZE = 20;

/** The query-string filters every list has: a search text and the origin of its data. */
export const listFilterDefaults = { q: '', region: '', synthetic: '' };

/** The order chosen, else by relevance while searching, else the list's natural order. */
export function orderFor<Order extends string>(chosen: string, search: string, natural: Order): Order {
  return (chosen || (search ? 'RELEVANCE' : natural)) as Order;
}

/** Curated facts only unless asked: generated benchmark data would drown them. */
export const syntheticFilter = (value: string) => (value === 'include' ? {} : { synthetic: false });

/** The orders of the lists sorted by name only. */
export const NAME_ORDERS: { value: NameOrderBy; text: string }[] = [
  { value: 'NAME_ASC', text: 'Name, A to Z' },
  { value: 'NAME_DESC', text: 'Name, Z to A' },
  { value: 'RELEVANCE', text: 'Best match to the search' },
];
