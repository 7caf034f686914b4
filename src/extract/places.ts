import type { Place } from '../domain/claim.js';
import type { GeoPrecision } from '../domain/codes.js';
import type { PlaceMention } from '../gazetteer/types.js';
import { endRe, memo, startRe, wordSource } from './lexicon/compile.js';
import type { Lexicon } from './lexicon/types.js';
import { type Folded, fold, toNorm } from './text.js';

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
    name: placeName(p.mention),
    gazetteerId: e?.id ?? null,
    lat: p.lat,
    lon: p.lon,
    admin1: e?.admin1 ?? null,
    country: e?.country ?? null,
    precision: p.precision,
  };
}

/**
 * The name a claim gives its place: as written, except a name written in another script than
 * Latin or in capitals ("دوما", "MOSUL"), which takes the gazetteer's name ("Dūmā", "Mosul"), so
 * that one incident list reads, sorts and is searched in one script whatever language reported
 * it. The written form stays in the claim's evidence. A point inferred from another place (the
 * name itself is not in the gazetteer) keeps the written name: the entry is that other place.
 */
export function placeName(m: PlaceMention): string {
  const e = m.entry;
  if (!e || m.inferred) return m.name;
  if (!/\p{Script=Latin}/u.test(m.name)) return e.name;
  const capitals = m.name === m.name.toUpperCase() && /\p{Lu}{2}/u.test(m.name);
  return capitals ? e.name : m.name;
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

export interface PlaceChoice {
  text: string;
  /** Folded text, for the stop list. */
  norm: string;
  lex: Lexicon;
  /** The country the report is about, or null when it names none. */
  country: string | null;
  /** Countries the report names; a place in one of them is plausible. */
  named: ReadonlySet<string>;
  /** Geoparses a window of the text again, so a name can be read in its own sentence. */
  reparse: (window: string) => readonly PlaceMention[];
}

function sentenceWindow(text: string, start: number, end: number): { start: number; end: number } {
  const stop = /[.!?؟\n]/u;
  let a = start;
  while (a > 0 && start - a < 300 && !stop.test(text[a - 1] as string)) a--;
  let b = end;
  while (b < text.length && b - end < 300 && !stop.test(text[b] as string)) b++;
  return { start: a, end: b };
}

/**
 * Land neighbours of the countries whose wars the lexicons cover: a report about
 * Syria may well tell of a strike in Iraq or Turkey without naming the country,
 * but hardly of one in Egypt.
 */
const BORDERS: Record<string, readonly string[]> = {
  SY: ['IQ', 'TR', 'LB', 'JO', 'IL', 'PS'],
  IQ: ['SY', 'TR', 'IR', 'SA', 'KW', 'JO'],
  YE: ['SA', 'OM'],
  AF: ['PK', 'IR', 'TM', 'UZ', 'TJ', 'CN'],
  LY: ['EG', 'SD', 'TD', 'NE', 'DZ', 'TN'],
  LB: ['SY', 'IL'],
  IL: ['LB', 'SY', 'JO', 'EG', 'PS'],
  PS: ['IL', 'EG', 'JO'],
  SO: ['ET', 'KE', 'DJ'],
  SD: ['SS', 'EG', 'LY', 'TD', 'CF', 'ET', 'ER'],
  UA: ['RU', 'BY', 'PL', 'SK', 'HU', 'RO', 'MD'],
  TR: ['SY', 'IQ', 'IR', 'GE', 'AM', 'AZ', 'BG', 'GR'],
};

function plausible(country: string, c: PlaceChoice): boolean {
  if (c.country === null || country === c.country || c.named.has(country)) return true;
  return (BORDERS[c.country] ?? []).includes(country);
}

/**
 * Keeps the geoparser's mentions that can be where a reported event happened. A
 * common word the gazetteer happens to list ("بأنه" is a town in Iran) is dropped.
 * A town read outside the report's country ("Mansourah" in Egypt, in a story about
 * Syria) is read again within its own sentence, where its neighbours may pull it
 * home; still abroad, it stays only in a country the report names or one next door.
 */
export function choosePlaces(mentions: readonly PlaceMention[], c: PlaceChoice): PlaceMention[] {
  // Exact words, not patterns with clitics: "جديدة" is an adjective, "الجديدة" a town.
  const stop = memo(c.lex, 'notPlaces', () => new Set(c.lex.notPlaces.map(foldName)));
  const out: PlaceMention[] = [];
  for (const m of mentions) {
    if (!m || typeof m.name !== 'string') continue;
    if (stop.has(foldName(m.name))) continue;
    const home = m.entry?.country ?? null;
    if (c.country === null || home === null || m.precision === 'country' || home === c.country) {
      out.push(m.precision === 'province' ? cityReading(m, c) : m);
      continue;
    }
    const w = sentenceWindow(c.text, m.start, m.end);
    let again: readonly PlaceMention[] = [];
    try {
      again = c.reparse(c.text.slice(w.start, w.end));
    } catch {
      // A geoparser failing on a fragment leaves the first reading to judge.
      again = [];
    }
    const same = again.find((x) => x.start + w.start === m.start && x.end + w.start === m.end);
    if (same?.entry?.country === c.country) out.push({ ...same, start: m.start, end: m.end });
    else if (plausible(home, c)) out.push(m);
  }
  return out;
}

/**
 * "Aleppo" read as the province although the text never says province: a bare
 * name that is both is the city far more often in reports, so the name is read
 * again on its own, and the city kept when that is how it reads.
 */
function cityReading(m: PlaceMention, c: PlaceChoice): PlaceMention {
  const re = memo(c.lex, 'provinceCue', () => ({
    after: startRe(c.lex, c.lex.provinceAfter),
    before: endRe(c.lex, c.lex.provinceBefore),
  }));
  const right = fold(c.text.slice(m.end, m.end + 20)).norm;
  const left = fold(c.text.slice(Math.max(0, m.start - 40), m.start)).norm;
  if (re.after.test(right) || re.before.test(left)) return m;
  let again: readonly PlaceMention[] = [];
  try {
    again = c.reparse(c.text.slice(m.start, m.end));
  } catch {
    // The first reading stands when the geoparser fails on the bare name.
    return m;
  }
  const city = again.find((x) => x.start === 0 && x.precision === 'town');
  if (!city || city.entry?.country !== m.entry?.country || city.lat === null || city.lon === null) return m;
  return { ...city, start: m.start, end: m.end, name: m.name };
}

function foldName(name: string): string {
  return fold(name).norm.trim();
}

/** A Latin-script name right after a settlement noun: "al-Jineh", "Kafr Nabl", "Tall Rifat". */
const LATIN_NAME =
  /^(?:(?:al|el|ad|ar|as|at|az|an|ash|ad-)[-\u2010\u2011 ])?\p{Lu}[\p{L}'’\u2010-]*(?:[ -]\p{Lu}[\p{L}'’-]*)?/u;
