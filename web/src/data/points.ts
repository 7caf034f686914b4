/**
 * Incident points held in typed arrays: one load from the API feeds the map, the timeline and the
 * totals, and brushing the timeline re-filters them here without another request.
 */
import type { IncidentPoints } from '../api/types.js';

export const GRADE_KEYS = ['confirmed', 'fair', 'weak', 'contested', 'discounted', 'ungraded'] as const;
export type GradeKey = (typeof GRADE_KEYS)[number];

/** Days since 1970-01-01; undated incidents get NaN and are left out of date filters' matches. */
export interface PointSet {
  length: number;
  code: string[];
  lon: Float64Array;
  lat: Float64Array;
  from: Float64Array;
  to: Float64Array;
  civMin: Float64Array;
  /** Infinity when the maximum is open ("at least 40"); NaN when there is no figure at all. */
  civMax: Float64Array;
  grade: Uint8Array;
}

const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function toPointSet(p: IncidentPoints): PointSet {
  const n = p.code.length;
  const out: PointSet = {
    length: n,
    code: p.code,
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    from: new Float64Array(n),
    to: new Float64Array(n),
    civMin: new Float64Array(n),
    civMax: new Float64Array(n),
    grade: new Uint8Array(n),
  };
  const gradeIndex = new Map<string, number>(GRADE_KEYS.map((g, i) => [g, i]));
  for (let i = 0; i < n; i++) {
    out.lon[i] = p.lon[i] ?? Number.NaN;
    out.lat[i] = p.lat[i] ?? Number.NaN;
    const f = p.from[i];
    const t = p.to[i];
    out.from[i] = f ? dayNumber(f) : Number.NaN;
    out.to[i] = t ? dayNumber(t) : (out.from[i] as number);
    const min = p.civMin[i];
    const max = p.civMax[i];
    out.civMin[i] = min ?? Number.NaN;
    out.civMax[i] = min === null || min === undefined ? Number.NaN : (max ?? Number.POSITIVE_INFINITY);
    out.grade[i] = gradeIndex.get(p.grading[i] ?? 'ungraded') ?? GRADE_KEYS.length - 1;
  }
  return out;
}

/** Indexes of the points whose dates overlap [from, to] (the API's rule); all when both are null. */
export function selectByDate(ps: PointSet, from: string | null, to: string | null): Uint32Array {
  const lo = from ? dayNumber(from) : Number.NEGATIVE_INFINITY;
  const hi = to ? dayNumber(to) : Number.POSITIVE_INFINITY;
  const all = !from && !to;
  const out = new Uint32Array(ps.length);
  let k = 0;
  for (let i = 0; i < ps.length; i++) {
    if (all || ((ps.to[i] as number) >= lo && (ps.from[i] as number) <= hi)) out[k++] = i;
  }
  return out.subarray(0, k);
}

export interface RangeSum {
  min: number;
  /** null when any summed maximum is open-ended, as the API reports it. */
  max: number | null;
}

export interface Bucket {
  /** First day of the bucket (ISO). */
  start: string;
  startDay: number;
  endDay: number;
  incidents: number;
  civilians: RangeSum;
}

/** Monday of the ISO week containing day n (1970-01-01 was a Thursday). */
function weekStart(n: number): number {
  return n - ((n + 3) % 7);
}

function monthStart(n: number): number {
  const d = new Date(n * DAY_MS);
  return dayNumber(`${d.toISOString().slice(0, 7)}-01`);
}

function nextMonth(start: number): number {
  const d = new Date(start * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS);
}

/**
 * Civilian deaths and incident counts by week or month, keyed by each incident's first day.
 * Every bucket between the first and the last is present, so gaps show as zero.
 */
export function bucketize(ps: PointSet, bin: 'week' | 'month'): Bucket[] {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < ps.length; i++) {
    const f = ps.from[i] as number;
    if (Number.isNaN(f)) continue;
    if (f < first) first = f;
    if (f > last) last = f;
  }
  if (first === Number.POSITIVE_INFINITY) return [];
  const startOf = bin === 'week' ? weekStart : monthStart;
  const next = bin === 'week' ? (s: number) => s + 7 : nextMonth;
  const buckets: Bucket[] = [];
  const index = new Map<number, number>();
  for (let s = startOf(first); s <= last; s = next(s)) {
    index.set(s, buckets.length);
    buckets.push({
      start: isoDay(s),
      startDay: s,
      endDay: next(s) - 1,
      incidents: 0,
      civilians: { min: 0, max: 0 },
    });
  }
  for (let i = 0; i < ps.length; i++) {
    const f = ps.from[i] as number;
    if (Number.isNaN(f)) continue;
    const b = buckets[index.get(startOf(f)) as number] as Bucket;
    b.incidents++;
    addFigure(b.civilians, ps.civMin[i] as number, ps.civMax[i] as number);
  }
  return buckets;
}

function addFigure(sum: RangeSum, min: number, max: number): void {
  if (Number.isNaN(min)) return;
  sum.min += min;
  sum.max = sum.max === null || max === Number.POSITIVE_INFINITY ? null : sum.max + max;
}

export interface Totals {
  incidents: number;
  civilians: RangeSum;
}

/** Sum of minimums to sum of maximums for each grading over the selected points. */
export function totalsByGrade(ps: PointSet, selected: Uint32Array): Record<GradeKey, Totals> {
  const out = Object.fromEntries(
    GRADE_KEYS.map((g) => [g, { incidents: 0, civilians: { min: 0, max: 0 } }]),
  ) as Record<GradeKey, Totals>;
  for (const i of selected) {
    const t = out[GRADE_KEYS[ps.grade[i] as number] as GradeKey];
    t.incidents++;
    addFigure(t.civilians, ps.civMin[i] as number, ps.civMax[i] as number);
  }
  return out;
}

export function combine(parts: Totals[]): Totals {
  const sum: Totals = { incidents: 0, civilians: { min: 0, max: 0 } };
  for (const p of parts) {
    sum.incidents += p.incidents;
    sum.civilians.min += p.civilians.min;
    sum.civilians.max =
      sum.civilians.max === null || p.civilians.max === null ? null : sum.civilians.max + p.civilians.max;
  }
  return sum;
}
