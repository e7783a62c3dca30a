import { EntityLink } from '../../components/EntityLink.tsx';
import { type Column, EntityList } from '../../components/EntityList.tsx';
import { ExcellenceLabels } from '../../components/ExcellenceLabels.tsx';
import { SearchFilter, SortFilter, SyntheticToggle } from '../../components/Filters.tsx';
import { RegionCell } from '../../components/RegionCell.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { SectorChips } from '../../components/SectorChips.tsx';
import { SectorSelect } from '../../components/SectorSelect.tsx';
import { formatCount } from '../../format.ts';
import { graphql } from '../../gql';
import type {
  ClusterFilter,
  ClusterOrderBy,
  ClustersQueryQuery,
  ClustersQueryQueryVariables,
} from '../../gql/graphql.ts';
import { LIST_PAGE_SIZE, listFilterDefaults } from '../../hooks/list-filters.ts';
import { useListQuery } from '../../hooks/useListQuery.ts';
import { useUrlFilters } from '../../hooks/useUrlFilters.ts';

const ClustersQuery = graphql(`
  query ClustersQuery($first: Int!, $after: String, $filter: ClusterFilter, $orderBy: ClusterOrderBy) {
    clusters(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
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
          nameLocal
          acronym
          synthetic
          declaredMemberCount
          members(first: 0) {
            totalCount
          }
          sectors {
            name
            ...SectorChips_sectors
          }
          labels {
            level
            ...ExcellenceLabels_labels
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
        }
      }
    }
    ...RegionSelect_query
    ...SectorSelect_query
  }
`);

type ClusterNode = ClustersQueryQuery['clusters']['edges'][number]['node'];

const ORDERS: { value: ClusterOrderBy; text: string }[] = [
  { value: 'NAME_ASC', text: 'Name, A to Z' },
  { value: 'NAME_DESC', text: 'Name, Z to A' },
  { value: 'DECLARED_MEMBER_COUNT_DESC', text: 'Most declared members' },
  { value: 'RELEVANCE', text: 'Best match to the search' },
];

const defaults = { ...listFilterDefaults, sector: '', sort: '' };

const columns: Column<ClusterNode>[] = [
  {
    header: 'Cluster',
    cell: (node) => {
      const cluster = node;
      return (
        <>
          <EntityLink label="Cluster" entityKey={cluster.key} className="cluster-name" testId="cluster-name">
            {cluster.name}
          </EntityLink>
          {cluster.acronym && cluster.acronym !== cluster.name && (
            <span className="acronym">{cluster.acronym}</span>
          )}
          {cluster.synthetic && <span className="badge badge--synthetic">synthetic</span>}
          {cluster.nameLocal && <div className="subtle">{cluster.nameLocal}</div>}
        </>
      );
    },
    csv: (node) => node.name,
  },
  { header: 'Acronym', csv: (node) => node.acronym },
  {
    header: 'Region',
    cell: (node) => {
      const cluster = node;
      return <RegionCell region={cluster.region} claims={cluster.locatedIn} />;
    },
    csv: (node) => node.locatedIn.map((claim) => claim.region.code).join(' '),
  },
  {
    header: 'Sectors',
    cell: (node) => <SectorChips sectors={node.sectors} />,
    csv: (node) => node.sectors.map((sector) => sector.name).join('; '),
  },
  {
    header: 'Declared members',
    title: 'Members the source documents declare',
    numeric: true,
    cell: (node) => {
      const declared = node.declaredMemberCount;
      return <span data-testid="declared-members">{declared == null ? '—' : formatCount(declared)}</span>;
    },
    csv: (node) => node.declaredMemberCount,
  },
  {
    header: 'In the graph',
    title: 'Member organisations present in the graph',
    numeric: true,
    cell: (node) => <span data-testid="graph-members">{formatCount(node.members.totalCount)}</span>,
    csv: (node) => node.members.totalCount,
  },
  {
    header: 'Excellence labels',
    cell: (node) => <ExcellenceLabels labels={node.labels} />,
    csv: (node) => node.labels.map((label) => label.level).join('; '),
  },
];

export function ClustersView() {
  const [filters, setFilters] = useUrlFilters(defaults);
  const filter: ClusterFilter = {};
  if (filters.q) filter.search = filters.q;
  if (filters.region) filter.regionCodes = [filters.region];
  if (filters.sector) filter.sectorCodes = [filters.sector];
  // Curated facts only unless asked: generated benchmark data would drown them.
  if (filters.synthetic !== 'include') filter.synthetic = false;
  const orderBy = (filters.sort || (filters.q ? 'RELEVANCE' : 'NAME_ASC')) as ClusterOrderBy;
  const variables: ClustersQueryQueryVariables = { first: LIST_PAGE_SIZE, filter, orderBy };
  const list = useListQuery(ClustersQuery, variables, (data) => data.clusters);

  return (
    <EntityList
      label="Cluster"
      lede="Cluster initiatives with their regions, sectors and excellence labels, as the source documents state them."
      columns={columns}
      list={list}
      curatedOnly={filters.synthetic !== 'include'}
      rowTestId="cluster-row"
      toolbar={
        <>
          <SearchFilter
            value={filters.q}
            onChange={(q) => setFilters({ q })}
            placeholder="Name, acronym or local name…"
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
