/**
 * The map's incident points are requested as the bundle starts, before React has rendered
 * anything: on a first visit that request is the longest step to the first map.
 */
import { api, withQuery } from '../api/client.js';
import type { IncidentPoints } from '../api/types.js';
import { mark } from '../perf.js';
import { apiQuery, parseState } from '../state/query.js';

let early: { key: string; promise: Promise<IncidentPoints> } | null = null;

/** The API query that selects the points for a view: its filters without the date range. */
export function pointsKey(search: string): string {
  return apiQuery(parseState(search).filters, { withDates: false }).toString();
}

export function startPointsPrefetch(): void {
  if (window.location.pathname !== '/') return;
  const key = pointsKey(window.location.search);
  mark('points-requested');
  early = {
    key,
    promise: api.get<IncidentPoints>(withQuery('/api/map/incidents', new URLSearchParams(key))),
  };
  // A failure surfaces when the page asks for the points; here it must not be unhandled.
  early.promise.catch(() => {});
}

/** The prefetched request when it is for `key` (used once), else a new one. */
export function fetchPoints(key: string, signal: AbortSignal): Promise<IncidentPoints> {
  if (early && early.key === key) {
    const p = early.promise;
    early = null;
    return p;
  }
  mark('points-requested');
  return api.get<IncidentPoints>(withQuery('/api/map/incidents', new URLSearchParams(key)), signal);
}
