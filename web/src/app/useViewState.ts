import { useCallback, useMemo } from 'react';
import { parseState, serializeState, type ViewState } from '../state/query.js';
import { navigate, useLocation } from './router.js';

/** The view state is the URL: reading parses the query string, writing pushes a new one. */
export function useViewState(): [ViewState, (next: ViewState, opts?: { replace?: boolean }) => void] {
  const { pathname, search } = useLocation();
  const state = useMemo(() => parseState(search), [search]);
  const set = useCallback(
    (next: ViewState, opts: { replace?: boolean } = {}) =>
      navigate(`${pathname}${serializeState(next)}`, opts),
    [pathname],
  );
  return [state, set];
}
