/**
 * Picks one entry per recognised name, using the whole document: the country it is
 * about, the places named together (they tend to lie close), containment
 * ("X, Y", "X in Y province") and the kind of place the wording asks for.
 * Pure given its gazetteer.
 */
import { nameKey } from './normalize.js';
import { priorScore } from './prior.js';
import type { Candidate } from './recognize.js';
import { destinationPoint, haversineKm } from './relative.js';
import { type Gazetteer, type GazetteerEntry, type PlaceMention, precisionOf } from './types.js';

interface Scored {
  c: Candidate;
  options: GazetteerEntry[];
  base: number[];
  pick: number;
  /** Index into the mention list of the place that contains this one, if written so. */
  container: number | null;
  /** Mentions written as contained in this one ("Tacoma" of "Tacoma, Washington"). */
  contained: number[];
}

const HINT_BONUS = 2.5;
const PRESENT_COUNTRY_BONUS = 2;
const CONTAINER_BONUS = 4;
const REVERSE_CONTAINER_BONUS = 2;
const NAMED_DIVISION_BONUS = 1.5;
const SAME_DIVISION_BONUS = 1.5;
const LIST_KIND_BONUS = 1;

function isContinentLike(e: GazetteerEntry): boolean {
  return e.featureCode === 'CONT' || e.featureCode === 'RGN';
}

/** Entries of a candidate plus the divisions a type cue asks for ("Idlib province", "ريف حلب"). */
function optionsFor(g: Gazetteer, c: Candidate): GazetteerEntry[] {
  const opts = [...c.entries];
  if (c.typeCue === 'admin1' && !opts.some((e) => e.kind === 'admin1')) {
    const seen = new Set(opts.map((e) => e.id));
    // "The tropical Pacific region" is the ocean's, not the state of some town also called Pacific.
    const oceanOrRegion = c.entries.some(isContinentLike);
    for (const e of oceanOrRegion ? [] : c.entries.slice(0, 5)) {
      if (e.kind !== 'populated' || !e.country || !e.admin1) continue;
      const a = g.admin(e.country, e.admin1);
      if (a && !seen.has(a.id)) {
        opts.push(a);
        seen.add(a.id);
      }
    }
  }
  return opts;
}

/**
 * Penalty for a GeoNames place matched only by an alternate name: "Mexico" names the
 * country, Mexico City is only also called so. Countries and regions are exempt: their
 * names are curated synonyms ("Atlantic", "Britain").
 */
const ALTERNATE_NAME_PENALTY = 1;
const UNWRITTEN_DIVISION_PENALTY = 1;

/**
 * Whether the entry goes by the name as written: its own name, or that name with "City" where
 * the city is named so only to tell it from the state that shares its name ("New York City").
 * A country keeps its name ("Mexico", not Mexico City).
 */
function ownName(e: GazetteerEntry, written: string, all: GazetteerEntry[]): boolean {
  const own = nameKey(e.name);
  const key = nameKey(written);
  if (own === key) return true;
  return e.kind === 'populated' && own === `${key} city` && !all.some((o) => o.kind === 'country');
}

function baseScore(c: Candidate, e: GazetteerEntry, all: GazetteerEntry[], hint: string | null): number {
  let s = priorScore(e);
  if (e.kind !== 'country' && e.kind !== 'other' && !ownName(e, c.name, all)) s -= ALTERNATE_NAME_PENALTY;
  // A county read from a bare name ("Douglas" as Douglas County) needs the story's backing.
  if (e.kind === 'admin2' && c.typeCue !== 'admin2' && nameKey(e.name) !== nameKey(c.name))
    s -= UNWRITTEN_DIVISION_PENALTY;
  if (hint && e.country === hint) s += HINT_BONUS;
  switch (c.typeCue) {
    case 'admin1':
      if (e.kind === 'admin1') s += 5;
      break;
    case 'admin2':
      if (e.kind === 'admin2') s += 5;
      break;
    case 'town':
      if (e.kind === 'populated') s += 1.5;
      else if (e.kind !== 'other') s -= 3;
      break;
    default:
      // A division named after its seat ("Idlib", "Mosul"): the bare name means the city.
      if ((e.kind === 'admin1' || e.kind === 'admin2') && all.some((o) => isSeatOf(o, e))) {
        s -= e.kind === 'admin1' ? 2.5 : 1.5;
      }
  }
  return s;
}

