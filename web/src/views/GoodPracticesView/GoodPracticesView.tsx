import { type Column, EntityList, nameColumn } from '../../components/EntityList.tsx';
import { SearchFilter, SortFilter, SyntheticToggle } from '../../components/Filters.tsx';
import { formatCount } from '../../format.ts';
import { graphql } from '../../gql';
import type { GoodPracticeFilter, GoodPracticesQueryQuery, NameOrderBy } from '../../gql/graphql.ts';
import { LIST_PAGE_SIZE, NAME_ORDERS, orderFor, syntheticFilter } from '../../hooks/list-filters.ts';
import { useListQuery } from '../../hooks/useListQuery.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';

const GoodPracticesQuery = graphql(`
  query GoodPracticesQuery($first: Int!, $after: String, $filter: GoodPracticeFilter, $orderBy: NameOrderBy) {
    goodPractices(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          key
          name
          serviceType
          synthetic
          originatesFrom {
            id
            name
          }
          testedBy {
            how
          }
        }
      }
    }
  }
`);

type Row = GoodPracticesQueryQuery['goodPractices']['edges'][number]['node'];
const defaults = { q: '', synthetic: '', sort: '' };

const columns: Column<Row>[] = [
  nameColumn('Good practice', 'GoodPractice', (row) => row.name),
  { header: 'Service type', cell: (row) => row.serviceType ?? '—', csv: (row) => row.serviceType },
  {
    header: 'Originates from',
    cell: (row) => row.originatesFrom.map((organisation) => organisation.name).join(', ') || '—',
    csv: (row) => row.originatesFrom.map((organisation) => organisation.name).join('; '),
  },
  {
    header: 'Tests',
    numeric: true,
    cell: (row) => formatCount(row.testedBy.length),
    csv: (row) => row.testedBy.length,
  },
];

export function GoodPracticesView() {
  const [filters, setFilters] = useUrlFilters(defaults);
  const filter: GoodPracticeFilter = { ...syntheticFilter(filters.synthetic) };
  if (filters.q) filter.search = filters.q;
  const orderBy = orderFor<NameOrderBy>(filters.sort, filters.q, 'NAME_ASC');
  const list = useListQuery(
    GoodPracticesQuery,
    { first: LIST_PAGE_SIZE, filter, orderBy },
    (data) => data.goodPractices,
  );
  return (
    <EntityList
      label="GoodPractice"
      lede="Good practices identified in projects, where they come from and who tested them."
      columns={columns}
      list={list}
      curatedOnly={filters.synthetic !== 'include'}
      toolbar={
        <>
          <SearchFilter value={filters.q} onChange={(q) => setFilters({ q })} placeholder="Name…" />
          <SortFilter value={orderBy} options={NAME_ORDERS} onChange={(sort) => setFilters({ sort })} />
          <SyntheticToggle value={filters.synthetic} onChange={(synthetic) => setFilters({ synthetic })} />
        </>
      }
    />
  );
}
