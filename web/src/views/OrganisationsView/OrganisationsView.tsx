import { ORGANISATION_KINDS } from '@clustergraph/schema';
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
import { SectorChips } from '../../components/SectorChips.tsx';
import { SectorSelect } from '../../components/SectorSelect.tsx';
import { formatCount, humanize } from '../../format.ts';
import { graphql } from '../../gql';
import type {
  OrganisationFilter,
  OrganisationKind,
  OrganisationOrderBy,
  OrganisationsQueryQuery,
} from '../../gql/graphql.ts';
import { LIST_PAGE_SIZE, listFilterDefaults, orderFor, syntheticFilter } from '../../hooks/list-filters.ts';
import { useListQuery } from '../../hooks/useListQuery.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';

const OrganisationsQuery = graphql(`
  query OrganisationsQuery($first: Int!, $after: String, $filter: OrganisationFilter, $orderBy: OrganisationOrderBy) {
    organisations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
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
          kind
          country
          synthetic
          sectors {
            name
            ...SectorChips_sectors
          }
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
          clusters {
            id
          }
          projects {
            id
          }
        }
      }
    }
    ...RegionSelect_query
    ...SectorSelect_query
  }
`);

type Row = OrganisationsQueryQuery['organisations']['edges'][number]['node'];

const ORDERS: { value: OrganisationOrderBy; text: string }[] = [
  { value: 'NAME_ASC', text: 'Name, A to Z' },
  { value: 'NAME_DESC', text: 'Name, Z to A' },
  { value: 'RELEVANCE', text: 'Best match to the search' },
];

const defaults = { ...listFilterDefaults, sector: '', kind: '', sort: '' };

const columns: Column<Row>[] = [
  nameColumn('Organisation', 'Organisation', (row) => row.name),
  { header: 'Acronym', csv: (row) => row.acronym },
  { header: 'Kind', cell: (row) => humanize(row.kind), csv: (row) => row.kind },
  {
    header: 'Region',
    cell: (row) => <RegionCell region={row.region} claims={row.locatedIn} />,
    csv: (row) => row.locatedIn.map((claim) => claim.region.code).join(' '),
  },
  {
    header: 'Country',
    cell: (row) => row.country ?? <span className="muted">—</span>,
    csv: (row) => row.country,
  },
  {
    header: 'Sectors',
    cell: (row) => <SectorChips sectors={row.sectors} />,
    csv: (row) => row.sectors.map((sector) => sector.name).join('; '),
  },
  {
    header: 'Clusters',
    numeric: true,
    cell: (row) => formatCount(row.clusters.length),
    csv: (row) => row.clusters.length,
  },
  {
    header: 'Projects',
    numeric: true,
    cell: (row) => formatCount(row.projects.length),
    csv: (row) => row.projects.length,
  },
  {
    header: 'Origin',
    cell: (row) => (row.synthetic ? 'synthetic' : 'curated'),
    csv: (row) => (row.synthetic ? 'synthetic' : 'curated'),
  },
];

export function OrganisationsView() {
  const [filters, setFilters] = useUrlFilters(defaults);
  const filter: OrganisationFilter = { ...syntheticFilter(filters.synthetic) };
  if (filters.q) filter.search = filters.q;
  if (filters.region) filter.regionCodes = [filters.region];
  if (filters.sector) filter.sectorCodes = [filters.sector];
  if (filters.kind) filter.kinds = [filters.kind as OrganisationKind];
  const orderBy = orderFor<OrganisationOrderBy>(filters.sort, filters.q, 'NAME_ASC');
  const list = useListQuery(
    OrganisationsQuery,
    { first: LIST_PAGE_SIZE, filter, orderBy },
    (data) => data.organisations,
  );
  return (
    <EntityList
      label="Organisation"
      lede="Companies, universities, research institutes, public bodies, agencies, chambers and support organisations."
      columns={columns}
      list={list}
      curatedOnly={filters.synthetic !== 'include'}
      toolbar={
        <>
          <SearchFilter
            value={filters.q}
            onChange={(q) => setFilters({ q })}
            placeholder="Name, acronym or local name…"
          />
          <SelectFilter
            label="Kind"
            value={filters.kind}
            options={enumOptions(ORGANISATION_KINDS)}
            onChange={(kind) => setFilters({ kind })}
            testId="kind-filter"
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
