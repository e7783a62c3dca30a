import { lazy, Suspense } from 'react';
import { AppHeader } from './components/AppHeader.tsx';
import { NotFound } from './components/NotFound.tsx';
import { matchRoute, useLocation } from './routing.tsx';
import { ClustersView } from './views/ClustersView/ClustersView.tsx';

// Loaded on first use: it brings cytoscape, which the list does not need.
const ClusterView = lazy(() =>
  import('./views/ClusterView/ClusterView.tsx').then((module) => ({ default: module.ClusterView })),
);

export function App() {
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  return (
    <>
      <AppHeader current={route.name} />
      <main className="page">
        {route.name === 'clusters' && <ClustersView />}
        {route.name === 'cluster' && (
          <Suspense fallback={<p className="muted loading">Loading…</p>}>
            {/* Keyed so moving between clusters starts from a fresh view (and a fresh network). */}
            <ClusterView key={route.id} id={route.id} />
          </Suspense>
        )}
        {route.name === 'notFound' && <NotFound what="page" />}
      </main>
    </>
  );
}
