import type { DatePrecision } from './codes.js';

/** A day or an interval of days, inclusive, as ISO dates (YYYY-MM-DD). */
export interface DateInterval {
  from: string;
  to: string;
  precision: DatePrecision;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD strictly: "2017-02-30" is an error, not March 2nd. */
export function parseIsoDay(s: string): Date | null {
  const m = ISO_DAY.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return t;
}

/**
 * Whether parseIsoDay would read `s` as a day, without its regular expression and Date: a dataset
 * import asks this of two or three cells a row, a million rows over. Years before 100 are refused
 * as parseIsoDay refuses them (Date.UTC reads them as 19xx).
 */
export function isIsoDay(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH) return false;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  if (m !== 2) return d <= (m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
  return d <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
}

const DASH = 45;

/** The number s[from, to) spells in ASCII digits, or -1 where another character stands. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function toIsoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const d = parseIsoDay(iso);
  if (!d) throw new Error(`not a date: ${iso}`);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDay(d);
}

export function dayInterval(iso: string): DateInterval {
  return { from: iso, to: iso, precision: 'day' };
}

export function intervalsOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export function daysBetween(a: string, b: string): number {
  const da = parseIsoDay(a);
  const db = parseIsoDay(b);
  if (!da || !db) throw new Error(`not a date: ${da ? b : a}`);
  return Math.round((db.getTime() - da.getTime()) / 86_400_000);
}
