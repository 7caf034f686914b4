import { isIsoDay } from '../../domain/dates.js';
import { MAX_COUNT } from '../../domain/range.js';
import { InputError } from '../errors.js';
import { KeptValues } from './record-codec.js';
import type { CsvRecord, RowContext } from './types.js';

/** The error for one cell: names the file, the line and the column (by name and number). */
export function cellError(ctx: RowContext, field: string, message: string): InputError {
  const n = ctx.column(field);
  return new InputError(message, ctx.origin, ctx.line, n === null ? field : `${field}, column ${n}`);
}

export function text(row: CsvRecord, field: string): string | null {
  const v = row[field];
  if (v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

export function requiredText(row: CsvRecord, field: string, ctx: RowContext): string {
  const v = text(row, field);
  if (v === null) throw cellError(ctx, field, `${field} is empty`);
  return v;
}

/**
 * A count read from `cell` of `field`, refused with its place beyond MAX_COUNT: PostgreSQL would
 * refuse the whole batch without a line, and SQLite would keep it.
 */
export function boundedCount(n: number, cell: string, field: string, ctx: RowContext): number {
  if (n > MAX_COUNT)
    throw cellError(ctx, field, `number too large: ${cell} (at most ${MAX_COUNT.toLocaleString('en')})`);
  return n;
}

/** A cell's text as a non-negative whole number. "1,234" is refused, not read as 1. */
export function countValue(cell: string, field: string, ctx: RowContext): number {
  if (!/^\d+$/.test(cell)) throw cellError(ctx, field, `expected a whole number ≥ 0, got "${cell}"`);
  return boundedCount(Number(cell), cell, field, ctx);
}

/** A non-negative whole number; empty gives null. */
export function count(row: CsvRecord, field: string, ctx: RowContext): number | null {
  const v = text(row, field);
  return v === null ? null : countValue(v, field, ctx);
}

export function requiredCount(row: CsvRecord, field: string, ctx: RowContext): number {
  const n = count(row, field, ctx);
  if (n === null) throw cellError(ctx, field, `${field} is empty`);
  return n;
}

export function coordinate(row: CsvRecord, field: string, ctx: RowContext, limit: 90 | 180): number | null {
  const v = text(row, field);
  if (v === null) return null;
  const n = Number(v);
  if (!Number.isFinite(n) || Math.abs(n) > limit)
    throw cellError(ctx, field, `expected a coordinate between -${limit} and ${limit}, got "${v}"`);
  return n;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** YYYY-MM-DD, or ACLED's older "15 March 2017"; impossible days are refused. */
export function day(row: CsvRecord, field: string, ctx: RowContext): string | null {
  const v = text(row, field);
  if (v === null) return null;
  let iso = v.slice(0, 10);
  // Nearly every cell: ISO already, which the long form below cannot be.
  if (isIsoDay(iso)) return iso;
  const long = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(v);
  if (long) {
    const month = MONTHS.findIndex((m) => m.startsWith((long[2] ?? '').toLowerCase()));
    if (month >= 0 && (long[2] ?? '').length >= 3)
      iso = `${long[3]}-${String(month + 1).padStart(2, '0')}-${(long[1] ?? '').padStart(2, '0')}`;
  }
  if (!isIsoDay(iso)) throw cellError(ctx, field, `expected a real date YYYY-MM-DD, got "${v}"`);
  return iso;
}

export function requiredDay(row: CsvRecord, field: string, ctx: RowContext): string {
  const d = day(row, field, ctx);
  if (d === null) throw cellError(ctx, field, `${field} is empty`);
  return d;
}

/** The columns of a row worth keeping verbatim: the named ones that are present and non-empty. */
export function keep(row: CsvRecord, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = row[f];
    if (v !== undefined && v !== '') out[f] = v;
  }
  return out;
}

/**
 * keep()'s columns by position in `fields` (KeptValues): for an importer whose record columns are
 * exactly `fields`, encodeRecord then stores them as they are.
 */
export function keepValues(row: CsvRecord, fields: readonly string[]): KeptValues {
  const values: (string | null)[] = new Array(fields.length);
  let last = -1;
  for (let i = 0; i < fields.length; i++) {
    const v = row[fields[i] as string];
    if (v !== undefined && v !== '') {
      values[i] = v;
      last = i;
    } else values[i] = null;
  }
  values.length = last + 1;
  return new KeptValues(fields, values);
}
