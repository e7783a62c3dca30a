import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/**
 * A router small enough to read: the location lives in the History API, components subscribe to
 * it, and links push entries instead of reloading. Two routes do not warrant a library.
 */

const LOCATION_CHANGED = 'clustergraph:locationchange';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(LOCATION_CHANGED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(LOCATION_CHANGED, onChange);
  };
}

const currentHref = () => window.location.pathname + window.location.search;

/** The path and query string, re-rendering on every navigation. */
export function useLocation(): { pathname: string; searchParams: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, currentHref);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, searchParams: url.searchParams };
}

/** `replace` rewrites the current entry: for filters typed into a form, not for page changes. */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (href === currentHref()) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(LOCATION_CHANGED));
}

export type Route = { name: 'clusters' } | { name: 'cluster'; id: string } | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'clusters' };
  const cluster = /^\/clusters\/([^/]+)\/?$/.exec(pathname);
  if (cluster?.[1]) return { name: 'cluster', id: decodeURIComponent(cluster[1]) };
  return { name: 'notFound' };
}

export const clusterPath = (id: string) => `/clusters/${encodeURIComponent(id)}`;

/** Navigates in place on a plain left click; modified clicks keep the browser's behaviour. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
    window.scrollTo(0, 0);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