/** A division's administrative seat of the same name ("Idlib" city of Idlib governorate). */
function isSeatOf(town: GazetteerEntry, division: GazetteerEntry): boolean {
  if (town.kind !== 'populated' || town.country !== division.country || town.admin1 !== division.admin1)
    return false;
  if (division.kind === 'admin2' && town.admin2 !== division.admin2) return false;
  // Where the town holds a good share of the division's people ("Homs", "New York"), its name means the town;
  // a provincial capital in a vast province ("Quebec") does not speak for it.
  return town.population >= 0.25 * division.population;
}

/** Whether `e` lies in `container` (same division codes; within 60 km of a town). */
export function contains(container: GazetteerEntry, e: GazetteerEntry): boolean {
  if (container.kind === 'country') return e.country === container.country;
  if (container.kind === 'admin1') return e.country === container.country && e.admin1 === container.admin1;
  if (container.kind === 'admin2')
    return e.country === container.country && e.admin1 === container.admin1 && e.admin2 === container.admin2;
  if (isContinentLike(container)) return true;
  return haversineKm(container.lat, container.lon, e.lat, e.lon) < 60;
}

/** Whether a division holds one of the leading readings of a mention written inside it. */
function holdsSomeReading(division: GazetteerEntry, inner: Scored | undefined): boolean {
  if (!inner || inner.c.weak) return false;
  return inner.options
    .slice(0, CONTEXT_CANDIDATES)
    .some((r) => (r.kind === 'populated' || r.kind === 'admin2') && contains(division, r));
}

/** Whether the mention at `i` is followed by another joined to it as list items are. */
export function listContinues(text: string, cands: Candidate[], i: number): boolean {
  const c = cands[i];
  const next = cands[i + 1];
  return !!c && !!next && /^\s*(,|and|or|&)\s*$/i.test(text.slice(c.end, next.start));
}

