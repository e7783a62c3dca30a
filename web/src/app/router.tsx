import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject, redirect, useLoaderData } from 'react-router';
import { NotFound } from '../components/NotFound.tsx';
import { Skeleton } from '../components/Skeleton.tsx';
import { Layout } from './Layout.tsx';
import { RouteError } from './RouteError.tsx';

/*
 * Every view is its own chunk, fetched on first visit (the cluster page brings cytoscape, which
 * the lists do not need). Each route has the error boundary, so a chunk that cannot be fetched or
 * a view that throws leaves the frame in place with a way to try again.
 *
 * The chunk is fetched by the route's loader, not by `lazy`: when a `lazy` import fails,
 * react-router 8 keeps the route unresolved and renders an empty outlet instead of its error
 * boundary (the "blank page" of issue 7 §8). A failed loader shows the boundary, and the next
 * navigation to the route runs it again.
 */
function view(path: string, load: () => Promise<{ Component: ComponentType }>): RouteObject {
  return { path, loader: load, Component: LoadedView, ErrorBoundary: RouteError };
}

/** The view its route's loader fetched (modules are fetched once; later loads are immediate). */
function LoadedView() {
  const { Component } = useLoaderData<{ Component: ComponentType }>();
  return <Component />;
}

const routes: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    // Shown while the first page's code is fetched.
    HydrateFallback: () => <Skeleton label="Loading the dashboard…" />,
    children: [
      { index: true, loader: () => redirect('/clusters') },
      view('clusters', () =>
        import('../views/ClustersView/ClustersView.tsx').then((m) => ({ Component: m.ClustersView })),
      ),
      view('clusters/:slug', () =>
        import('../views/ClusterView/ClusterView.tsx').then((m) => ({ Component: m.ClusterView })),
      ),
      view('clusters/:slug/value-chain', () =>
        import('../views/ValueChainView/ValueChainView.tsx').then((m) => ({ Component: m.ValueChainView })),
      ),
      view('clusters/:slug/edit', () =>
        import('../views/ClusterEditView/ClusterEditView.tsx').then((m) => ({
          Component: m.ClusterEditView,
        })),
      ),
      view('sign-in', () =>
        import('../views/SignInView/SignInView.tsx').then((m) => ({ Component: m.SignInView })),
      ),
      view('organisations', () =>
        import('../views/OrganisationsView/OrganisationsView.tsx').then((m) => ({
          Component: m.OrganisationsView,
        })),
      ),
      view('organisations/:slug', () =>
        import('../views/OrganisationView/OrganisationView.tsx').then((m) => ({
          Component: m.OrganisationView,
        })),
      ),
      view('projects', () =>
        import('../views/ProjectsView/ProjectsView.tsx').then((m) => ({ Component: m.ProjectsView })),
      ),
      view('projects/:slug', () =>
        import('../views/ProjectView/ProjectView.tsx').then((m) => ({ Component: m.ProjectView })),
      ),
      view('programmes', () =>
        import('../views/ProgrammesView/ProgrammesView.tsx').then((m) => ({ Component: m.ProgrammesView })),
      ),
      view('programmes/:slug', () =>
        import('../views/ProgrammeView/ProgrammeView.tsx').then((m) => ({ Component: m.ProgrammeView })),
      ),
      view('partnerships', () =>
        import('../views/PartnershipsView/PartnershipsView.tsx').then((m) => ({
          Component: m.PartnershipsView,
        })),
      ),
      view('partnerships/:slug', () =>
        import('../views/PartnershipView/PartnershipView.tsx').then((m) => ({
          Component: m.PartnershipView,
        })),
      ),
      view('regions', () =>
        import('../views/RegionsView/RegionsView.tsx').then((m) => ({ Component: m.RegionsView })),
      ),
      view('regions/:slug', () =>
        import('../views/RegionView/RegionView.tsx').then((m) => ({ Component: m.RegionView })),
      ),
      view('sectors', () =>
        import('../views/SectorsView/SectorsView.tsx').then((m) => ({ Component: m.SectorsView })),
      ),
      view('sectors/:slug', () =>
        import('../views/SectorView/SectorView.tsx').then((m) => ({ Component: m.SectorView })),
      ),
      view('stages/:slug', () =>
        import('../views/StageView/StageView.tsx').then((m) => ({ Component: m.StageView })),
      ),
      view('needs', () =>
        import('../views/NeedsView/NeedsView.tsx').then((m) => ({ Component: m.NeedsView })),
      ),
      view('needs/:slug', () =>
        import('../views/NeedView/NeedView.tsx').then((m) => ({ Component: m.NeedView })),
      ),
      view('pilot-actions', () =>
        import('../views/PilotActionsView/PilotActionsView.tsx').then((m) => ({
          Component: m.PilotActionsView,
        })),
      ),
      view('pilot-actions/:slug', () =>
        import('../views/PilotActionView/PilotActionView.tsx').then((m) => ({
          Component: m.PilotActionView,
        })),
      ),
      view('good-practices', () =>
        import('../views/GoodPracticesView/GoodPracticesView.tsx').then((m) => ({
          Component: m.GoodPracticesView,
        })),
      ),
      view('good-practices/:slug', () =>
        import('../views/GoodPracticeView/GoodPracticeView.tsx').then((m) => ({
          Component: m.GoodPracticeView,
        })),
      ),
      view('network', () =>
        import('../views/NetworkView/NetworkView.tsx').then((m) => ({ Component: m.NetworkView })),
      ),
      view('search', () =>
        import('../views/SearchView/SearchView.tsx').then((m) => ({ Component: m.SearchView })),
      ),
      { path: '*', element: <NotFound what="page" /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
