import { EntityLink } from '../../components/EntityLink.tsx';
import { type Column, EntityList, nameColumn } from '../../components/EntityList.tsx';
import { SearchFilter, SortFilter } from '../../components/Filters.tsx';
import { formatCount } from '../../format.ts';
import { graphql } from '../../gql';
import type { ProgrammeOrderBy, ProgrammesQueryQuery } from '../../gql/graphql.ts';
import { LIST_PAGE_SIZE, orderFor } from '../../hooks/list-filters.ts';
import { useListQuery } from '../../hooks/useListQuery.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';

const ProgrammesQuery = graphql(`
  query ProgrammesQuery($first: Int!, $after: String, $filter: ProgrammeFilter, $orderBy: ProgrammeOrderBy) {
    programmes(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
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
          acronym
          synthetic
          parent {
            id
            key
            name
          }
          projectCount: projects(first: 0) {
            totalCount
          }
        }
      }
    }
  }
`);

type Row = ProgrammesQueryQuery['programmes']['edges'][number]['node'];

const ORDERS: { value: ProgrammeOrderBy; text: string }[] = [
  { value: 'NAME_ASC', text: 'Name, A to Z' },
  { value: 'RELEVANCE', text: 'Best match to the search' },
];
const defaults = { q: '', sort: '' };

const columns: Column<Row>[] = [
  nameColumn('Programme', 'Programme', (row) => row.name),
  { header: 'Acronym', csv: (row) => row.acronym },
  {
    header: 'Part of',
    cell: (row) =>
      row.parent ? (
        <EntityLink label="Programme" entityKey={row.parent.key}>
          {row.parent.name}
        </EntityLink>
      ) : (
        '—'
      ),
    csv: (row) => row.parent?.name,
  },
  {
    header: 'Projects',
    numeric: true,
    cell: (row) => formatCount(row.projectCount.totalCount),
    csv: (row) => row.projectCount.totalCount,
  },
];

export function ProgrammesView() {
  const [filters, setFilters] = useUrlFilters(defaults);
  const orderBy = orderFor<ProgrammeOrderBy>(filters.sort, filters.q, 'NAME_ASC');
  const list = useListQuery(
    ProgrammesQuery,
    { first: LIST_PAGE_SIZE, filter: filters.q ? { search: filters.q } : {}, orderBy },
    (data) => data.programmes,
  );
  return (
    <EntityList
      label="Programme"
      lede="Funding programmes and their subprogrammes, with the projects they fund."
      columns={columns}
      list={list}
      curatedOnly={false}
      toolbar={
        <>
          <SearchFilter
            value={filters.q}
            onChange={(q) => setFilters({ q })}
            placeholder="Name or acronym…"
          />
          <SortFilter value={orderBy} options={ORDERS} onChange={(sort) => setFilters({ sort })} />
        </>
      }
    />
  );
}