/** One Arabic word: Arabic has no capitals to say where a name ends. */
const ARABIC_NAME = /^[\u0621-\u064A\u064B-\u065F\u0670]{2,}/u;

/**
 * Names the text itself marks as places ("the village of al-Jineh", "بلدة الجينة")
 * that the geoparser did not pick out, so they can be resolved as known place spans.
 */
export function cuedSpans(
  f: Folded,
  lex: Lexicon,
  taken: readonly { start: number; end: number }[],
): Array<{ start: number; end: number }> {
  const re = memo(
    lex,
    'placeNounsCue',
    () =>
      new RegExp(`(?:${wordSource(lex, lex.placeNouns)})\\s+(?:(?:of|de|du|di|von|do|da|des)\\s+|d')?`, 'gu'),
  );
  const out: Array<{ start: number; end: number }> = [];
  re.lastIndex = 0;
  for (let m = re.exec(f.norm); m !== null; m = re.exec(f.norm)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const at = f.map[m.index + m[0].length];
    if (at === undefined) continue;
    const rest = f.text.slice(at, at + 60);
    const n = (lex.lang === 'ar' ? ARABIC_NAME : LATIN_NAME).exec(rest);
    if (!n) continue;
    const span = { start: at, end: at + n[0].replace(/['’\s-]+$/u, '').length };
    if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
    if (!out.some((o) => o.start === span.start)) out.push(span);
  }
  return out;
}
