/** A count as reported: min..max, max null when open-ended ("at least 42"). */
/**
 * The largest count Vigil stores: PostgreSQL's `integer` columns hold no more. A larger figure is a
 * typing slip, refused where it is entered (a dataset cell, a hand-set range) on both databases.
 */
export const MAX_COUNT = 2_147_483_647;

export interface CountRange {
  min: number;
  max: number | null;
}

export function exact(n: number): CountRange {
  return { min: n, max: n };
}

export function atLeast(n: number): CountRange {
  return { min: n, max: null };
}

export function rangesEqual(a: CountRange | null, b: CountRange | null): boolean {
  if (a === null || b === null) return a === b;
  return a.min === b.min && a.max === b.max;
}

/**
 * The lowest minimum to the highest maximum; an open-ended member makes the
 * result open-ended. Nulls (no figure given) are ignored; all-null gives null.
 */
export function envelope(ranges: ReadonlyArray<CountRange | null>): CountRange | null {
  let out: CountRange | null = null;
  for (const r of ranges) {
    if (r === null) continue;
    if (out === null) {
      out = { ...r };
      continue;
    }
    out.min = Math.min(out.min, r.min);
    out.max = out.max === null || r.max === null ? null : Math.max(out.max, r.max);
  }
  return out;
}

/** Sum of minimums to sum of maximums; any open maximum makes the sum open. */
export interface RangeSum {
  min: number;
  max: number | null;
}

export function addToSum(sum: RangeSum, r: CountRange | null): RangeSum {
  if (r === null) return sum;
  return { min: sum.min + r.min, max: sum.max === null || r.max === null ? null : sum.max + r.max };
}

export function formatRange(r: CountRange | null): string {
  if (r === null) return '–';
  if (r.max === null) return `${r.min}+`;
  if (r.max === r.min) return String(r.min);
  return `${r.min}–${r.max}`;
}
