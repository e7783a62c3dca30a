import { isRouteErrorResponse, useLocation, useNavigate, useRouteError } from 'react-router';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { PageHeading } from './focus.tsx';

/** A failed lazy chunk: the server (which also serves the dashboard) did not answer. */
const isChunkFailure = (error: unknown) =>
  error instanceof TypeError &&
  /dynamically imported module|Importing a module script failed/i.test(error.message);

/**
 * Every route's error boundary: a page that cannot load or render says so inside the app's frame
 * (header, search, navigation stay usable) and offers to try again, instead of blanking the page.
 */
export function RouteError() {
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  usePageTitle(notFound ? 'Page not found' : 'Something went wrong');

  if (notFound) {
    return (
      <section className="empty-state">
        <PageHeading>No such page</PageHeading>
        <p>The address does not name a page of this dashboard.</p>
      </section>
    );
  }
  const detail = isChunkFailure(error)
    ? 'This part of the dashboard could not be downloaded: the server may be down or restarting.'
    : error instanceof Error
      ? error.message
      : 'An unexpected error.';
  return (
    <section className="empty-state" data-testid="route-error">
      <PageHeading>This page could not be shown</PageHeading>
      <p className="notice notice--error" role="alert">
        {detail}
      </p>
      <button
        type="button"
        className="button"
        // A navigation to the same address runs the route again: its code and its data.
        onClick={() => void navigate(location.pathname + location.search, { replace: true })}
        data-testid="retry"
      >
        Try again
      </button>
    </section>
  );
}
