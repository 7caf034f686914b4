import { useEffect, useState } from 'react';

/** Client-side routes; the server answers every non-API path with index.html. */
export type Route =
  | { name: 'explore' }
  | { name: 'incident'; id: string }
  | { name: 'login' }
  | { name: 'review' }
  | { name: 'not-found' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'explore' };
  const m = /^\/incidents\/([A-Za-z0-9_-]{1,100})\/?$/.exec(pathname);
  if (m?.[1]) return { name: 'incident', id: m[1] };
  if (pathname === '/login') return { name: 'login' };
  if (pathname === '/review') return { name: 'review' };
  return { name: 'not-found' };
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

function read(): { pathname: string; search: string } {
  return { pathname: window.location.pathname, search: window.location.search };
}

export function useLocation(): { pathname: string; search: string } {
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    const on = () => setLoc(read());
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  return loc;
}
