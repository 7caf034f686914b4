import {
  BELLIGERENTS,
  type Belligerent,
  EVENT_TYPES,
  type EventType,
  GEO_PRECISIONS,
  type GeoPrecision,
  isOneOf,
  SOURCE_KINDS,
} from '../domain/codes.js';
import { isIsoDay } from '../domain/dates.js';
import type { CountRange } from '../domain/range.js';
import type {
  GoldClaim,
  GoldDate,
  GoldIncident,
  GoldReport,
  PredictedClaim,
  PredictionLine,
} from './gold.js';

/** A value that does not have the corpus shape; `path` names the field ("gold.claims[2].lat"). */
export class FieldError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path || '(line)'}: ${reason}`);
    this.name = 'FieldError';
  }
}

type Obj = Record<string, unknown>;

const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

function object(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new FieldError(path, 'expected an object');
  return v as Obj;
}

function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new FieldError(path, 'expected an array');
  return v;
}

function string(v: unknown, path: string): string {
  if (typeof v !== 'string' || v === '') throw new FieldError(path, 'expected a non-empty string');
  return v;
}

function anyString(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new FieldError(path, 'expected a string');
  return v;
}

function nullableString(v: unknown, path: string): string | null {
  return v === null || v === undefined ? null : string(v, path);
}

function number(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new FieldError(path, 'expected a number');
  return v;
}

function boolean(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new FieldError(path, 'expected true or false');
  return v;
}

function oneOf<T extends string>(list: readonly T[], v: unknown, path: string): T {
  if (!isOneOf(list, v))
    throw new FieldError(path, `expected one of ${list.join(', ')}; got ${JSON.stringify(v)}`);
  return v;
}

function day(v: unknown, path: string): string {
  if (typeof v !== 'string' || !isIsoDay(v))
    throw new FieldError(path, `expected a date YYYY-MM-DD; got ${JSON.stringify(v)}`);
  return v;
}

function goldDate(v: unknown, path: string): GoldDate {
  if (typeof v === 'string') return day(v, path);
  const o = object(v, path);
  const from = day(o.from, at(path, 'from'));
  const to = day(o.to, at(path, 'to'));
  if (from > to) throw new FieldError(path, `interval ends (${to}) before it starts (${from})`);
  return { from, to };
}

function count(v: unknown, path: string): number {
  const n = number(v, path);
  if (!Number.isInteger(n) || n < 0) throw new FieldError(path, `expected a whole number ≥ 0; got ${n}`);
  return n;
}

function countRange(v: unknown, path: string): CountRange | null {
  if (v === null) return null;
  const o = object(v, path);
  const min = count(o.min, at(path, 'min'));
  const max = o.max === null ? null : count(o.max, at(path, 'max'));
  if (max !== null && max < min) throw new FieldError(path, `max ${max} is below min ${min}`);
  return { min, max };
}

function latitude(v: unknown, path: string): number {
  const n = number(v, path);
  if (n < -90 || n > 90) throw new FieldError(path, `latitude out of range: ${n}`);
  return n;
}

function longitude(v: unknown, path: string): number {
  const n = number(v, path);
  if (n < -180 || n > 180) throw new FieldError(path, `longitude out of range: ${n}`);
  return n;
}

function belligerents(v: unknown, path: string): Belligerent[] {
  return array(v, path).map((b, i) => oneOf(BELLIGERENTS, b, at(path, i)));
}

function strikes(o: Obj, path: string): { strikes?: number } {
  return o.strikes === undefined || o.strikes === null
    ? {}
    : { strikes: count(o.strikes, at(path, 'strikes')) };
}

function countFields(o: Obj, path: string): Pick<GoldClaim, 'civilians_killed' | 'killed' | 'injured'> {
  return {
    civilians_killed: countRange(o.civilians_killed ?? null, at(path, 'civilians_killed')),
    killed: countRange(o.killed ?? null, at(path, 'killed')),
    injured: countRange(o.injured ?? null, at(path, 'injured')),
  };
}

export function parseGoldClaim(v: unknown, path = ''): GoldClaim {
  const o = object(v, path);
  return {
    incident: string(o.incident, at(path, 'incident')),
    date: goldDate(o.date, at(path, 'date')),
    place: string(o.place, at(path, 'place')),
    admin1: nullableString(o.admin1, at(path, 'admin1')),
    country: nullableString(o.country, at(path, 'country')),
    lat: latitude(o.lat, at(path, 'lat')),
    lon: longitude(o.lon, at(path, 'lon')),
    geo_precision: oneOf(GEO_PRECISIONS, o.geo_precision, at(path, 'geo_precision')),
    belligerents: belligerents(o.belligerents, at(path, 'belligerents')),
    event: oneOf(EVENT_TYPES, o.event, at(path, 'event')),
    ...countFields(o, path),
    hedged: boolean(o.hedged, at(path, 'hedged')),
    ...strikes(o, path),
  };
}

// Lenient on the code list so a corpus in a new language loads; strict on shape.
const LANGUAGE_CODE = /^[a-z]{2,3}$/;

export function parseGoldReport(v: unknown): GoldReport {
  const o = object(v, '');
  const language = string(o.language, 'language');
  if (!LANGUAGE_CODE.test(language))
    throw new FieldError('language', `expected an ISO 639-1 code; got "${language}"`);
  const source = object(o.source, 'source');
  const gold = object(o.gold, 'gold');
  return {
    id: string(o.id, 'id'),
    published: day(o.published, 'published'),
    language,
    source: {
      name: string(source.name, 'source.name'),
      kind: oneOf(SOURCE_KINDS, source.kind, 'source.kind'),
    },
    title: anyString(o.title, 'title'),
    text: string(o.text, 'text'),
    gold: { claims: array(gold.claims, 'gold.claims').map((c, i) => parseGoldClaim(c, `gold.claims[${i}]`)) },
  };
}

export function parseGoldIncident(v: unknown, path = ''): GoldIncident {
  const o = object(v, path);
  const incident: GoldIncident = {
    incident: string(o.incident, at(path, 'incident')),
    civilians_killed: countRange(o.civilians_killed ?? null, at(path, 'civilians_killed')),
    reports: array(o.reports, at(path, 'reports')).map((r, i) => string(r, at(at(path, 'reports'), i))),
  };
  // The descriptive fields are optional; when present they must still be well formed.
  if (o.date !== undefined) incident.date = goldDate(o.date, at(path, 'date'));
  if (o.place !== undefined) incident.place = string(o.place, at(path, 'place'));
  if (o.admin1 !== undefined) incident.admin1 = nullableString(o.admin1, at(path, 'admin1'));
  if (o.country !== undefined) incident.country = nullableString(o.country, at(path, 'country'));
  if (o.lat !== undefined) incident.lat = latitude(o.lat, at(path, 'lat'));
  if (o.lon !== undefined) incident.lon = longitude(o.lon, at(path, 'lon'));
  if (o.belligerents !== undefined)
    incident.belligerents = belligerents(o.belligerents, at(path, 'belligerents'));
  if (o.event !== undefined) incident.event = oneOf(EVENT_TYPES, o.event, at(path, 'event'));
  if (o.note !== undefined) incident.note = string(o.note, at(path, 'note'));
  return incident;
}

export function parseGoldIncidents(v: unknown): GoldIncident[] {
  const incidents = array(v, '').map((x, i) => parseGoldIncident(x, `[${i}]`));
  const seen = new Set<string>();
  for (const [i, x] of incidents.entries()) {
    if (seen.has(x.incident)) throw new FieldError(`[${i}].incident`, `duplicate incident "${x.incident}"`);
    seen.add(x.incident);
  }
  return incidents;
}

function nullable<T>(parse: (v: unknown, path: string) => T, v: unknown, path: string): T | null {
  return v === null || v === undefined ? null : parse(v, path);
}

export function parsePredictedClaim(v: unknown, path = ''): PredictedClaim {
  const o = object(v, path);
  const lat = nullable(latitude, o.lat, at(path, 'lat'));
  const lon = nullable(longitude, o.lon, at(path, 'lon'));
  if ((lat === null) !== (lon === null))
    throw new FieldError(at(path, 'lat'), 'lat and lon must both be given or both null');
  return {
    incident: string(o.incident, at(path, 'incident')),
    date: nullable(goldDate, o.date, at(path, 'date')),
    place: nullableString(o.place, at(path, 'place')),
    admin1: nullableString(o.admin1, at(path, 'admin1')),
    country: nullableString(o.country, at(path, 'country')),
    lat,
    lon,
    geo_precision: nullable(
      (x: unknown, p: string): GeoPrecision => oneOf(GEO_PRECISIONS, x, p),
      o.geo_precision,
      at(path, 'geo_precision'),
    ),
    belligerents: o.belligerents === undefined ? [] : belligerents(o.belligerents, at(path, 'belligerents')),
    event: nullable(
      (x: unknown, p: string): EventType => oneOf(EVENT_TYPES, x, p),
      o.event,
      at(path, 'event'),
    ),
    ...countFields(o, path),
    hedged: o.hedged === undefined ? false : boolean(o.hedged, at(path, 'hedged')),
    ...strikes(o, path),
  };
}

export function parsePredictionLine(v: unknown): PredictionLine {
  const o = object(v, '');
  return {
    id: string(o.id, 'id'),
    claims: array(o.claims, 'claims').map((c, i) => parsePredictedClaim(c, `claims[${i}]`)),
  };
}
