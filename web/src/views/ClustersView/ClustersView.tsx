import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { ClusterRow } from '../../components/ClusterRow.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { formatCount } from '../../format.ts';
import { graphql } from '../../gql';
import type { ClusterFilter, ClustersQueryQueryVariables } from '../../gql/graphql.ts';
import { navigate, useLocation } from '../../routing.tsx';

const PAGE_SIZE = 10;
const SEARCH_DELAY_MS = 250;

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
          ...ClusterRow_cluster
        }
      }
    }
    ...RegionSelect_query
  }
`);

/** The filters live in the URL, so a filtered list can be shared and survives "back". */
type Filters = { search: string; region: string; includeSynthetic: boolean };

function filtersFrom(params: URLSearchParams): Filters {
  return {
    search: params.get('q') ?? '',
    region: params.get('region') ?? '',
    includeSynthetic: params.get('synthetic') === 'include',
  };
}

function hrefFor(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.search.trim()) params.set('q', filters.search.trim());
  if (filters.region) params.set('region', filters.region);
  if (filters.includeSynthetic) params.set('synthetic', 'include');
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

function variablesFor(filters: Filters): ClustersQueryQueryVariables {
  const filter: ClusterFilter = {};
  const search = filters.search.trim();
  if (search) filter.search = search;
  if (filters.region) filter.regionCodes = [filters.region];
  // Curated facts only unless asked: generated benchmark data would drown them.
  if (!filters.includeSynthetic) filter.synthetic = false;
  return { first: PAGE_SIZE, filter, orderBy: search ? 'RELEVANCE' : 'NAME_ASC' };
}

export function ClustersView() {
  const filters = filtersFrom(useLocation().searchParams);
  const [searchText, setSearchText] = useState(filters.search);
  // The box follows the URL when it changes from outside (a link back to `/`), not while typing.
  const [searchInUrl, setSearchInUrl] = useState(filters.search);
  if (filters.search !== searchInUrl) {
    setSearchInUrl(filters.search);
    if (filters.search !== searchText.trim()) setSearchText(filters.search);
  }
  const setFilters = (change: Partial<Filters>) =>
    navigate(hrefFor({ ...filters, ...change }), { replace: true });

  useEffect(() => {
    if (searchText.trim() === filters.search) return;
    const timer = window.setTimeout(() => setFilters({ search: searchText }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  });

  const { data, previousData, error, fetchMore, networkStatus } = useQuery(ClustersQuery, {
    variables: variablesFor(filters),
  });
  const shown = data ?? previousData;
  const refreshing = networkStatus === NetworkStatus.setVariables || networkStatus === NetworkStatus.loading;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const clusters = shown?.clusters;

  return (
    <section className="clusters-view">
      <div className="view-heading">
        <div>
          <h1>Clusters</h1>
          <p className="lede">
            Cluster initiatives with their regions, sectors and excellence labels, as the source documents
            state them.
          </p>
        </div>
      </div>

      <search className="toolbar">
        <label className="field field--grow">
          <span className="field__label">Search</span>
          <input
            type="search"
            placeholder="Name, acronym or local name…"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            data-testid="cluster-search"
          />
        </label>
        <RegionSelect query={shown} value={filters.region} onChange={(region) => setFilters({ region })} />
        <label className="toggle">
          <input
            type="checkbox"
            checked={filters.includeSynthetic}
            onChange={(event) => setFilters({ includeSynthetic: event.target.checked })}
            data-testid="include-synthetic"
          />
          <span>Include synthetic data</span>
        </label>
      </search>

      {error && (
        <p className="notice notice--error" role="alert">
          The clusters could not be loaded: {error.message}
        </p>
      )}

      {clusters && (
        <div className={`card table-card ${refreshing ? 'is-refreshing' : ''}`} aria-busy={refreshing}>
          <p className="table-summary" data-testid="cluster-count">
            {clusters.totalCount === 0
              ? 'No cluster matches these filters.'
              : `Showing ${formatCount(clusters.edges.length)} of ${formatCount(clusters.totalCount)} ${
                  filters.includeSynthetic ? '' : 'curated '
                }cluster${clusters.totalCount === 1 ? '' : 's'}`}
          </p>
          {clusters.edges.length > 0 && (
            <table className="data-table" data-testid="clusters-table">
              <thead>
                <tr>
                  <th scope="col" className="column-name">
                    Cluster
                  </th>
                  <th scope="col">Region</th>
                  <th scope="col">Sectors</th>
                  <th scope="col" className="numeric" title="Members the source documents declare">
                    Declared members
                  </th>
                  <th scope="col" className="numeric" title="Member organisations present in the graph">
                    In the graph
                  </th>
                  <th scope="col">Excellence labels</th>
                </tr>
              </thead>
              <tbody>
                {clusters.edges.map((edge) => (
                  <ClusterRow key={edge.node.id} cluster={edge.node} />
                ))}
              </tbody>
            </table>
          )}
          {clusters.pageInfo.hasNextPage && (
            <div className="table-footer">
              <button
                type="button"
                className="button"
                disabled={loadingMore}
                onClick={() => void fetchMore({ variables: { after: clusters.pageInfo.endCursor } })}
                data-testid="load-more"
              >
                {loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </div>
      )}
      {!clusters && !error && <p className="muted loading">Loading clusters…</p>}
    </section>
  );
}
