import { useApolloClient } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { setSessionToken, useSessionToken } from './session.ts';
import { ROLE_NAMES, useViewer } from './viewer.ts';

/** Who is signed in and as what, with sign out; or the way to sign in. */
export function SessionMenu() {
  const client = useApolloClient();
  const location = useLocation();
  const token = useSessionToken();
  const { viewer, loading } = useViewer();
  if (token === null) {
    const here = `${location.pathname}${location.search}`;
    return (
      <Link
        className="app-header__session"
        to={location.pathname === '/sign-in' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`}
        data-testid="sign-in-link"
      >
        Sign in
      </Link>
    );
  }
  return (
    <div className="app-header__session" data-testid="session">
      <span data-testid="signed-in-as">
        {loading || !viewer ? (
          'Signed in'
        ) : (
          <>
            Signed in as <strong>{viewer.name}</strong>{' '}
            <span className="role-badge" data-testid="viewer-role">
              {ROLE_NAMES[viewer.role]}
            </span>
          </>
        )}
      </span>
      <button
        type="button"
        className="button button--quiet button--small"
        data-testid="sign-out"
        onClick={() => {
          setSessionToken(null);
          void client.resetStore();
        }}
      >
        Sign out
      </button>
    </div>
  );
}
