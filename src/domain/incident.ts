import type { Belligerent, ClaimStatus, DatePrecision, EventType, GeoPrecision } from './codes.js';
import type { DateInterval } from './dates.js';
import { precisionRank } from './geo.js';
import { type CountRange, envelope } from './range.js';

/** The part of a claim that incident figures are computed from. */
export interface ClaimFacts {
  status: ClaimStatus;
  date: DateInterval | null;
  placeName: string | null;
  placeId: string | null;
  lat: number | null;
  lon: number | null;
  admin1: string | null;
  country: string | null;
  geoPrecision: GeoPrecision | null;
  event: EventType | null;
  target: string | null;
  belligerents: Belligerent[];
  civiliansKilled: CountRange | null;
  killed: CountRange | null;
  injured: CountRange | null;
}

/** An incident's facts: the same fields as a claim's, derived from its counting claims. */
export type IncidentSummary = Omit<ClaimFacts, 'status'>;

export const DEFAULT_RANGE_RULE = 'lowest-min-to-highest-max';

export const RANGE_RULE_TEXT =
  'Civilian deaths run from the lowest credible minimum to the highest credible maximum among the ' +
  'incident’s accepted claims (its candidate claims while none is accepted yet; rejected claims never count). ' +
  'An open-ended figure ("at least 40") leaves the maximum open.';

/** The claims whose figures count: accepted ones once any is accepted, else the candidates. */
export function countingClaims<T extends { status: ClaimStatus }>(claims: readonly T[]): T[] {
  const accepted = claims.filter((c) => c.status === 'accepted');
  return accepted.length > 0 ? accepted : claims.filter((c) => c.status === 'candidate');
}

/** Derives an incident's facts from its claims under the default rule. Pure and order-independent. */
export function summariseIncident(all: readonly ClaimFacts[]): IncidentSummary {
  const claims = countingClaims(all);
  const placed = claims
    .filter((c) => c.lat !== null && c.lon !== null && c.geoPrecision !== null)
    .sort(
      (a, b) =>
        precisionRank(a.geoPrecision as GeoPrecision) - precisionRank(b.geoPrecision as GeoPrecision) ||
        (a.placeName ?? '').localeCompare(b.placeName ?? ''),
    );
  // Of the most precisely placed claims, the place most of them name ("Raqqa" in three reports over
  // "Ar Raqqah" in one), not the first name in alphabetical order.
  const precise = placed.filter((c) => c.geoPrecision === placed[0]?.geoPrecision);
  const name = mostCommon(precise.map((c) => c.placeName));
  const place = precise.find((c) => c.placeName === name) ?? null;
  return {
    date: narrowestDate(claims.map((c) => c.date)),
    placeName: place?.placeName ?? null,
    placeId: place?.placeId ?? null,
    lat: place?.lat ?? null,
    lon: place?.lon ?? null,
    admin1: place?.admin1 ?? null,
    country: place?.country ?? claims.find((c) => c.country)?.country ?? null,
    geoPrecision: place?.geoPrecision ?? null,
    event: mostCommon(claims.map((c) => c.event)),
    target: mostCommon(claims.map((c) => c.target)),
    belligerents: knownBelligerents(claims.flatMap((c) => c.belligerents)),
    civiliansKilled: envelope(claims.map((c) => c.civiliansKilled)),
    killed: envelope(claims.map((c) => c.killed)),
    injured: envelope(claims.map((c) => c.injured)),
  };
}

/** The union of claims' belligerents; "unknown" only stands when no claim names anyone. */
function knownBelligerents(all: readonly Belligerent[]): Belligerent[] {
  const named = [...new Set(all)].sort();
  return named.length > 1 ? named.filter((b) => b !== 'unknown') : named;
}

const DATE_PRECISION_RANK: Record<DatePrecision, number> = {
  day: 0,
  week: 1,
  interval: 2,
  month: 3,
  year: 4,
};

/** The most precise date any claim gives; ties broken by earliest, so the result never depends on order. */
function narrowestDate(dates: ReadonlyArray<DateInterval | null>): DateInterval | null {
  const known = dates.filter((d): d is DateInterval => d !== null);
  known.sort(
    (a, b) =>
      DATE_PRECISION_RANK[a.precision] - DATE_PRECISION_RANK[b.precision] ||
      spanDays(a) - spanDays(b) ||
      a.from.localeCompare(b.from),
  );
  return known[0] ?? null;
}

function spanDays(d: DateInterval): number {
  return (Date.parse(d.to) - Date.parse(d.from)) / 86_400_000;
}

function mostCommon<T extends string>(values: ReadonlyArray<T | null>): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let bestN = 0;
  for (const [v, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (n > bestN) {
      best = v;
      bestN = n;
    }
  }
  return best;
}
