import { type Column, EntityList, nameColumn } from '../../components/EntityList.tsx';
import { SearchFilter, SortFilter, SyntheticToggle } from '../../components/Filters.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { formatCount, humanize } from '../../format.ts';
import { graphql } from '../../gql';
import type { NameOrderBy, PartnershipFilter, PartnershipsQueryQuery } from '../../gql/graphql.ts';
import {
  LIST_PAGE_SIZE,
  listFilterDefaults,
  NAME_ORDERS,
  orderFor,
  syntheticFilter,
} from '../../hooks/list-filters.ts';
import { useListQuery } from '../../hooks/useListQuery.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';

const PartnershipsQuery = graphql(`
  query PartnershipsQuery($first: Int!, $after: String, $filter: PartnershipFilter, $orderBy: NameOrderBy) {
    partnerships(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
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
          kind
          signedOn
          synthetic
          partners {
            id
          }
          clusters {
            id
          }
        }
      }
    }
    ...RegionSelect_query
  }
`);

type Row = PartnershipsQueryQuery['partnerships']['edges'][number]['node'];

const defaults = { ...listFilterDefaults, sort: '' };

const columns: Column<Row>[] = [
  nameColumn('Partnership', 'Partnership', (row) => row.name),
  { header: 'Kind', cell: (row) => humanize(row.kind), csv: (row) => row.kind },
  { header: 'Signed', cell: (row) => row.signedOn ?? '—', csv: (row) => row.signedOn },
  {
    header: 'Partners',
    numeric: true,
    cell: (row) => formatCount(row.partners.length),
    csv: (row) => row.partners.length,
  },
  {
    header: 'Clusters',
    numeric: true,
    cell: (row) => formatCount(row.clusters.length),
    csv: (row) => row.clusters.length,
  },
];

export function PartnershipsView() {
  const [filters, setFilters] = useUrlFilters(defaults);
  const filter: PartnershipFilter = { ...syntheticFilter(filters.synthetic) };
  if (filters.q) filter.search = filters.q;
  if (filters.region) filter.regionCodes = [filters.region];
  const orderBy = orderFor<NameOrderBy>(filters.sort, filters.q, 'NAME_ASC');
  const list = useListQuery(
    PartnershipsQuery,
    { first: LIST_PAGE_SIZE, filter, orderBy },
    (data) => data.partnerships,
  );
  return (
    <EntityList
      label="Partnership"
      lede="Protocols, networks, regional labs and consortia joining organisations and clusters."
      columns={columns}
      list={list}
      curatedOnly={filters.synthetic !== 'include'}
      toolbar={
        <>
          <SearchFilter value={filters.q} onChange={(q) => setFilters({ q })} placeholder="Name…" />
          <RegionSelect
            query={list.data}
            value={filters.region}
            onChange={(region) => setFilters({ region })}
          />
          <SortFilter value={orderBy} options={NAME_ORDERS} onChange={(sort) => setFilters({ sort })} />
          <SyntheticToggle value={filters.synthetic} onChange={(synthetic) => setFilters({ synthetic })} />
        </>
      }
    />
  );
}
