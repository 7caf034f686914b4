/**
 * Incident points held in typed arrays: one load from the API feeds the map, the timeline and the
 * totals, and brushing the timeline re-filters them here without another request.
 */
import { GRADE_NAMES, type GradeName } from '../../../src/domain/map-clusters.js';
import type { IncidentPoints } from '../api/types.js';

/**
 * Days since 1970-01-01; undated incidents get NaN and are left out of date filters' matches.
 * Positions stay in the clustering worker: the page itself only sums and buckets.
 */
export interface PointSet {
  length: number;
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

/** The /api/map/incidents JSON columns (the tests' fixtures) as a point set. */
export function toPointSet(p: IncidentPoints): PointSet {
  const n = p.code.length;
  const out: PointSet = {
    length: n,
    from: new Float64Array(n),
    to: new Float64Array(n),
    civMin: new Float64Array(n),
    civMax: new Float64Array(n),
    grade: new Uint8Array(n),
  };
  const gradeIndex = new Map<string, number>(GRADE_NAMES.map((g, i) => [g, i]));
  for (let i = 0; i < n; i++) {
    const f = p.from[i];
    const t = p.to[i];
    out.from[i] = f ? dayNumber(f) : Number.NaN;
    out.to[i] = t ? dayNumber(t) : (out.from[i] as number);
    const min = p.civMin[i];
    const max = p.civMax[i];
    out.civMin[i] = min ?? Number.NaN;
    out.civMax[i] = min === null || min === undefined ? Number.NaN : (max ?? Number.POSITIVE_INFINITY);
    out.grade[i] = gradeIndex.get(p.grading[i] ?? 'ungraded') ?? GRADE_NAMES.length - 1;
  }
  return out;
}

/**
 * The filters the page applies itself, without asking the server again: the date range (what
 * the timeline brush sets) and the gradings. The clustering worker applies the same one.
 */
export interface Selection {
  /** Day numbers; null for an open end. Both null: dates are not filtered (undated incidents stay). */
  from: number | null;
  to: number | null;
  /** Bit i set: GRADE_NAMES[i] is shown. */
  grades: number;
}

export const ALL_GRADES = (1 << GRADE_NAMES.length) - 1;

/** Gradings as in the URL ("fair", "ungraded"); empty means all of them. */
export function selection(from: string | null, to: string | null, gradings: readonly string[]): Selection {
  let grades = gradings.length ? 0 : ALL_GRADES;
  for (const g of gradings) {
    const i = (GRADE_NAMES as readonly string[]).indexOf(g);
    if (i >= 0) grades |= 1 << i;
  }
  return { from: from ? dayNumber(from) : null, to: to ? dayNumber(to) : null, grades };
}

export function sameSelection(a: Selection, b: Selection): boolean {
  return a.from === b.from && a.to === b.to && a.grades === b.grades;
}

/** Indexes of the points matching `sel`: dates overlapping [from, to] (the API's rule), and grading. */
export function selectPoints(
  ps: Pick<PointSet, 'length' | 'from' | 'to' | 'grade'>,
  sel: Selection,
): Uint32Array {
  const lo = sel.from ?? Number.NEGATIVE_INFINITY;
  const hi = sel.to ?? Number.POSITIVE_INFINITY;
  const allDates = sel.from === null && sel.to === null;
  const allGrades = sel.grades === ALL_GRADES;
  const out = new Uint32Array(ps.length);
  let k = 0;
  for (let i = 0; i < ps.length; i++) {
    if (!allGrades && !(sel.grades & (1 << (ps.grade[i] as number)))) continue;
    if (allDates || ((ps.to[i] as number) >= lo && (ps.from[i] as number) <= hi)) out[k++] = i;
  }
  return out.subarray(0, k);
}

/** Indexes of the points whose dates overlap [from, to] (the API's rule); all when both are null. */
export function selectByDate(ps: PointSet, from: string | null, to: string | null): Uint32Array {
  return selectPoints(ps, selection(from, to, []));
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
export function bucketize(ps: PointSet, bin: 'week' | 'month', grades = ALL_GRADES): Bucket[] {
  const shown = (i: number) => grades === ALL_GRADES || (grades & (1 << (ps.grade[i] as number))) !== 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < ps.length; i++) {
    if (!shown(i)) continue;
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
  // Incidents share a few thousand days: each day's bucket is worked out once (monthStart builds Dates).
  const byDay = new Map<number, Bucket>();
  for (let i = 0; i < ps.length; i++) {
    const f = ps.from[i] as number;
    if (Number.isNaN(f) || !shown(i)) continue;
    let b = byDay.get(f);
    if (!b) {
      b = buckets[index.get(startOf(f)) as number] as Bucket;
      byDay.set(f, b);
    }
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
export function totalsByGrade(ps: PointSet, selected: Uint32Array): Record<GradeName, Totals> {
  const out = Object.fromEntries(
    GRADE_NAMES.map((g) => [g, { incidents: 0, civilians: { min: 0, max: 0 } }]),
  ) as Record<GradeName, Totals>;
  for (const i of selected) {
    const t = out[GRADE_NAMES[ps.grade[i] as number] as GradeName];
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
