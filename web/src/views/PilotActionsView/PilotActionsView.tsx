import { EntityLink } from '../../components/EntityLink.tsx';
import { type Column, EntityList, nameColumn } from '../../components/EntityList.tsx';
import { SearchFilter, SortFilter, SyntheticToggle } from '../../components/Filters.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { formatMoney, formatPeriod, humanize } from '../../format.ts';
import { graphql } from '../../gql';
import type { PilotActionFilter, PilotActionOrderBy, PilotActionsQueryQuery } from '../../gql/graphql.ts';
import { LIST_PAGE_SIZE, listFilterDefaults, orderFor, syntheticFilter } from '../../hooks/list-filters.ts';
import { useListQuery } from '../../hooks/useListQuery.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';

const PilotActionsQuery = graphql(`
  query PilotActionsQuery($first: Int!, $after: String, $filter: PilotActionFilter, $orderBy: PilotActionOrderBy) {
    pilotActions(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
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
          title
          level
          startDate
          endDate
          budgetAmount
          budgetCurrency
          synthetic
          programme {
            id
            key
            name
          }
        }
      }
    }
    ...RegionSelect_query
  }
`);

type Row = PilotActionsQueryQuery['pilotActions']['edges'][number]['node'];

const ORDERS: { value: PilotActionOrderBy; text: string }[] = [
  { value: 'TITLE_ASC', text: 'Title, A to Z' },
  { value: 'RELEVANCE', text: 'Best match to the search' },
];
const defaults = { ...listFilterDefaults, sort: '' };

const columns: Column<Row>[] = [
  nameColumn('Pilot action', 'PilotAction', (row) => row.title),
  { header: 'Level', cell: (row) => humanize(row.level), csv: (row) => row.level },
  {
    header: 'Period',
    cell: (row) => formatPeriod(row.startDate, row.endDate) ?? '—',
    csv: (row) => formatPeriod(row.startDate, row.endDate),
  },
  {
    header: 'Budget',
    numeric: true,
    cell: (row) => (row.budgetAmount == null ? '—' : formatMoney(row.budgetAmount, row.budgetCurrency)),
    csv: (row) =>
      row.budgetAmount == null ? null : `${row.budgetAmount} ${row.budgetCurrency ?? ''}`.trim(),
  },
  {
    header: 'Programme',
    cell: (row) =>
      row.programme ? (
        <EntityLink label="Programme" entityKey={row.programme.key}>
          {row.programme.name}
        </EntityLink>
      ) : (
        '—'
      ),
    csv: (row) => row.programme?.name,
  },
];

export function PilotActionsView() {
  const [filters, setFilters] = useUrlFilters(defaults);
  const filter: PilotActionFilter = { ...syntheticFilter(filters.synthetic) };
  if (filters.q) filter.search = filters.q;
  if (filters.region) filter.regionCodes = [filters.region];
  const orderBy = orderFor<PilotActionOrderBy>(filters.sort, filters.q, 'TITLE_ASC');
  const list = useListQuery(
    PilotActionsQuery,
    { first: LIST_PAGE_SIZE, filter, orderBy },
    (data) => data.pilotActions,
  );
  return (
    <EntityList
      label="PilotAction"
      lede="Pilot actions for companies and for regional policy, with the needs they address."
      columns={columns}
      list={list}
      curatedOnly={filters.synthetic !== 'include'}
      toolbar={
        <>
          <SearchFilter value={filters.q} onChange={(q) => setFilters({ q })} placeholder="Title…" />
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
