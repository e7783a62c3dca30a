import { createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a navigation inside the app, focus goes to the new page's main heading, so a keyboard or
 * screen-reader user starts reading the new page instead of staying on the link they followed.
 * The first page load keeps the browser's own focus. A page's heading may appear only once its
 * data has loaded: the request to focus waits for it.
 */
type FocusRequest = { pending: boolean };
const FocusContext = createContext<FocusRequest>({ pending: false });

export function FocusOnNavigation({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const request = useRef<FocusRequest>({ pending: false });
  // A filter change keeps the path and the focus; only a new page moves it.
  const shownPath = useRef(pathname);
  useLayoutEffect(() => {
    if (pathname === shownPath.current) return;
    shownPath.current = pathname;
    request.current.pending = true;
  }, [pathname]);
  return <FocusContext value={request.current}>{children}</FocusContext>;
}

/** The page's one h1; it takes the focus when a navigation is waiting for it. */
export function PageHeading({ children, testId }: { children: ReactNode; testId?: string }) {
  const request = useContext(FocusContext);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!request.pending || !heading.current) return;
    request.pending = false;
    heading.current.focus();
  });
  return (
    <h1 ref={heading} tabIndex={-1} className="page-heading" data-testid={testId}>
      {children}
    </h1>
  );
}
