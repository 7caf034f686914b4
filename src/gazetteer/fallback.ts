/**
 * Readings for a span known to name a place that the gazetteer does not hold as
 * written: the place the story names near that span ("Royal Street" in a story on New
 * Orleans), or a place named inside it ("Cavan Institute"). Pure.
 */
import { COMMON_WORDS, FACILITY_WORDS, NAME_CONNECTORS } from './cues.js';
import { nameKey } from './normalize.js';
import { tokenize } from './tokens.js';
import type { Gazetteer, GazetteerEntry } from './types.js';

/**
 * Entries for the longest run of capitalised words inside the span that the gazetteer
 * knows, leftmost first among runs of one length; single common words do not count.
 */
export function innerNameEntries(g: Gazetteer, raw: string): GazetteerEntry[] {
  const tokens = tokenize(raw);
  for (let n = tokens.length - 1; n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const first = tokens[i];
      const last = tokens[i + n - 1];
      if (!first || !last || !first.capital || !last.capital) continue;
      const sub = raw.slice(first.start, last.end);
      const key = nameKey(sub);
      if (key.replace(/\s/g, '').length < 3) continue;
      if (n === 1 && (COMMON_WORDS.has(key) || NAME_CONNECTORS.has(key) || FACILITY_WORDS.has(key))) continue;
      const entries = g.lookupKey(key);
      if (entries.length > 0) return entries;
    }
  }
  return [];
}

export interface Located {
  start: number;
  entry: GazetteerEntry | null;
}

/**
 * The entry of the resolved mention nearest in the text to `at`, preferring towns and
 * districts to divisions and countries: a street or building named without its town
 * lies in the town the story names around it.
 */
export function nearestContext(mentions: Located[], at: number): GazetteerEntry | null {
  let best: GazetteerEntry | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const m of mentions) {
    const e = m.entry;
    if (!e) continue;
    const rank = e.kind === 'populated' || e.kind === 'admin2' ? 0 : e.kind === 'admin1' ? 1 : 2;
    if (e.featureCode === 'CONT' || e.featureCode === 'RGN') continue;
    // Rank first, then distance in the text.
    const cost = rank * 1e9 + Math.abs(m.start - at);
    if (cost < bestCost) {
      bestCost = cost;
      best = e;
    }
  }
  return best;
}
