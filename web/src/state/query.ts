/**
 * The view's whole state lives in the query string so any view can be shared as a URL.
 * Pure: parse and serialise only, so it is unit-tested without a browser.
 */
import { LANDING_ZOOM } from '../../../src/domain/map-clusters.js';

export type Bin = 'week' | 'month';
export type Lang = 'en' | 'ar';

export interface Filters {
  from: string | null;
  to: string | null;
  country: string[];
  /** "CC.A1": a GeoNames admin1 code qualified by its country, as incidents carry them. */
  admin1: string[];
  belligerent: string[];
  event: string[];
  /** Empty means every grading (and ungraded). */
  grading: string[];
  status: string[];
  q: string;
}

export interface MapView {
  zoom: number;
  lat: number;
  lon: number;
}

export interface ViewState {
  filters: Filters;
  bin: Bin;
  sort: string;
  lang: Lang;
  map: MapView | null;
}

/** Where the map opens when the URL names no view (the server builds that zoom's clusters ahead). */
export const DEFAULT_MAP_VIEW: MapView = { zoom: LANDING_ZOOM, lat: 35, lon: 38.5 };

export const EMPTY_FILTERS: Filters = {
  from: null,
  to: null,
  country: [],
  admin1: [],
  belligerent: [],
  event: [],
  grading: [],
  status: [],
  q: '',
};

export const DEFAULT_STATE: ViewState = {
  filters: EMPTY_FILTERS,
  bin: 'month',
  sort: '-date',
  lang: 'en',
  map: null,
};

const LIST_KEYS = ['country', 'admin1', 'belligerent', 'event', 'grading', 'status'] as const;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const TOKEN = /^[A-Za-z0-9_.-]{1,64}$/;

function list(v: string | null): string[] {
  if (!v) return [];
  return [...new Set(v.split(',').map((s) => s.trim()))].filter((s) => TOKEN.test(s)).sort();
}

/** A real calendar day only: Date.parse accepts 2017-02-31 and rolls it into March. */
function day(v: string | null): string | null {
  if (!v || !ISO_DAY.test(v)) return null;
  const ms = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === v ? v : null;
}

function mapView(v: string | null): MapView | null {
  if (!v) return null;
  const [z, lat, lon] = v.split('/').map(Number);
  if (z === undefined || lat === undefined || lon === undefined) return null;
  if (![z, lat, lon].every(Number.isFinite) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { zoom: Math.min(Math.max(z, 0), 22), lat, lon };
}

export function parseState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const filters: Filters = {
    ...EMPTY_FILTERS,
    from: day(p.get('from')),
    to: day(p.get('to')),
    q: (p.get('q') ?? '').slice(0, 200),
  };
  for (const k of LIST_KEYS) filters[k] = list(p.get(k));
  filters.country = filters.country.map((c) => c.toUpperCase());
  return {
    filters,
    bin: p.get('bin') === 'week' ? 'week' : 'month',
    sort: p.get('sort') ?? DEFAULT_STATE.sort,
    lang: p.get('lang') === 'ar' ? 'ar' : 'en',
    map: mapView(p.get('map')),
  };
}

/** Default values are left out so URLs stay short and stable. */
export function serializeState(s: ViewState): string {
  const p = new URLSearchParams();
  const f = s.filters;
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  for (const k of LIST_KEYS) if (f[k].length) p.set(k, [...f[k]].sort().join(','));
  if (f.q) p.set('q', f.q);
  if (s.bin !== DEFAULT_STATE.bin) p.set('bin', s.bin);
  if (s.sort !== DEFAULT_STATE.sort) p.set('sort', s.sort);
  if (s.lang !== DEFAULT_STATE.lang) p.set('lang', s.lang);
  if (s.map) p.set('map', `${s.map.zoom.toFixed(2)}/${s.map.lat.toFixed(4)}/${s.map.lon.toFixed(4)}`);
  const out = p.toString();
  return out ? `?${out.replaceAll('%2C', ',').replaceAll('%2F', '/')}` : '';
}

/**
 * The API's query for these filters. `withDates: false` leaves the date range out, for the data
 * behind the timeline, which the brush then narrows in the browser.
 */
export function apiQuery(f: Filters, opts: { withDates?: boolean } = {}): URLSearchParams {
  const p = new URLSearchParams();
  if (opts.withDates !== false) {
    if (f.from) p.set('from', f.from);
    if (f.to) p.set('to', f.to);
  }
  if (f.country.length) p.set('country', f.country.join(','));
  if (f.admin1.length) p.set('admin1', f.admin1.join(','));
  if (f.belligerent.length) p.set('belligerent', f.belligerent.join(','));
  if (f.event.length) p.set('event', f.event.join(','));
  p.set('grading', f.grading.length ? f.grading.join(',') : 'all');
  if (f.status.length) p.set('status', f.status.join(','));
  if (f.q) p.set('q', f.q);
  return p;
}
