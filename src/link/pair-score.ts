import type { Belligerent, DatePrecision, EventType, GeoPrecision } from '../domain/codes.js';
import { addDays, type DateInterval, daysBetween, intervalsOverlap } from '../domain/dates.js';
import { coarser, haversineKm, PRECISION_TOLERANCE_KM } from '../domain/geo.js';

/** What linking compares of a claim. */
export interface LinkFacts {
  date: DateInterval | null;
  lat: number | null;
  lon: number | null;
  geoPrecision: GeoPrecision | null;
  placeId: string | null;
  country: string | null;
  event: EventType | null;
  belligerents: readonly Belligerent[];
}

/** Pairs scoring at least this are one event without asking anyone. */
export const AUTO_LINK_THRESHOLD = 0.55;
/** Pairs between this and the automatic threshold are put to an analyst as suggestions. */
export const SUGGEST_THRESHOLD = 0.3;

/** Days of slack on each side of a date, by how precise it is. */
export const DATE_SLACK_DAYS: Record<DatePrecision, number> = {
  day: 1,
  week: 2,
  interval: 1,
  month: 3,
  year: 7,
};
/** The widest slack any claim can have: how far around a date a store must look for partners. */
export const MAX_DATE_SLACK_DAYS = 7;
/** The widest place tolerance any claim can have: how far around a place a store must look. */
export const MAX_TOLERANCE_KM = Math.max(...Object.values(PRECISION_TOLERANCE_KM));

/**
 * Reports confuse these freely ("shelling or an air strike"), so a difference between them is weak
 * evidence of two events. Other event types differing means different events.
 */
const CONFUSABLE_EVENTS: ReadonlyArray<ReadonlySet<EventType>> = [
  new Set<EventType>(['air_drone_strike', 'shelling_artillery_missile']),
];

/**
 * Parties reports routinely name for one another's strikes: a report blaming "US jets" and one blaming
 * "the coalition" agree; so do "regime" and "Russian" warplanes, which flew together.
 */
const ALLIED: ReadonlyArray<ReadonlySet<Belligerent>> = [
  new Set<Belligerent>(['us-led-coalition', 'united-states']),
  new Set<Belligerent>(['syrian-government', 'russia', 'iran', 'hezbollah']),
];

function widened(d: DateInterval): { from: string; to: string } {
  const slack = DATE_SLACK_DAYS[d.precision];
  return { from: addDays(d.from, -slack), to: addDays(d.to, slack) };
}

function dateScore(a: DateInterval, b: DateInterval): number | null {
  if (!intervalsOverlap(widened(a), widened(b))) return null;
  const bothDays = a.from === a.to && b.from === b.to;
  if (!bothDays) return intervalsOverlap(a, b) ? 0.5 : 0.3;
  const gap = Math.abs(daysBetween(a.from, b.from));
  return gap === 0 ? 1 : gap === 1 ? 0.6 : 0.2;
}

function eventScore(a: EventType | null, b: EventType | null): { score: number; conflict: boolean } {
  if (a === null || b === null) return { score: 0.5, conflict: false };
  if (a === b) return { score: 1, conflict: false };
  if (CONFUSABLE_EVENTS.some((s) => s.has(a) && s.has(b))) return { score: 0.3, conflict: false };
  return { score: 0, conflict: true };
}

function actorScore(
  a: readonly Belligerent[],
  b: readonly Belligerent[],
): { score: number; conflict: boolean } {
  const ka = a.filter((x) => x !== 'unknown');
  const kb = b.filter((x) => x !== 'unknown');
  if (ka.length === 0 || kb.length === 0) return { score: 0.5, conflict: false };
  if (ka.some((x) => kb.includes(x))) return { score: 1, conflict: false };
  if (ALLIED.some((s) => ka.some((x) => s.has(x)) && kb.some((x) => s.has(x))))
    return { score: 0.7, conflict: false };
  return { score: 0, conflict: true };
}

/**
 * How likely two claims describe one event, 0..1, or null when they cannot: no date or place,
 * dates that do not overlap even with slack by precision, places further apart than the coarser
 * precision allows, or different countries. Competing event types or attributions cap the score
 * below the automatic threshold: such a pair is at most a suggestion for an analyst.
 * Symmetric, so the result never depends on which claim came first.
 */
export function pairScore(a: LinkFacts, b: LinkFacts): number | null {
  if (!a.date || !b.date) return null;
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return null;
  if (a.country && b.country && a.country !== b.country) return null;
  const date = dateScore(a.date, b.date);
  if (date === null) return null;
  const precision = coarser(a.geoPrecision ?? 'country', b.geoPrecision ?? 'country');
  const tolerance = PRECISION_TOLERANCE_KM[precision];
  const km = haversineKm({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon });
  if (km > tolerance) return null;
  // Squared: two towns 18 km apart are different places even though the tolerance is 25 km.
  const place = a.placeId !== null && a.placeId === b.placeId ? 1 : (1 - km / tolerance) ** 2;
  const event = eventScore(a.event, b.event);
  const actor = actorScore(a.belligerents, b.belligerents);
  const score = 0.4 * place + 0.35 * date + 0.15 * event.score + 0.1 * actor.score;
  const capped = event.conflict || actor.conflict ? Math.min(score, AUTO_LINK_THRESHOLD - 0.01) : score;
  return Math.round(capped * 1e6) / 1e6;
}
