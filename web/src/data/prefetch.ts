/**
 * The map's incident points are requested as the bundle starts, before React has rendered
 * anything: on a first visit that request is the longest step to the first map. The clustering
 * worker fetches them, so they are decoded and indexed while the basemap loads.
 */
import { withQuery } from '../api/client.js';
import { loadAppConfig } from '../map/basemap.js';
import { clusterClient } from '../map/cluster-client.js';
import { maplibregl } from '../map/maplibre.js';
import { apiQuery, DEFAULT_MAP_VIEW, type Filters, parseState } from '../state/query.js';
import { type PointSet, type Selection, selection } from './points.js';

let early: { key: string; promise: Promise<PointSet> } | null = null;

/**
 * The API query that selects the points for a view: its filters without the ones the page
 * applies itself (the date range and gradings).
 */
export function pointsKey(f: Filters): string {
  return apiQuery({ ...f, grading: [] }, { withDates: false }).toString();
}

/** What the page filters in the points it has. */
export function pointsSelection(f: Filters): Selection {
  return selection(f.from, f.to, f.grading);
}

export function startPointsPrefetch(): void {
  if (window.location.pathname !== '/') return;
  // The map waits for its config and MapLibre's workers (their script parsed): both start now
  // rather than once React has rendered the page.
  maplibregl.prewarm();
  void loadAppConfig();
  const { filters, map } = parseState(window.location.search);
  const key = pointsKey(filters);
  early = { key, promise: request(key, pointsSelection(filters), (map ?? DEFAULT_MAP_VIEW).zoom) };
  // A failure surfaces when the page asks for the points; here it must not be unhandled.
  early.promise.catch(() => {});
}

function request(key: string, sel: Selection, zoom: number): Promise<PointSet> {
  return clusterClient().fetch(withQuery('/api/map/points', new URLSearchParams(key)), sel, zoom);
}

/** The prefetched request when it is for `key` (used once), else a new one; `zoom`: the map's. */
export function fetchPoints(key: string, sel: Selection, zoom: number): Promise<PointSet> {
  if (early && early.key === key) {
    const p = early.promise;
    early = null;
    return p;
  }
  early = null;
  return request(key, sel, zoom);
}
