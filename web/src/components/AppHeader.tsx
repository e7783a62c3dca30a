import { Link, type Route } from '../routing.tsx';

export function AppHeader({ current }: { current: Route['name'] }) {
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link href="/" className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="brand__name">clustergraph</span>
          <span className="brand__tagline">innovation clusters as a graph</span>
        </Link>
        <nav className="app-nav" aria-label="Main">
          <Link href="/" aria-current={current === 'clusters' ? 'page' : undefined}>
            Clusters
          </Link>
          {/* A full page load on purpose: GraphiQL is served by the API, not by this app. */}
          <a href="/graphql" target="_blank" rel="noreferrer">
            GraphiQL ↗
          </a>
        </nav>
      </div>
    </header>
  );
}
