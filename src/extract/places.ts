import type { Place } from '../domain/claim.js';
import type { GeoPrecision } from '../domain/codes.js';
import type { PlaceMention } from '../gazetteer/types.js';
import { endRe, memo, startRe } from './lexicon/compile.js';
import type { Lexicon } from './lexicon/types.js';
import { type Folded, toNorm } from './text.js';

/** A resolved place mention in folded offsets, with how it is used in its sentence. */
export interface PlaceRef {
  start: number;
  end: number;
  mention: PlaceMention;
  lat: number;
  lon: number;
  precision: GeoPrecision;
  /** "north of X", "near X": a landmark for another place. */
  reference: boolean;
  /** In the dateline: where the story was filed. */
  dateline: boolean;
}

export function haversineKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function samePlace(a: PlaceRef, b: PlaceRef): boolean {
  const ea = a.mention.entry?.id;
  const eb = b.mention.entry?.id;
  if (ea && eb && ea === eb) return true;
  if (a.mention.name.toLowerCase() === b.mention.name.toLowerCase()) return true;
  return haversineKm(a.lat, a.lon, b.lat, b.lon) < 15;
}

export function resolvePlaces(
  f: Folded,
  lex: Lexicon,
  mentions: readonly PlaceMention[],
  dateline: { start: number; end: number } | null,
): PlaceRef[] {
  const re = memo(lex, 'places', () => ({
    ref: endRe(lex, lex.placeReference),
    provAfter: startRe(lex, lex.provinceAfter),
    provBefore: endRe(lex, lex.provinceBefore),
  }));
  const out: PlaceRef[] = [];
  for (const m of mentions) {
    if (m.lat === null || m.lon === null || !Number.isFinite(m.lat) || !Number.isFinite(m.lon)) continue;
    if (!Number.isFinite(m.start) || !Number.isFinite(m.end) || m.start < 0 || m.end > f.text.length)
      continue;
    const start = toNorm(f, m.start);
    const end = toNorm(f, m.end);
    const left = f.norm.slice(Math.max(0, start - 40), start);
    const right = f.norm.slice(end, end + 20);
    let precision = m.precision;
    if (precision !== 'country' && (re.provAfter.test(right) || re.provBefore.test(left)))
      precision = 'province';
    out.push({
      start,
      end,
      mention: m,
      lat: m.lat,
      lon: m.lon,
      precision,
      reference: re.ref.test(left),
      dateline: dateline !== null && start >= dateline.start && end <= dateline.end,
    });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

export function toPlace(p: PlaceRef): Place {
  const e = p.mention.entry;
  return {
    name: p.mention.name,
    gazetteerId: e?.id ?? null,
    lat: p.lat,
    lon: p.lon,
    admin1: e?.admin1 ?? null,
    country: e?.country ?? null,
    precision: p.precision,
  };
}

/** Where a document is mostly about: its most-mentioned sub-national place. */
export function mainPlace(places: readonly PlaceRef[]): PlaceRef | null {
  const groups: Array<{ ref: PlaceRef; n: number }> = [];
  for (const p of places) {
    if (p.dateline || p.precision === 'country') continue;
    const g = groups.find((x) => samePlace(x.ref, p));
    if (g) g.n += p.reference ? 0.5 : 1;
    else groups.push({ ref: p, n: p.reference ? 0.5 : 1 });
  }
  let best: { ref: PlaceRef; n: number } | null = null;
  for (const g of groups) if (!best || g.n > best.n) best = g;
  return best?.ref ?? null;
}
