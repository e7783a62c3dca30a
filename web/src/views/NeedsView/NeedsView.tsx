import { NEED_KINDS } from '@clustergraph/schema';
import { type Column, EntityList, nameColumn } from '../../components/EntityList.tsx';
import {
  enumOptions,
  SearchFilter,
  SelectFilter,
  SortFilter,
  SyntheticToggle,
} from '../../components/Filters.tsx';
import { RegionCell } from '../../components/RegionCell.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { formatCount, humanize } from '../../format.ts';
import { graphql } from '../../gql';
import type { NeedFilter, NeedKind, NeedOrderBy, NeedsQueryQuery } from '../../gql/graphql.ts';
import { LIST_PAGE_SIZE, listFilterDefaults, orderFor, syntheticFilter } from '../../hooks/list-filters.ts';
import { useListQuery } from '../../hooks/useListQuery.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';

const NeedsQuery = graphql(`
  query NeedsQuery($first: Int!, $after: String, $filter: NeedFilter, $orderBy: NeedOrderBy) {
    needs(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
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
          text
          kind
          synthetic
          region {
            code
            ...RegionClaims_region
          }
          locatedIn {
            region {
              code
            }
            ...RegionCell_claims
          }
          addressedBy {
            id
          }
        }
      }
    }
    ...RegionSelect_query
  }
`);

type Row = NeedsQueryQuery['needs']['edges'][number]['node'];

const ORDERS: { value: NeedOrderBy; text: string }[] = [
  { value: 'TEXT_ASC', text: 'Text, A to Z' },
  { value: 'RELEVANCE', text: 'Best match to the search' },
];
const defaults = { ...listFilterDefaults, kind: '', sort: '' };

const columns: Column<Row>[] = [
  nameColumn('Need', 'Need', (row) => row.text),
  { header: 'Kind', cell: (row) => humanize(row.kind), csv: (row) => row.kind },
  {
    header: 'Region',
    cell: (row) => <RegionCell region={row.region} claims={row.locatedIn} />,
    csv: (row) => row.locatedIn.map((claim) => claim.region.code).join(' '),
  },
  {
    header: 'Pilot actions',
    title: 'Pilot actions addressing it',
    numeric: true,
    cell: (row) => formatCount(row.addressedBy.length),
    csv: (row) => row.addressedBy.length,
  },
];

export function NeedsView() {
  const [filters, setFilters] = useUrlFilters(defaults);
  const filter: NeedFilter = { ...syntheticFilter(filters.synthetic) };
  if (filters.q) filter.search = filters.q;
  if (filters.region) filter.regionCodes = [filters.region];
  if (filters.kind) filter.kinds = [filters.kind as NeedKind];
  const orderBy = orderFor<NeedOrderBy>(filters.sort, filters.q, 'TEXT_ASC');
  const list = useListQuery(NeedsQuery, { first: LIST_PAGE_SIZE, filter, orderBy }, (data) => data.needs);
  return (
    <EntityList
      label="Need"
      lede="Needs, gaps and opportunities the partnerships identified, and the pilot actions that answer them."
      columns={columns}
      list={list}
      curatedOnly={filters.synthetic !== 'include'}
      toolbar={
        <>
          <SearchFilter
            value={filters.q}
            onChange={(q) => setFilters({ q })}
            placeholder="Words of the need…"
          />
          <SelectFilter
            label="Kind"
            value={filters.kind}
            options={enumOptions(NEED_KINDS)}
            onChange={(kind) => setFilters({ kind })}
            testId="kind-filter"
          />
          <RegionSelect
            query={list.data}
            value={filters.region}
            onChange={(region) => setFilters({ region })}
          />
          <SortFilter value={orderBy} options={ORDERS} onChange={(sort) => setFilters({ sort })} />
          <SyntheticToggle value={filters.synthetic} onChange={(synthetic) => setFilters({ synthetic })} />
        </>
      }
    />
  );
}
