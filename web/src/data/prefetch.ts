/**
 * The map's data is requested as the bundle starts, before React has rendered anything: on a
 * first visit those requests are the longest step to the first map. When the view has no date or
 * grading selection, the server's clusters for it (/api/map/clusters, small and built ahead) are
 * drawn first; the points follow once that map is drawn, so decoding and clustering 10⁵ of them
 * does not compete with it, and the page then clusters them itself for every later view.
 */
import { CLUSTER_MAX_ZOOM, type MapClusters } from '../../../src/domain/map-clusters.js';
import { withQuery } from '../api/client.js';
import { loadAppConfig } from '../map/basemap.js';
import { clusterClient } from '../map/cluster-client.js';
import { maplibregl } from '../map/maplibre.js';
import { mark } from '../perf.js';
import { apiQuery, DEFAULT_MAP_VIEW, type Filters, parseState } from '../state/query.js';
import { ALL_GRADES, type PointSet, type Selection, selection } from './points.js';

export type { MapClusters };

/** The map's data for one view: its points, and the server's clusters to draw until they are in. */
export interface MapData {
  points: Promise<PointSet>;
  /** Null when the server's clusters do not apply (see serverClustersApply) or could not be had. */
  clusters: Promise<MapClusters | null> | null;
}

let early: { key: string; data: MapData } | null = null;

/** The points are requested after this long even if the map has not drawn (no WebGL, say). */
const POINTS_DEADLINE_MS = 5_000;

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

/**
 * The server clusters every incident the points key selects: its clusters stand for the page's
 * own only when the page selects all of those too, and at a zoom that still clusters (beyond
 * it the page shows every incident on its own).
 */
export function serverClustersApply(sel: Selection, zoom: number): boolean {
  return (
    sel.from === null && sel.to === null && sel.grades === ALL_GRADES && Math.round(zoom) <= CLUSTER_MAX_ZOOM
  );
}

export function startPointsPrefetch(): void {
  if (window.location.pathname !== '/') return;
  // The map waits for its config and MapLibre's workers (their script parsed): both start now
  // rather than once React has rendered the page.
  maplibregl.prewarm();
  void loadAppConfig();
  const { filters, map } = parseState(window.location.search);
  const key = pointsKey(filters);
  early = { key, data: request(key, pointsSelection(filters), (map ?? DEFAULT_MAP_VIEW).zoom, true) };
  // A failure surfaces when the page asks for the points; here it must not be unhandled.
  early.data.points.catch(() => {});
}

function requestClusters(key: string, zoom: number): Promise<MapClusters | null> {
  mark('clusters-requested');
  const q = new URLSearchParams(key);
  q.set('zoom', String(Math.round(zoom)));
  return fetch(withQuery('/api/map/clusters', q), { credentials: 'same-origin' })
    .then((res) => (res.ok ? (res.json() as Promise<MapClusters>) : null))
    .then((c) => {
      mark('clusters-received');
      return c;
    })
    .catch(() => null);
}

/** Settles once the map has drawn, when there is nothing to draw it with, or at the deadline. */
function mapDrawnOrNot(clusters: Promise<MapClusters | null>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      window.removeEventListener('vigil:map-drawn', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, POINTS_DEADLINE_MS);
    window.addEventListener('vigil:map-drawn', done);
    void clusters.then((c) => {
      if (!c) done();
    });
  });
}

function request(key: string, sel: Selection, zoom: number, first: boolean): MapData {
  const url = withQuery('/api/map/points', new URLSearchParams(key));
  const clusters = first && serverClustersApply(sel, zoom) ? requestClusters(key, zoom) : null;
  const after = clusters ? mapDrawnOrNot(clusters) : undefined;
  return { points: clusterClient().fetch(url, sel, zoom, after), clusters };
}

/** The prefetched data when it is for `key` (used once), else a new request; `zoom`: the map's. */
export function fetchMapData(key: string, sel: Selection, zoom: number): MapData {
  if (early && early.key === key) {
    const d = early.data;
    early = null;
    return d;
  }
  early = null;
  return request(key, sel, zoom, false);
}
