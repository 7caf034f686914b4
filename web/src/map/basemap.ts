/**
 * The offline basemap: Natural Earth countries and admin-1 areas shipped in the bundle
 * (built by web/scripts/build-basemap.ts). An online tile source is only used when configured.
 */
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { type Admin1Entry, BASEMAP_MAX_ZOOM, type CountryEntry } from './basemap-types.js';

export type { Admin1Entry, CountryEntry } from './basemap-types.js';

export interface AppConfig {
  /** XYZ raster tile URL template for online deployments; null keeps the map fully offline. */
  tileUrl: string | null;
  tileAttribution: string | null;
}

/**
 * Land and country borders as vector tiles built by web/scripts/build-basemap.ts (layers "land"
 * and "borders"): MapLibre's workers fetch and decode the few in view, rather than parse and tile
 * the whole world's GeoJSON on every first visit. Absolute, as MapLibre's workers resolve tile URLs.
 */
export const basemapTilesUrl = () => `${window.location.origin}/basemap/tiles/{z}/{x}/{y}.pbf`;

const cache = new Map<string, Promise<unknown>>();
function once<T>(url: string): Promise<T> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.json();
    });
    cache.set(url, p);
  }
  return p as Promise<T>;
}

export const loadCountryIndex = () => once<CountryEntry[]>('/basemap/countries.json');
export const loadAdmin1Index = () => once<Admin1Entry[]>('/basemap/admin1-index.json');
export const ADMIN1_SHAPES_URL = '/basemap/admin1.json';
export const loadAdmin1Shapes = () => once<FeatureCollection>(ADMIN1_SHAPES_URL);

export async function loadAppConfig(): Promise<AppConfig> {
  try {
    return await once<AppConfig>('/app-config.json');
  } catch {
    return { tileUrl: null, tileAttribution: null };
  }
}

export const NATURAL_EARTH_CREDIT = 'Made with Natural Earth (public domain)';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * A style with no remote resources: no glyphs, no sprites; labels are drawn as HTML where needed.
 * The land and borders are in the style from the start: MapLibre loads them while the incidents
 * are still being fetched.
 */
export function baseStyle(config: AppConfig): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {
      // Low maxzoom: the shapes are 1:50m and 1:10m simplified, so deeper tiles add work, not detail.
      basemap: {
        type: 'vector',
        tiles: [basemapTilesUrl()],
        maxzoom: BASEMAP_MAX_ZOOM,
        attribution: NATURAL_EARTH_CREDIT,
      },
      admin1: { type: 'geojson', data: EMPTY, maxzoom: 9, tolerance: 0.5 },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#c9d7e3' } },
      {
        id: 'land',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'land',
        paint: { 'fill-color': '#f4f1ea' },
      },
      {
        id: 'admin1-line',
        type: 'line',
        source: 'admin1',
        minzoom: 3.5,
        paint: { 'line-color': '#9a9a9a', 'line-width': 0.6, 'line-dasharray': [2, 2] },
      },
      {
        id: 'admin1-selected',
        type: 'line',
        source: 'admin1',
        filter: ['==', ['get', 'a1'], '__none__'],
        paint: { 'line-color': '#1f4e79', 'line-width': 2 },
      },
      {
        id: 'borders',
        type: 'line',
        source: 'basemap',
        'source-layer': 'borders',
        paint: { 'line-color': '#6b6b6b', 'line-width': 1 },
      },
    ],
  };
  if (config.tileUrl) {
    style.sources.tiles = {
      type: 'raster',
      tiles: [config.tileUrl],
      tileSize: 256,
      attribution: config.tileAttribution ?? '',
    };
    style.layers.splice(1, 0, { id: 'tiles', type: 'raster', source: 'tiles' });
  }
  return style;
}
