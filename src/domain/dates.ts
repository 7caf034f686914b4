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

export function isIsoDay(s: string): boolean {
  return parseIsoDay(s) !== null;
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
