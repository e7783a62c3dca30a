import { EntityLink } from '../../components/EntityLink.tsx';
import { type Column, EntityList } from '../../components/EntityList.tsx';
import { SearchFilter, SelectFilter, SortFilter } from '../../components/Filters.tsx';
import { formatCount } from '../../format.ts';
import { graphql } from '../../gql';
import type { RegionFilter, RegionOrderBy, RegionsQueryQuery } from '../../gql/graphql.ts';
import { LIST_PAGE_SIZE, orderFor } from '../../hooks/list-filters.ts';
import { useListQuery } from '../../hooks/useListQuery.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';

const RegionsQuery = graphql(`
  query RegionsQuery($first: Int!, $after: String, $filter: RegionFilter, $orderBy: RegionOrderBy) {
    regions(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
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
          level
          parent {
            id
            key
            code
          }
          clusters {
            id
          }
          organisations {
            id
          }
        }
      }
    }
  }
`);

type Row = RegionsQueryQuery['regions']['edges'][number]['node'];

const ORDERS: { value: RegionOrderBy; text: string }[] = [
  { value: 'CODE_ASC', text: 'Code' },
  { value: 'NAME_ASC', text: 'Name, A to Z' },
  { value: 'RELEVANCE', text: 'Best match to the search' },
];
const LEVELS = [
  { value: '0', text: 'Countries' },
  { value: '1', text: 'NUTS 1' },
  { value: '2', text: 'NUTS 2 (development regions)' },
  { value: '3', text: 'NUTS 3 (counties)' },
];
const defaults = { q: '', level: '', sort: '' };

const columns: Column<Row>[] = [
  { header: 'Code', cell: (row) => <code>{row.code}</code>, csv: (row) => row.code },
  {
    header: 'Region',
    cell: (row) => (
      <EntityLink label="Region" entityKey={row.key} testId="row-name">
        {row.name}
      </EntityLink>
    ),
    csv: (row) => row.name,
  },
  { header: 'Level', numeric: true, cell: (row) => row.level, csv: (row) => row.level },
  {
    header: 'Part of',
    cell: (row) =>
      row.parent ? (
        <EntityLink label="Region" entityKey={row.parent.key}>
          {row.parent.code}
        </EntityLink>
      ) : (
        '—'
      ),
    csv: (row) => row.parent?.code,
  },
  {
    header: 'Clusters',
    numeric: true,
    cell: (row) => formatCount(row.clusters.length),
    csv: (row) => row.clusters.length,
  },
  {
    header: 'Organisations',
    title: 'Located directly in the region',
    numeric: true,
    cell: (row) => formatCount(row.organisations.length),
    csv: (row) => row.organisations.length,
  },
];

export function RegionsView() {
  const [filters, setFilters] = useUrlFilters(defaults);
  const filter: RegionFilter = {};
  if (filters.q) filter.search = filters.q;
  if (filters.level) filter.levels = [Number(filters.level)];
  const orderBy = orderFor<RegionOrderBy>(filters.sort, filters.q, 'CODE_ASC');
  const list = useListQuery(RegionsQuery, { first: LIST_PAGE_SIZE, filter, orderBy }, (data) => data.regions);
  return (
    <EntityList
      label="Region"
      lede="NUTS territories: countries, macro-regions, development regions and counties, with what is located in them."
      columns={columns}
      list={list}
      curatedOnly={false}
      toolbar={
        <>
          <SearchFilter value={filters.q} onChange={(q) => setFilters({ q })} placeholder="Name or code…" />
          <SelectFilter
            label="Level"
            value={filters.level}
            options={LEVELS}
            onChange={(level) => setFilters({ level })}
            testId="level-filter"
          />
          <SortFilter value={orderBy} options={ORDERS} onChange={(sort) => setFilters({ sort })} />
        </>
      }
    />
  );
}
