import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../app/focus.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { hitPath, SearchBoxQuery } from '../../components/SearchBox.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { humanize } from '../../format.ts';
import { usePageTitle } from '../../hooks/usePageTitle.ts';

const HITS = 50;

/** Every hit of a search, grouped by type, best first within each. */
export function SearchView() {
  const [params] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  usePageTitle(query ? `Search: ${query}` : 'Search');
  const { data, error, loading, refetch } = useQuery(SearchBoxQuery, {
    variables: { query, first: HITS },
    skip: !query,
  });
  const byType = new Map<string, NonNullable<typeof data>['search'][number][]>();
  for (const hit of data?.search ?? []) byType.set(hit.type, [...(byType.get(hit.type) ?? []), hit]);
  return (
    <section className="search-view">
      <PageHeading>{query ? `Search: “${query}”` : 'Search'}</PageHeading>
      {!query && <p className="muted">Type in the search box at the top of the page.</p>}
      {error && <ErrorNotice what="The search" error={error} onRetry={() => void refetch()} />}
      {loading && !data && <Skeleton label="Searching…" />}
      {data && byType.size === 0 && <p data-testid="search-empty">Nothing in the graph matches “{query}”.</p>}
      {[...byType].map(([type, hits]) => (
        <section key={type} className="card" aria-label={humanize(type)}>
          <h2 className="card__title">
            {humanize(type)}
            <span className="count">{hits.length}</span>
          </h2>
          <ul className="related">
            {hits.map((hit) => {
              const path = hitPath(hit.node);
              return (
                <li key={hit.node.id} data-testid="search-result">
                  {path ? <Link to={path}>{hit.name}</Link> : hit.name}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
