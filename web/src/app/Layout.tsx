import { Suspense } from 'react';
import { NavLink, Outlet, useNavigation } from 'react-router';
import { SearchBox } from '../components/SearchBox.tsx';
import { Skeleton } from '../components/Skeleton.tsx';
import { FocusOnNavigation } from './focus.tsx';
import { entityRoutes, listPath } from './paths.ts';
import { SessionMenu } from './SessionMenu.tsx';

const BROWSE = [
  'Cluster',
  'Organisation',
  'Project',
  'Programme',
  'Partnership',
  'Region',
  'Sector',
] as const;
const MORE = ['Need', 'PilotAction', 'GoodPractice'] as const;

/** The frame of every page: skip link, header with the search and navigation, the page itself. */
export function Layout() {
  const navigation = useNavigation();
  return (
    <FocusOnNavigation>
      <a className="skip-link" href="#main">
        Skip to the content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <NavLink to="/" className="brand">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span className="brand__name">clustergraph</span>
            <span className="brand__tagline">innovation clusters as a graph</span>
          </NavLink>
          <SearchBox />
          {/* A full page load on purpose: GraphiQL is served by the API, not by this app. */}
          <a className="app-header__graphiql" href="/graphql" target="_blank" rel="noreferrer">
            GraphiQL ↗
          </a>
          <SessionMenu />
        </div>
        <nav className="app-nav" aria-label="Main">
          <NavLink to="/network">Network</NavLink>
          {[...BROWSE, ...MORE].map((label) => (
            <NavLink key={label} to={listPath(label)} end={false}>
              {entityRoutes[label].plural}
            </NavLink>
          ))}
        </nav>
      </header>
      <main id="main" className="page" tabIndex={-1} aria-busy={navigation.state === 'loading'}>
        <Suspense fallback={<Skeleton label="Loading the page…" />}>
          <Outlet />
        </Suspense>
      </main>
    </FocusOnNavigation>
  );
}