/** Which later mention, if any, is written as the container of each: "X, Y", "X (Y)", "X in Y province", "X بريف Y". */
export function findContainers(text: string, cands: Candidate[]): (number | null)[] {
  return cands.map((c, i) => {
    const next = cands[i + 1];
    if (!next) return null;
    const between = text.slice(c.end, next.start);
    if (/^\s*[,(]\s*$/.test(between) || /^\s*,?\s*(in|near|of)\s+(the\s+)?$/i.test(between)) return i + 1;
    // An apposition that says what the place is and where: "Kasba Bonli, a market town in Rajasthan".
    if (/^\s*,\s*(a|an|the)\s+([a-z]+\s+){1,3}(in|near|of|outside)\s+(the\s+)?$/.test(between)) return i + 1;
    if (/^\s*(في|ب)?\s*(ريف|محافظة|مدينة|منطقة)?\s*$/u.test(between) && /[\u0600-\u06ff]/.test(c.name))
      return i + 1;
    if (
      /^\s*(بريف|بمحافظة|بمدينة|في ريف|في محافظة|في مدينة|في منطقة|التابعة لمديرية|التابعة لمحافظة)\s*$/u.test(
        between,
      )
    )
      return i + 1;
    return null;
  });
}

export function resolveCandidates(
  g: Gazetteer,
  text: string,
  cands: Candidate[],
  hint: string | null,
): (GazetteerEntry | null)[] {
  const containers = findContainers(text, cands);
  const scored: Scored[] = cands.map((c, i) => {
    const options = optionsFor(g, c);
    return {
      c,
      options,
      base: options.map((e) => baseScore(c, e, options, hint)),
      pick: 0,
      container: containers[i] ?? null,
      contained: [],
    };
  });
  scored.forEach((s, i) => {
    // Not in a list ("Migori, Homa Bay, Wajir"), where each comma parts two names of one kind.
    if (s.container !== null && !listContinues(text, cands, s.container))
      scored[s.container]?.contained.push(i);
  });
  const listed = cands.map((_, i) =>
    [i - 1, i + 1].filter((j) => listContinues(text, cands, Math.min(i, j))),
  );
  for (const s of scored) s.pick = argmax(s.base);
  const keys = scored.map((s) => nameKey(s.c.name));

  // Two rounds of context: each reads the others' previous picks. A name counts once
  // however often it is repeated, and never votes for itself: "Paris" named five times
  // in a story from Paris, Illinois must not outvote the state the story names.
  for (let round = 0; round < 2; round++) {
    const byKey = new Map<string, { country: string; admin1: string | null; w: number }>();
    scored.forEach((s, k) => {
      const e = s.options[s.pick];
      const key = keys[k] ?? '';
      if (!e?.country || s.c.weak || byKey.has(key)) return;
      byKey.set(key, {
        country: e.country,
        admin1: e.kind !== 'country' ? e.admin1 : null,
        w: s.options.length === 1 ? 2 : 1,
      });
    });
    // First-level divisions the story names outright ("Louisiana"): a town of that name in one of them is the one meant.
    const namedDivisions = new Map<string, Set<string>>();
    scored.forEach((s, k) => {
      const e = s.options[s.pick];
      if (e?.kind !== 'admin1' || !e.admin1 || s.c.weak) return;
      const code = `${e.country}.${e.admin1}`;
      const names = namedDivisions.get(code) ?? new Set<string>();
      names.add(keys[k] ?? '');
      namedDivisions.set(code, names);
    });
    // A story that names several states of one country (a sports round-up) says less about each.
    const divisionsNamedIn = new Map<string, number>();
    for (const code of namedDivisions.keys()) {
      const c = code.slice(0, code.indexOf('.'));
      divisionsNamedIn.set(c, (divisionsNamedIn.get(c) ?? 0) + 1);
    }
    const countryWeight = new Map<string, number>();
    const admin1Weight = new Map<string, number>();
    let total = 0;
    for (const v of byKey.values()) {
      countryWeight.set(v.country, (countryWeight.get(v.country) ?? 0) + v.w);
      if (v.admin1) {
        const k = `${v.country}.${v.admin1}`;
        admin1Weight.set(k, (admin1Weight.get(k) ?? 0) + v.w);
      }
      total += v.w;
    }
    const picks = scored.map((s) => s.options[s.pick] ?? null);
    const next = scored.map((s, idx) => {
      const scores = s.options.map((e, k) => {
        let sc = s.base[k] ?? 0;
        const self = byKey.get(keys[idx] ?? '');
        const others = total - (self?.w ?? 0);
        if (others > 0 && e.country) {
          const ownC = self?.country === e.country ? self.w : 0;
          const elsewhere = (countryWeight.get(e.country) ?? 0) - ownC;
          sc += (2 * elsewhere) / others;
          // A country the story names nowhere else is unlikely to hold this place either ("Gaza" beside
          // Israel); a country's own name is evidence enough of it.
          if (elsewhere > 0 || e.kind === 'country') sc += PRESENT_COUNTRY_BONUS;
          if (e.admin1 && e.kind !== 'country') {
            const ownA = self?.country === e.country && self.admin1 === e.admin1 ? self.w : 0;
            const a1 = (admin1Weight.get(`${e.country}.${e.admin1}`) ?? 0) - ownA;
            sc += Math.max(0, a1) / others;
            const named = namedDivisions.get(`${e.country}.${e.admin1}`);
            if (named && [...named].some((n) => n !== keys[idx]))
              sc +=
                e.kind === 'admin1'
                  ? // The division itself, named again otherwise ("Wash." and "Washington").
                    SAME_DIVISION_BONUS
                  : NAMED_DIVISION_BONUS / (divisionsNamedIn.get(e.country) ?? 1);
          }
        } else if (others > 0 && isContinentLike(e)) sc += PRESENT_COUNTRY_BONUS;
        // Names listed together are of one kind ("Becker, Clay and Douglas" counties; "California or Washington").
        if (
          e.kind !== 'populated' &&
          listed[idx]?.some((j) => picks[j]?.kind === e.kind && keys[j] !== keys[idx])
        )
          sc += LIST_KIND_BONUS;
        // "Tacoma, Washington": the container is the reading that holds some reading of what it contains.
        if (
          (e.kind === 'admin1' || e.kind === 'admin2') &&
          s.contained.some((j) => holdsSomeReading(e, scored[j]))
        )
          sc += REVERSE_CONTAINER_BONUS;
        if (s.container !== null) {
          const cont = picks[s.container];
          if (cont && contains(cont, e)) sc += CONTAINER_BONUS;
        }
        // Places named together tend to lie together (least spread): reward candidates near some reading of each other name.
        if (e.kind !== 'country' && !isContinentLike(e))
          sc += CLUSTER_WEIGHT * closeness(e, idx, scored, keys, picks);
        return sc;
      });
      return argmax(scores);
    });
    next.forEach((p, k) => {
      const s = scored[k];
      if (s) s.pick = p;
    });
  }

  // A weak reading stays only where it fits the rest of the document.
  const focus = new Set<string>();
  if (hint) focus.add(hint);
  for (const s of scored) {
    const e = s.options[s.pick];
    if (!s.c.weak && e?.country) focus.add(e.country);
  }
  const towns = scored
    .filter((s) => !s.c.weak)
    .map((s) => s.options[s.pick])
    .filter((e): e is GazetteerEntry => e?.kind === 'populated' || e?.kind === 'admin2');
  return scored.map((s) => {
    const e = s.options[s.pick] ?? null;
    if (!e) return null;
    if (s.c.weak && !(e.country && focus.has(e.country))) return null;
    // A town matched only as a spelling variant must also fit the towns named around it ("Anfield" in a
    // story on Liverpool is not Enfield Town in London).
    if (s.c.weak && e.kind === 'populated' && !amongTowns(e, towns)) return null;
    return e;
  });
}

/**
 * Whether a town lies among the towns and counties the story names in its country: within
 * `NEAR_TOWN_KM` of one, or the story names none there. Capitals and cities of a million are named
 * from anywhere.
 */
function amongTowns(e: GazetteerEntry, towns: GazetteerEntry[]): boolean {
  if (namedFromAnywhere(e)) return true;
  // Nor do they say where a story's villages lie: "SANAA (Reuters) -" and a strike on Mokha, 250 km off.
  const own = towns.filter((t) => t.country === e.country && !namedFromAnywhere(t));
  // One other town says little about where a story's places lie: a report from a country at war names
  // places across it ("an air strike on Saraqeb killed four; clashes were reported near Qamishli").
  return own.length < 2 || own.some((t) => haversineKm(t.lat, t.lon, e.lat, e.lon) < NEAR_TOWN_KM);
}

/** A capital or a city of a million: news names it from anywhere, datelines included. */
function namedFromAnywhere(e: GazetteerEntry): boolean {
  return e.population >= 1_000_000 || e.featureCode === 'PPLC';
}

/**
 * How near a town must lie to another the story names for the two to back one another: a
 * spelling-variant town here, small places in the stray test (geoparser.ts). 150 to 250 km give
 * the same results on the four corpora.
 */
export const NEAR_TOWN_KM = 150;

const CLUSTER_WEIGHT = 3;
const CONTEXT_CANDIDATES = 10;

function near(km: number): number {
  if (km < 40) return 1;
  if (km < 120) return 0.7;
  if (km < 300) return 0.35;
  return 0;
}

/**
 * Mean, over the other distinct names of the document, of how close `e` lies to the
 * best-fitting reading of each: every reading counts, the current pick most, so
 * that two ambiguous names can pull each other to the same region.
 */
function closeness(
  e: GazetteerEntry,
  self: number,
  scored: Scored[],
  keys: string[],
  picks: (GazetteerEntry | null)[],
): number {
  const seen = new Set<string>([keys[self] ?? '']);
  let sum = 0;
  let count = 0;
  for (let o = 0; o < scored.length; o++) {
    const key = keys[o] ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    const other = scored[o];
    if (!other || other.c.weak) continue;
    count++;
    let best = 0;
    const opts = other.options;
    for (let k = 0; k < opts.length && k < CONTEXT_CANDIDATES; k++) {
      const c = opts[k];
      if (!c || isContinentLike(c)) continue;
      const w = c === picks[o] ? 1 : 0.6;
      let v: number;
      // A small country's point lies near its borders: a place beside it ("Gaza" in a story that names
      // Israel) is backed as by a town named near it. A large country's point is far from anything.
      if (c.kind === 'country')
        v = c.country === e.country ? 0.3 : near(haversineKm(c.lat, c.lon, e.lat, e.lon));
      else if (c.kind === 'admin1') v = c.country === e.country && c.admin1 === e.admin1 ? 0.8 : 0;
      else v = near(haversineKm(c.lat, c.lon, e.lat, e.lon));
      best = Math.max(best, v * w);
    }
    sum += best;
  }
  return count > 0 ? sum / count : 0;
}

function argmax(xs: number[]): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if ((xs[i] ?? -1e9) > (xs[best] ?? -1e9)) best = i;
  return best;
}

/** The mention a caller sees: the entry's point, or the offset point, with its precision. */
export function toMention(c: Candidate, e: GazetteerEntry | null): PlaceMention {
  const m: PlaceMention = {
    start: c.start,
    end: c.end,
    name: c.name,
    entry: e,
    lat: e?.lat ?? null,
    lon: e?.lon ?? null,
    precision: e ? precisionOf(e) : 'town',
  };
  if (c.demonym) m.demonym = true;
  if (e && c.offset) {
    const p = destinationPoint(e.lat, e.lon, c.offset.km, c.offset.bearing);
    m.lat = p.lat;
    m.lon = p.lon;
    m.precision = 'point';
    m.offset = { start: c.offset.start, km: c.offset.km, bearing: c.offset.bearing };
  }
  return m;
}
