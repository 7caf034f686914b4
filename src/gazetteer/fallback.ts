/**
 * Readings for a span known to name a place that the gazetteer does not hold as
 * written: the place the story names near that span ("Royal Street" in a story on New
 * Orleans), or a place named inside it ("Cavan Institute"). Pure.
 */
import {
  ADMIN1_WORDS,
  ADMIN2_WORDS,
  BORROWED_NAME_WORDS,
  COMMON_WORDS,
  DIRECTION_WORDS,
  FACILITY_WORDS,
  NAME_CONNECTORS,
} from './cues.js';
import { adjectivalStems } from './demonym-forms.js';
import { COUNTRY_ABBREVIATIONS } from './extra-places.js';
import { foldText, nameKey } from './normalize.js';
import { haversineKm } from './relative.js';
import { contains } from './resolve.js';
import { tokenize } from './tokens.js';
import type { Gazetteer, GazetteerEntry } from './types.js';

/**
 * How much the place named inside a span says about where the span lies:
 * - `region`: a country, continent or region, or a demonym ("Bank of England" reads England,
 *   "European Commission" Europe): taken as the span's place;
 * - `division`: a first-level division ("University of California"), taken where its country
 *   fits the rest of the story;
 * - `town`: a town ("Stonewall Golf Club"): streets and buildings borrow town names so often
 *   that the place named nearest in the story comes first.
 * Names that only borrow a place's name ("Atlantic Avenue", "Russian Embassy", "Niger Delta")
 * are read as `town` whatever they hold.
 */
export type InnerTier = 'region' | 'division' | 'town';

export interface InnerReading {
  entries: GazetteerEntry[];
  tier: InnerTier;
}

function tierOf(e: GazetteerEntry | undefined, demonym: boolean): InnerTier {
  if (demonym || e?.kind === 'country' || e?.featureCode === 'CONT' || e?.featureCode === 'RGN')
    return 'region';
  return e?.kind === 'admin1' ? 'division' : 'town';
}

/** The place named inside a span the gazetteer lacks as written, and how much it says. */
export function innerReading(g: Gazetteer, raw: string): InnerReading {
  const tokens = tokenize(raw);
  const borrowed = BORROWED_NAME_WORDS.has(foldText(tokens.at(-1)?.text ?? ''));
  const reading = (entries: GazetteerEntry[], demonym: boolean): InnerReading => {
    const continental = entries[0]?.featureCode === 'CONT' || entries[0]?.featureCode === 'RGN';
    return { entries, tier: borrowed || (ofRegion && continental) ? 'town' : tierOf(entries[0], demonym) };
  };
  // A place written after the building's kind says where the building is ("British Embassy Tokyo",
  // "Robinson College Cambridge"), as "X, Tokyo" would.
  // "St" before a name is Saint; a compass word after a street is part of its name ("Eglinton Avenue West").
  let facility = -1;
  tokens.forEach((t, k) => {
    if (t.text !== 'St' && FACILITY_WORDS.has(foldText(t.text))) facility = k;
  });
  const after = tokens.slice(facility + 1);
  // "Mall of Asia", "Cup of Africa": a building or event named after a continent or region lies in some town of it.
  const ofRegion = facility > 0 && after[0]?.text === 'of';
  if (
    facility > 0 &&
    after.length > 0 &&
    after.every((t) => t.capital) &&
    !DIRECTION_WORDS.has(foldText(after[0]?.text ?? ''))
  ) {
    const start = after[0]?.start ?? 0;
    const entries = g.lookupKey(nameKey(raw.slice(start)));
    if (entries.length > 0) return { entries, tier: 'region' };
  }
  // A country or region at the head of the name, qualified by the words before it, is the place
  // itself: "Nazi Germany", "Soviet Russia", whatever hamlet the qualifier also names.
  // Only where every word is a name ("Stade de France" is a stadium) and the place goes by that name
  // itself ("Island" is only also a name of Iceland).
  for (let i = 1; i < tokens.length && !borrowed && tokens.every((t) => t.capital); i++) {
    const first = tokens[i];
    const last = tokens.at(-1);
    if (!first || !last) continue;
    const key = nameKey(raw.slice(first.start, last.end));
    const entries = g.lookupKey(key).filter((e) => tierOf(e, false) === 'region' && nameKey(e.name) === key);
    if (entries.length > 0) return { entries, tier: 'region' };
  }
  for (let n = tokens.length - 1; n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const first = tokens[i];
      const last = tokens[i + n - 1];
      if (!first || !last || !first.capital || !last.capital) continue;
      const sub = raw.slice(first.start, last.end);
      // A country written as its capitals ("US Federal Reserve", "UK Parliament") is as good as its name.
      const iso = n === 1 && first.allCaps ? COUNTRY_ABBREVIATIONS[first.text] : undefined;
      const country = iso ? g.country(iso) : null;
      if (country) return reading([country], false);
      const key = nameKey(sub);
      if (key.replace(/\s/g, '').length < 3) continue;
      if (n === 1 && (COMMON_WORDS.has(key) || NAME_CONNECTORS.has(key) || FACILITY_WORDS.has(key))) continue;
      const entries = g.lookupKey(key);
      if (entries.length > 0) return reading(entries, false);
      const demonym = g.demonym(sub);
      if (demonym.length > 0) return reading(demonym, true);
    }
  }
  return { entries: [], tier: 'town' };
}

