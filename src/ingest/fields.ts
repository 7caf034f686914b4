import { isOneOf, MAX_SOURCE_NAME_CHARS, SOURCE_KINDS, type SourceKind } from '../domain/codes.js';
import { isIsoDay } from '../domain/dates.js';
import type { SourceInput } from '../domain/report.js';
import { InputError } from './errors.js';
import { countryName } from './importers/countries.js';

interface Where {
  origin: string;
  line?: number | null;
}

function fail(where: Where, field: string, message: string): never {
  throw new InputError(message, where.origin, where.line ?? null, field);
}

export function optionalString(value: unknown, field: string, where: Where): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return fail(where, field, `expected text, got ${typeof value}`);
}

/** Accepts YYYY-MM-DD (or a YAML date); refuses impossible days such as 2017-02-30. */
export function publishedDate(value: unknown, where: Where, field = 'published'): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(where, field, 'not a valid date');
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return fail(where, field, `expected a date YYYY-MM-DD, got ${typeof value}`);
  const day = value.trim().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) fail(where, field, `expected a date YYYY-MM-DD, got "${value}"`);
  if (!isIsoDay(day)) fail(where, field, `not a real date: ${day}`);
  return day;
}

export function languageCode(value: unknown, where: Where): string | null {
  const s = optionalString(value, 'language', where);
  if (s === null) return null;
  const code = s.toLowerCase();
  if (!/^[a-z]{2,3}$/.test(code))
    fail(where, 'language', `expected an ISO 639 code such as "en" or "ar", got "${s}"`);
  return code;
}

/** An ISO 3166-1 alpha-2 code ("SY", "sy"), upper-cased; refused unless it names a country. */
export function countryField(value: unknown, where: Where, field = 'country'): string | null {
  const s = optionalString(value, field, where);
  if (s === null) return null;
  const code = s.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || countryName(code) === null)
    fail(where, field, `expected an ISO 3166-1 alpha-2 country code such as "SY" or "IQ", got "${s}"`);
  return code;
}

export function sourceKind(value: unknown, where: Where, field = 'source_kind'): SourceKind {
  if (value === undefined || value === null || value === '') return 'other';
  if (isOneOf(SOURCE_KINDS, value)) return value;
  return fail(where, field, `expected one of ${SOURCE_KINDS.join(', ')}, got "${String(value)}"`);
}

/**
 * The source a report names, with its kind and whether its identity is to be protected from the
 * moment it is stored (a local witness network, say), rather than only once an analyst flags it.
 */
export function sourceFrom(
  name: unknown,
  kind: unknown,
  where: Where,
  fields: { kind: string; sensitive: string } = { kind: 'source_kind', sensitive: 'source_sensitive' },
  sensitive: unknown = undefined,
): SourceInput | null {
  const n = optionalString(name, 'source', where);
  if (n === null) {
    if (sensitive === true) fail(where, fields.sensitive, 'a protected source needs its name in "source"');
    return null;
  }
  if (n.length > MAX_SOURCE_NAME_CHARS)
    fail(where, 'source', `a source name of ${n.length} characters; at most ${MAX_SOURCE_NAME_CHARS}`);
  const out: SourceInput = { name: n, kind: sourceKind(kind, where, fields.kind) };
  if (sensitive === undefined || sensitive === null || sensitive === false) return out;
  if (sensitive !== true) fail(where, fields.sensitive, `expected true or false, got "${String(sensitive)}"`);
  out.sensitive = true;
  return out;
}
