import { EntityLink } from '../../components/EntityLink.tsx';
import { type Column, EntityList } from '../../components/EntityList.tsx';
import { SearchFilter, SortFilter, SyntheticToggle } from '../../components/Filters.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { SectorChips } from '../../components/SectorChips.tsx';
import { SectorSelect } from '../../components/SectorSelect.tsx';
import { formatCount, formatMoney, formatPeriod } from '../../format.ts';
import { graphql } from '../../gql';
import type { ProjectFilter, ProjectOrderBy, ProjectsQueryQuery } from '../../gql/graphql.ts';
import { LIST_PAGE_SIZE, listFilterDefaults, orderFor, syntheticFilter } from '../../hooks/list-filters.ts';
import { useListQuery } from '../../hooks/useListQuery.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';

const ProjectsQuery = graphql(`
  query ProjectsQuery($first: Int!, $after: String, $filter: ProjectFilter, $orderBy: ProjectOrderBy) {
    projects(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
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
          title
          acronym
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
          coordinator {
            id
            key
            name
          }
          sectors {
            name
            ...SectorChips_sectors
          }
          participantCount: participants(first: 0) {
            totalCount
          }
        }
      }
    }
    ...RegionSelect_query
    ...SectorSelect_query
  }
`);

type Row = ProjectsQueryQuery['projects']['edges'][number]['node'];

const ORDERS: { value: ProjectOrderBy; text: string }[] = [
  { value: 'TITLE_ASC', text: 'Title, A to Z' },
  { value: 'CODE_ASC', text: 'Code' },
  { value: 'START_DATE_DESC', text: 'Newest first' },
  { value: 'START_DATE_ASC', text: 'Oldest first' },
  { value: 'RELEVANCE', text: 'Best match to the search' },
];

const defaults = { ...listFilterDefaults, sector: '', sort: '' };

const columns: Column<Row>[] = [
  {
    header: 'Project',
    cell: (row) => (
      <>
        {row.acronym && row.acronym !== row.title && (
          <span className="acronym acronym--lead">{row.acronym}</span>
        )}
        <EntityLink label="Project" entityKey={row.key} testId="row-name">
          {row.title}
        </EntityLink>
        {row.synthetic && <span className="badge badge--synthetic">synthetic</span>}
      </>
    ),
    csv: (row) => row.title,
  },
  { header: 'Code', cell: (row) => row.code, csv: (row) => row.code },
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
  {
    header: 'Coordinator',
    cell: (row) =>
      row.coordinator ? (
        <EntityLink label="Organisation" entityKey={row.coordinator.key}>
          {row.coordinator.name}
        </EntityLink>
      ) : (
        '—'
      ),
    csv: (row) => row.coordinator?.name,
  },
  {
    header: 'Sectors',
    cell: (row) => <SectorChips sectors={row.sectors} />,
    csv: (row) => row.sectors.map((s) => s.name).join('; '),
  },
  {
    header: 'Participants',
    numeric: true,
    cell: (row) => formatCount(row.participantCount.totalCount),
    csv: (row) => row.participantCount.totalCount,
  },
];

export function ProjectsView() {
  const [filters, setFilters] = useUrlFilters(defaults);
  const filter: ProjectFilter = { ...syntheticFilter(filters.synthetic) };
  if (filters.q) filter.search = filters.q;
  if (filters.region) filter.regionCodes = [filters.region];
  if (filters.sector) filter.sectorCodes = [filters.sector];
  const orderBy = orderFor<ProjectOrderBy>(filters.sort, filters.q, 'TITLE_ASC');
  const list = useListQuery(
    ProjectsQuery,
    { first: LIST_PAGE_SIZE, filter, orderBy },
    (data) => data.projects,
  );
  return (
    <EntityList
      label="Project"
      lede="Funded projects with their programmes, coordinators and participants."
      columns={columns}
      list={list}
      curatedOnly={filters.synthetic !== 'include'}
      toolbar={
        <>
          <SearchFilter
            value={filters.q}
            onChange={(q) => setFilters({ q })}
            placeholder="Title, acronym or code…"
          />
          <RegionSelect
            query={list.data}
            value={filters.region}
            onChange={(region) => setFilters({ region })}
          />
          <SectorSelect
            query={list.data}
            value={filters.sector}
            onChange={(sector) => setFilters({ sector })}
          />
          <SortFilter value={orderBy} options={ORDERS} onChange={(sort) => setFilters({ sort })} />
          <SyntheticToggle value={filters.synthetic} onChange={(synthetic) => setFilters({ synthetic })} />
        </>
      }
    />
  );
}
