import { EntityLink } from '../../components/EntityLink.tsx';
import { type Column, EntityList } from '../../components/EntityList.tsx';
import { SearchFilter, SortFilter } from '../../components/Filters.tsx';
import { formatCount } from '../../format.ts';
import { graphql } from '../../gql';
import type { SectorOrderBy, SectorsQueryQuery } from '../../gql/graphql.ts';
import { LIST_PAGE_SIZE, orderFor } from '../../hooks/list-filters.ts';
import { useListQuery } from '../../hooks/useListQuery.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';

const SectorsQuery = graphql(`
  query SectorsQuery($first: Int!, $after: String, $filter: SectorFilter, $orderBy: SectorOrderBy) {
    sectors(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
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
          code
          name
          naceCodes
          clusters {
            id
          }
          valueChain {
            id
          }
        }
      }
    }
  }
`);

type Row = SectorsQueryQuery['sectors']['edges'][number]['node'];

const ORDERS: { value: SectorOrderBy; text: string }[] = [
  { value: 'NAME_ASC', text: 'Name, A to Z' },
  { value: 'CODE_ASC', text: 'Code' },
  { value: 'RELEVANCE', text: 'Best match to the search' },
];
const defaults = { q: '', sort: '' };

const columns: Column<Row>[] = [
  {
    header: 'Sector',
    cell: (row) => (
      <EntityLink label="Sector" entityKey={row.key} testId="row-name">
        {row.name}
      </EntityLink>
    ),
    csv: (row) => row.name,
  },
  { header: 'Code', cell: (row) => <code>{row.code}</code>, csv: (row) => row.code },
  { header: 'NACE', cell: (row) => row.naceCodes.join(', ') || '—', csv: (row) => row.naceCodes.join(' ') },
  {
    header: 'Stages',
    numeric: true,
    cell: (row) => formatCount(row.valueChain.length),
    csv: (row) => row.valueChain.length,
  },
  {
    header: 'Clusters',
    numeric: true,
    cell: (row) => formatCount(row.clusters.length),
    csv: (row) => row.clusters.length,
  },
];

export function SectorsView() {
  const [filters, setFilters] = useUrlFilters(defaults);
  const orderBy = orderFor<SectorOrderBy>(filters.sort, filters.q, 'NAME_ASC');
  const list = useListQuery(
    SectorsQuery,
    { first: LIST_PAGE_SIZE, filter: filters.q ? { search: filters.q } : {}, orderBy },
    (data) => data.sectors,
  );
  return (
    <EntityList
      label="Sector"
      lede="Sectors with their value chains: open one to see its stages and who provides them."
      columns={columns}
      list={list}
      curatedOnly={false}
      toolbar={
        <>
          <SearchFilter value={filters.q} onChange={(q) => setFilters({ q })} placeholder="Name or code…" />
          <SortFilter value={orderBy} options={ORDERS} onChange={(sort) => setFilters({ sort })} />
        </>
      }
    />
  );
}
