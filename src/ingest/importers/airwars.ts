import {
  DATE_PRECISIONS,
  EVENT_TYPES,
  type EventType,
  GEO_PRECISIONS,
  GRADINGS,
  type Grading,
  INCIDENT_STATUSES,
  isOneOf,
} from '../../domain/codes.js';
import type { CountRange } from '../../domain/range.js';
import { eventFromAcled } from './acled-codes.js';
import { mapActors } from './actors.js';
import { countryCode } from './countries.js';
import { boundedCount, cellError, coordinate, countValue, day, keep, requiredText, text } from './fields.js';
import type { CitedSource, CsvRecord, Importer, MappedRow, RowContext, RowWarning } from './types.js';

/**
 * An Airwars-style incident CSV: one incident a row, as monitoring groups keep them. Column
 * names are matched loosely (first name found wins), so Vigil's own CSV export reads back too:
 *
 *   code · date | date_from [· date_to · date_precision] · location | place · latitude | lat ·
 *   longitude | lon · geo_precision · admin1 · country (name or ISO code) · belligerent(s)
 *   (codes or names, `;`-separated) · civilian deaths as civilian_deaths_min/_max (or
 *   civilians_killed_min/_max, or one civilian_deaths cell such as "3–5", "7", "12+") · killed_min/_max ·
 *   injuries_min/_max (or injured_…, or one "injuries" cell) · grading · status · event · target ·
 *   sources (`;` or newline-separated names or URLs) · attribution.
 *
 * Grading is the file's own (Airwars' scale, any case; empty or "ungraded" → none); status
 * defaults to `published`.
 */
const ALIASES = {
  code: ['code', 'incident_code', 'id'],
  date: ['date', 'date_from', 'incident_date'],
  dateTo: ['date_to'],
  datePrecision: ['date_precision'],
  place: ['location', 'place', 'place_name'],
  lat: ['latitude', 'lat'],
  lon: ['longitude', 'lon', 'lng'],
  geoPrecision: ['geo_precision', 'geolocation_precision'],
  admin1: ['admin1', 'province', 'governorate'],
  country: ['country'],
  belligerents: ['belligerent', 'belligerents', 'suspected_belligerent'],
  civMin: ['civilian_deaths_min', 'civilians_killed_min', 'civilian_harm_min', 'civ_min'],
  civMax: ['civilian_deaths_max', 'civilians_killed_max', 'civilian_harm_max', 'civ_max'],
  civ: ['civilian_deaths', 'civilians_killed'],
  killedMin: ['killed_min'],
  killedMax: ['killed_max'],
  injMin: ['injuries_min', 'injured_min', 'civilians_injured_min'],
  injMax: ['injuries_max', 'injured_max', 'civilians_injured_max'],
  inj: ['injuries', 'injured', 'civilians_injured'],
  grading: ['grading', 'grade'],
  status: ['status'],
  event: ['event', 'event_type', 'sub_event_type'],
  target: ['target', 'target_type'],
  sources: ['sources', 'source', 'source_links', 'links'],
  attribution: ['attribution'],
} as const;

type Key = keyof typeof ALIASES;

export const AIRWARS_REQUIRED = [ALIASES.code, ALIASES.date] as const;

function pick(row: CsvRecord, key: Key): { field: string; value: string | null } {
  for (const f of ALIASES[key]) if (row[f] !== undefined) return { field: f, value: text(row, f) };
  return { field: ALIASES[key][0], value: null };
}

/** "3–5", "3-5", "7", "12+", "at least 12" → a range; a bare number is exact. */
export function parseRangeCell(value: string): CountRange | null {
  const v = value.trim().replace(/,/g, '');
  let m = /^(\d+)\s*[–—-]\s*(\d+)$/.exec(v);
  if (m) return { min: Number(m[1]), max: Number(m[2]) };
  m = /^(\d+)$/.exec(v);
  if (m) return { min: Number(m[1]), max: Number(m[1]) };
  m = /^(?:(\d+)\s*\+|at least\s+(\d+))$/i.exec(v);
  if (m) return { min: Number(m[1] ?? m[2]), max: null };
  return null;
}

/**
 * A figure's range from its min/max columns or its one cell. A range that runs backwards is kept as
 * the file gives it, with a warning, as the UCDP import keeps UCDP's own (a low above its high): a
 * dataset's row is not dropped for it, and Vigil's export of such a row reads back.
 */
function rangeFrom(
  row: CsvRecord,
  ctx: RowContext,
  warnings: RowWarning[],
  min: Key,
  max: Key,
  one: Key,
): CountRange | null {
  const backwards = (field: string, what: string) =>
    warnings.push({ line: ctx.line, field, message: `${what}; kept as the file gives it` });
  const lo = pick(row, min);
  const hi = pick(row, max);
  const num = (p: { field: string; value: string | null }) =>
    p.value === null ? null : countValue(p.value, p.field, ctx);
  const a = num(lo);
  const b = num(hi);
  if (a !== null || b !== null) {
    if (a === null) throw cellError(ctx, lo.field, `${hi.field} is given but ${lo.field} is empty`);
    if (b !== null && b < a) backwards(hi.field, `maximum ${b} is below minimum ${a}`);
    return { min: a, max: b };
  }
  const cell = pick(row, one);
  // A lone dash is how Vigil's own CSV export (formatRange) writes a figure nobody reported.
  if (cell.value === null || /^[–—-]$/.test(cell.value.trim())) return null;
  const r = parseRangeCell(cell.value);
  if (!r)
    throw cellError(
      ctx,
      cell.field,
      `expected a count or a range such as "3–5" or "12+", got "${cell.value}"`,
    );
  if (r.max !== null && r.max < r.min) backwards(cell.field, `range "${cell.value}" runs backwards`);
  for (const n of [r.min, r.max]) if (n !== null) boundedCount(n, cell.value, cell.field, ctx);
  return r;
}