/**
 * A name that reads as a people or a state rather than a spot ("Bosnian", "Yugoslavist",
 * "Soviet Union"): where the gazetteer lacks it, a country of the story says more than a town.
 */
export function isNationalName(raw: string): boolean {
  const words = raw.trim().split(/\s+/);
  if (words.length === 1) return /^\p{Lu}\p{Ll}{2,}(?:ian|ese|ist)$/u.test(raw.trim());
  return /^(?:union|empire|republic|kingdom|federation|caliphate|confederation)$/i.test(words.at(-1) ?? '');
}

/** A place a people or adjectival name may be formed from: a country, first-level division, region or capital. */
function isNamesake(e: GazetteerEntry): boolean {
  return (
    e.kind === 'country' ||
    e.kind === 'admin1' ||
    e.featureCode === 'PPLC' ||
    e.featureCode === 'CONT' ||
    e.featureCode === 'RGN'
  );
}

/**
 * What a place's name adds to the stem of its adjective: Serb-ia, Kazakh-stan, Havan-a, Sicil-y,
 * Bosni-a and Herzegovina, Tamil Nadu (a word of its own).
 */
const NAME_TAILS = new Set(['', 'a', 'ia', 'y', 'e', 'stan', 'land']);

/**
 * The places a single-word people or adjectival name the gazetteer lacks is formed from
 * ("Bosnian", "Serb", "Sicilian", "Havanese", "Tamil"): the countries, first-level divisions,
 * regions and capitals whose name is its stem plus a short tail. News writes such names for the
 * place far more often than for any town near where they are written. Names whose stem starts
 * places of more than one country ("Austro": Austria, Australia) are returned all, for the story
 * to choose among. Pure given its gazetteer.
 */
export function adjectivalReading(g: Gazetteer, raw: string): GazetteerEntry[] {
  const word = raw.trim();
  if (!/^\p{Lu}/u.test(word)) return [];
  for (const stem of adjectivalStems(word)) {
    const found = new Map<string, GazetteerEntry>();
    for (const { key, entries } of g.lookupPrefix(stem, 500)) {
      if (key === stem || !NAME_TAILS.has(key.slice(stem.length).split(' ')[0] ?? '')) continue;
      // The place's own name, not one of its many alternates ("Pleasant Island" for Nauru).
      for (const e of entries) if (isNamesake(e) && nameKey(e.name) === key) found.set(e.id, e);
    }
    if (found.size > 0) return [...found.values()].sort((a, b) => b.population - a.population);
  }
  return [];
}

/** Compass words that part one historic area into divisions ("North Yorkshire", "Cheshire East"). */
const PARTING_WORDS = [
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
];

/**
 * The area a name covers where the gazetteer has it only as second-level divisions of one first-level
 * division named with a compass word ("Cheshire": Cheshire East, Cheshire West and Chester; "Sussex":
 * East and West Sussex; "Ayrshire"; "Berkshire", of which it keeps West Berkshire; "Yorkshire", North
 * Yorkshire): an entry of their kind at the mean point of the parts, which lie within the area. Null
 * where no such part exists, where the name is a division or landform word itself ("Eastern Province"
 * does not make "Province" a place), or where a place of that name lies in the same first-level
 * division ("Baton Rouge" is the city the parishes are named after). First-level divisions are left
 * out: parted states (North and South Dakota) are each a state of their own, and their shared name
 * more often a county or a town ("Dakota County"). Pure given its gazetteer.
 */
