import type { DatePrecision, GeoPrecision } from '../domain/codes.js';
import { addDays, type DateInterval, intervalsOverlap } from '../domain/dates.js';
import { coarser, haversineKm, PRECISION_TOLERANCE_KM } from '../domain/geo.js';
import type { ClaimFacts } from '../domain/incident.js';

/** An incident as far as matching cares: its derived facts. */
export type MatchTarget = Pick<
  ClaimFacts,
  'date' | 'lat' | 'lon' | 'geoPrecision' | 'country' | 'event' | 'belligerents'
>;

/** Days of slack added on each side of a date, by how precise it is. */
const DATE_SLACK_DAYS: Record<DatePrecision, number> = { day: 1, week: 2, interval: 1, month: 3, year: 7 };

function widened(d: DateInterval): { from: string; to: string } {
  const slack = DATE_SLACK_DAYS[d.precision];
  return { from: addDays(d.from, -slack), to: addDays(d.to, slack) };
}

/**
 * How well a claim fits an incident, 0..1, or null when they cannot be one event:
 * dates that do not overlap (with slack by precision), places further apart than their
 * precision allows, different event types, or disjoint belligerents.
 */
export function matchScore(claim: MatchTarget, incident: MatchTarget): number | null {
  if (!claim.date || !incident.date) return null;
  if (!intervalsOverlap(widened(claim.date), widened(incident.date))) return null;
  if (claim.lat === null || claim.lon === null || incident.lat === null || incident.lon === null) return null;
  const precision = coarser(
    (claim.geoPrecision ?? 'country') as GeoPrecision,
    (incident.geoPrecision ?? 'country') as GeoPrecision,
  );
  const km = haversineKm({ lat: claim.lat, lon: claim.lon }, { lat: incident.lat, lon: incident.lon });
  const tolerance = PRECISION_TOLERANCE_KM[precision];
  if (km > tolerance) return null;
  if (claim.country && incident.country && claim.country !== incident.country) return null;
  if (claim.event && incident.event && claim.event !== incident.event) return null;
  const shared = claim.belligerents.filter((b) => incident.belligerents.includes(b));
  if (claim.belligerents.length > 0 && incident.belligerents.length > 0 && shared.length === 0) return null;
  const placeScore = 1 - km / tolerance;
  const dateScore = claim.date.from === incident.date.from && claim.date.to === incident.date.to ? 1 : 0.5;
  const actorScore = shared.length > 0 ? 1 : 0.5;
  const eventScore = claim.event && incident.event ? 1 : 0.5;
  return 0.4 * placeScore + 0.25 * dateScore + 0.2 * actorScore + 0.15 * eventScore;
}