function grading(row: CsvRecord, ctx: RowContext): Grading | null {
  const g = pick(row, 'grading');
  if (g.value === null) return null;
  const v = g.value.toLowerCase();
  if (v === 'ungraded' || v === 'none') return null;
  if (isOneOf(GRADINGS, v)) return v;
  throw cellError(ctx, g.field, `expected a grading (${GRADINGS.join(', ')}, or empty), got "${g.value}"`);
}

function sources(value: string | null): CitedSource[] {
  if (value === null) return [];
  return value
    .split(/[;\n]|\s\|\s/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      if (/^https?:\/\//i.test(s)) {
        let host: string | null = null;
        try {
          host = new URL(s).hostname.replace(/^www\./, '');
        } catch {
          host = null;
        }
        return { name: host, published: null, title: null, url: s };
      }
      return { name: s, published: null, title: null, url: null };
    });
}

/** Columns kept verbatim (the record also keeps an event cell that is no Vigil event code). */
const AIRWARS_KEPT = ['belligerent', 'belligerents', 'suspected_belligerent', 'strike_status'];

export function mapAirwarsRow(row: CsvRecord, ctx: RowContext): MappedRow {
  const codeCell = pick(row, 'code');
  const code = requiredText(row, codeCell.field, ctx).toUpperCase();
  const dateCell = pick(row, 'date');
  const from = day(row, dateCell.field, ctx);
  if (from === null) throw cellError(ctx, dateCell.field, `${dateCell.field} is empty`);
  const toCell = pick(row, 'dateTo');
  const to = day(row, toCell.field, ctx) ?? from;
  if (to < from) throw cellError(ctx, toCell.field, `${toCell.field} ${to} is before ${from}`);
  const dp = pick(row, 'datePrecision').value;
  const precision = dp && isOneOf(DATE_PRECISIONS, dp) ? dp : from === to ? 'day' : 'interval';

  const lat = coordinate(row, pick(row, 'lat').field, ctx, 90);
  const lon = coordinate(row, pick(row, 'lon').field, ctx, 180);
  if ((lat === null) !== (lon === null))
    throw cellError(
      ctx,
      pick(row, lat === null ? 'lat' : 'lon').field,
      'latitude and longitude come together',
    );
  const gp = pick(row, 'geoPrecision');
  if (gp.value !== null && !isOneOf(GEO_PRECISIONS, gp.value))
    throw cellError(ctx, gp.field, `expected one of ${GEO_PRECISIONS.join(', ')}, got "${gp.value}"`);
  const status = pick(row, 'status');
  if (status.value !== null && !isOneOf(INCIDENT_STATUSES, status.value))
    throw cellError(
      ctx,
      status.field,
      `expected one of ${INCIDENT_STATUSES.join(', ')}, got "${status.value}"`,
    );

  const warnings: RowWarning[] = [];
  const countryCell = pick(row, 'country');
  let country: string | null = null;
  if (countryCell.value !== null) {
    country = /^[A-Za-z]{2}$/.test(countryCell.value)
      ? countryCell.value.toUpperCase()
      : countryCode(countryCell.value);
    if (!country)
      warnings.push({
        line: ctx.line,
        field: countryCell.field,
        message: `no ISO code known for "${countryCell.value}"`,
      });
  }
  const eventCell = pick(row, 'event').value;
  const admin1Cell = pick(row, 'admin1').value;
  const { codes, unmapped } = mapActors((pick(row, 'belligerents').value ?? '').split(/[;,]/));

  return {
    incident: {
      dataset: 'airwars',
      datasetId: code,
      externalId: `airwars:${code}`,
      code,
      status: (status.value as MappedRow['incident']['status'] | null) ?? 'published',
      grading: grading(row, ctx),
      date: { from, to, precision },
      placeName: pick(row, 'place').value,
      lat,
      lon,
      admin1: ctx.admin1Code?.(country, admin1Cell) ?? null,
      country,
      geoPrecision: (gp.value as MappedRow['incident']['geoPrecision']) ?? (lat === null ? null : 'town'),
      event: eventCell === null ? null : eventCode(eventCell),
      target: pick(row, 'target').value,
      belligerents: codes,
      civiliansKilled: rangeFrom(row, ctx, warnings, 'civMin', 'civMax', 'civ'),
      killed: rangeFrom(row, ctx, warnings, 'killedMin', 'killedMax', 'killedMin'),
      injured: rangeFrom(row, ctx, warnings, 'injMin', 'injMax', 'inj'),
      killedBest: null,
      sources: sources(pick(row, 'sources').value),
      attribution: pick(row, 'attribution').value,
      record: {
        ...keep(row, AIRWARS_KEPT),
        ...(eventCell ? { event: eventCell } : {}),
        ...(admin1Cell ? { admin1: admin1Cell } : {}),
      },
    },
    warnings,
    unmappedActors: unmapped,
  };
}

/** A Vigil event code or ACLED's sub-event wording; anything else stays in the record only. */
function eventCode(v: string): EventType | null {
  return eventFromAcled(v) ?? (isOneOf(EVENT_TYPES, v) ? v : null);
}

export const airwarsImporter: Importer = {
  format: 'airwars',
  title: 'Airwars-style',
  requiredColumns: AIRWARS_REQUIRED,
  recordColumns: [...AIRWARS_KEPT, 'event', 'admin1'],
  mapRow: mapAirwarsRow,
};