export function partedArea(g: Gazetteer, raw: string): GazetteerEntry | null {
  const key = nameKey(raw);
  if (
    key.length < 4 ||
    PARTING_WORDS.includes(key) ||
    COMMON_WORDS.has(key) ||
    DIVISION_WORDS.has(key) ||
    LANDFORM_WORDS.has(key)
  )
    return null;
  const parts = new Map<string, GazetteerEntry>();
  const take = (k: string, entries: GazetteerEntry[]): void => {
    for (const e of entries) if (e.kind === 'admin2' && e.admin1 && nameKey(e.name) === k) parts.set(e.id, e);
  };
  for (const word of PARTING_WORDS) take(`${word} ${key}`, g.lookupKey(`${word} ${key}`));
  for (const { key: k, entries } of g.lookupPrefix(`${key} `, 50))
    if (PARTING_WORDS.includes(k.slice(key.length + 1).split(' ')[0] ?? '')) take(k, entries);
  const groups = new Map<string, GazetteerEntry[]>();
  for (const e of parts.values()) {
    const division = `${e.country}.${e.admin1}`;
    groups.set(division, [...(groups.get(division) ?? []), e]);
  }
  const best = [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const first = best[0];
  if (!first) return null;
  if (g.lookupKey(key).some((e) => e.country === first.country && e.admin1 === first.admin1)) return null;
  const mean = (f: (e: GazetteerEntry) => number): number =>
    best.reduce((sum, e) => sum + f(e), 0) / best.length;
  return {
    id: `area:${best.map((e) => e.id).join('+')}`,
    name: raw.trim(),
    lat: mean((e) => e.lat),
    lon: mean((e) => e.lon),
    kind: 'admin2',
    featureCode: first.featureCode,
    country: first.country,
    admin1: first.admin1,
    admin2: null,
    population: best.reduce((sum, e) => sum + e.population, 0),
  };
}

const DIVISION_WORDS = new Set([...ADMIN1_WORDS, ...ADMIN2_WORDS]);
/** Kinds of land that name no area alone: "Central Desert" and "Central Highlands" do not make "Desert" a place. */
const LANDFORM_WORDS = new Set(
  'coast coasts desert deserts highlands lowlands uplands midlands plain plains delta shore shores cape isles'.split(
    ' ',
  ),
);

export interface Located {
  start: number;
  entry: GazetteerEntry | null;
  /** Whether the story writes another name as lying in this one ("a museum on Collins Avenue in Miami Beach"). */
  holds?: boolean;
}

/**
 * The mentions a name the gazetteer lacks may borrow its place from: all resolved ones but
 * small towns that nothing else in the story backs (no other place named within 100 km, and
 * not their first-level division), where the story names some other town it does back. Such a
 * reading is more likely a wrong homonym ("Hubbard", Ohio, for a street in a story on Chicago)
 * than a place the story is about; a story about one small town keeps it, and so does one that
 * writes another place as lying in the town ("on Collins Avenue in Miami Beach").
 */
export function contextPool(mentions: Located[]): Located[] {
  const doubtful = mentions.map((m) => isMinor(m.entry) && !m.holds && !isBacked(m, mentions));
  const sure = mentions.some((m, k) => isLocal(m.entry) && !doubtful[k]);
  return sure ? mentions.filter((_, k) => !doubtful[k]) : mentions;
}

/**
 * The entry of the mention nearest in the text to `at`, preferring towns and districts to
 * divisions and countries: a street or building named without its town lies in the town the
 * story names around it. Takes the `contextPool` of the story's mentions. A name written as lying
 * `within` a place ("Camp Murray, Wash.") takes a mention inside that place, or the place itself;
 * a `national` one (`isNationalName`) takes the nearest country.
 */
export function nearestContext(
  pool: Located[],
  at: number,
  within: GazetteerEntry | null = null,
  national = false,
): GazetteerEntry | null {
  let best: GazetteerEntry | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const m of pool) {
    const e = m.entry;
    if (!e || (within && !contains(within, e))) continue;
    if (e.featureCode === 'CONT' || e.featureCode === 'RGN') continue;
    // A people or state name takes a country first; any other name a town or county first, then a division.
    const local = isLocal(e) ? 0 : e.kind === 'admin1' ? 1 : 2;
    const rank = national ? (e.kind === 'country' ? 0 : 1) : local;
    // Rank first, then distance in the text.
    const cost = rank * 1e9 + Math.abs(m.start - at);
    if (cost < bestCost) {
      bestCost = cost;
      best = e;
    }
  }
  return best ?? within;
}

/** A town, a county, or a site named as a place (the Kremlin, Windsor Castle): where a building nearby lies. */
function isLocal(e: GazetteerEntry | null): boolean {
  return !!e && (e.kind === 'populated' || e.kind === 'admin2' || e.featureCode === 'BLDG');
}

/** Towns and counties under 100,000 (capitals aside): many share their name, and a story seldom names one alone. */
function isMinor(e: GazetteerEntry | null): boolean {
  if (!e || e.population >= 100_000) return false;
  return (e.kind === 'populated' && e.featureCode !== 'PPLC') || e.kind === 'admin2';
}

const BACKING_KM = 100;

/** Whether another name of the story lies near a town or names its first-level division. */
function isBacked(m: Located, mentions: Located[]): boolean {
  const e = m.entry;
  if (!e) return false;
  return mentions.some((o) => {
    const x = o.entry;
    if (!x || x.id === e.id) return false;
    if (x.kind === 'admin1') return x.country === e.country && x.admin1 === e.admin1;
    return isLocal(x) && haversineKm(x.lat, x.lon, e.lat, e.lon) < BACKING_KM;
  });
}
