import { addDays, daysBetween, intervalsOverlap } from '../domain/dates.js';
import { haversineKm, PRECISION_TOLERANCE_KM } from '../domain/geo.js';
import { minCostAssignment } from './assignment.js';
import type { GoldClaim, GoldDate, PredictedClaim } from './gold.js';

export interface ClaimMatch {
  goldIndex: number;
  predIndex: number;
  distanceKm: number;
}

interface Interval {
  from: string;
  to: string;
}

export function dateBounds(d: GoldDate): Interval {
  return typeof d === 'string' ? { from: d, to: d } : d;
}

/** Days between two intervals; 0 when they overlap. */
function gapDays(a: Interval, b: Interval): number {
  if (intervalsOverlap(a, b)) return 0;
  return a.to < b.from ? daysBetween(a.to, b.from) : daysBetween(b.to, a.from);
}

interface Edge {
  distanceKm: number;
  gap: number;
}

/** The scoring rule's two conditions; null when the pair cannot match. */
function candidate(gold: GoldClaim, pred: PredictedClaim): Edge | null {
  if (pred.date === null || pred.lat === null || pred.lon === null) return null;
  const g = dateBounds(gold.date);
  const p = dateBounds(pred.date);
  if (!intervalsOverlap(p, { from: addDays(g.from, -1), to: addDays(g.to, 1) })) return null;
  const distanceKm = haversineKm(gold, { lat: pred.lat, lon: pred.lon });
  if (distanceKm > PRECISION_TOLERANCE_KM[gold.geo_precision]) return null;
  return { distanceKm, gap: gapDays(g, p) };
}

/**
 * Maximum bipartite matching of one report's claims: as many pairs as
 * possible, then the least total distance, then (between pairs equally far,
 * e.g. two claims in one town) the least total day gap. Costs are whole numbers
 * (metres, scaled so that distance always outweighs the gap) so the three
 * levels never blur into one another through rounding.
 */
export function matchClaims(gold: readonly GoldClaim[], predicted: readonly PredictedClaim[]): ClaimMatch[] {
  if (gold.length === 0 || predicted.length === 0) return [];
  const edges = gold.map((g) => predicted.map((p) => candidate(g, p)));
  if (!edges.some((row) => row.some((e) => e !== null))) return [];
  // A gap is 0 or 1 day (the window is the gold date ±1), so the sum of gaps
  // over any assignment is below `gapScale`.
  const gapScale = Math.min(gold.length, predicted.length) + 1;
  const edgeCost = (e: Edge): number => Math.round(e.distanceKm * 1000) * gapScale + e.gap;
  let maxEdge = 0;
  for (const row of edges) for (const e of row) if (e) maxEdge = Math.max(maxEdge, edgeCost(e));
  // A non-edge costs more than any full assignment of edges: fewer pairs never wins.
  const nonEdge = (maxEdge + 1) * gapScale;
  const cost = edges.map((row) => row.map((e) => (e ? edgeCost(e) : nonEdge)));
  const out: ClaimMatch[] = [];
  minCostAssignment(cost).forEach((predIndex, goldIndex) => {
    const e = predIndex >= 0 ? edges[goldIndex]?.[predIndex] : null;
    if (e) out.push({ goldIndex, predIndex, distanceKm: e.distanceKm });
  });
  return out;
}
