import type { GeoPrecision } from '../../domain/codes.js';
import { addDays } from '../../domain/dates.js';
import type { CountRange } from '../../domain/range.js';
import { eventFromAcled } from './acled-codes.js';
import { mapActors } from './actors.js';
import { countryCode, countryCodeFromNumeric } from './countries.js';
import {
  cellError,
  coordinate,
  keepValues,
  requiredCount,
  requiredDay,
  requiredText,
  text,
} from './fields.js';
import {
  ACLED_ATTRIBUTION,
  type CitedSource,
  type CsvRecord,
  type Importer,
  type MappedRow,
  type RowContext,
  type RowWarning,
} from './types.js';

/**
 * ACLED export CSV (the 31 columns of ACLED's codebook, event_id_cnty … timestamp) → incidents.
 *
 * Counts. ACLED codes one figure, `fatalities`, for everyone killed: killed = fatalities..fatalities.
 * Civilians: ACLED does not split fatalities, so
 *  - "Violence against civilians" events: its victims are civilians by definition → civilians
 *    killed = fatalities..fatalities;
 *  - other events marked "Civilian targeting" (e.g. an air strike on a market): civilians were the
 *    target, but some dead may not be → civilians killed = 0..fatalities;
 *  - otherwise unknown (null), never guessed as 0.
 * Grading: none (ACLED does not grade by Airwars' scale); status `published`.
 */
export const ACLED_REQUIRED = [
  'event_id_cnty',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'country',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities',
] as const;

/** Every column of ACLED's export, in its order (also the ACLED export's columns). */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

// The division's name is kept last (records are positional; see record-codec.ts): the incident
// holds its code.
const KEPT = [
  ...ACLED_COLUMNS.filter(
    (c) => !['latitude', 'longitude', 'fatalities', 'admin1', 'location', 'source'].includes(c),
  ),
  'admin1',
];

/**
 * geo_precision: 1 the named town itself; 2 near a town or part of a district (coordinates of
 * the nearest town); 3 only a larger region (its capital's coordinates).
 */
export const ACLED_GEO_PRECISION: Record<string, GeoPrecision> = {
  '1': 'town',
  '2': 'district',
  '3': 'province',
};

export function mapAcledRow(row: CsvRecord, ctx: RowContext): MappedRow {
  const id = requiredText(row, 'event_id_cnty', ctx);
  const date = requiredDay(row, 'event_date', ctx);
  const fatalities = requiredCount(row, 'fatalities', ctx);
  const tp = requiredText(row, 'time_precision', ctx);
  const gp = requiredText(row, 'geo_precision', ctx);
  const geoPrecision = ACLED_GEO_PRECISION[gp];
  if (!geoPrecision) throw cellError(ctx, 'geo_precision', `expected ACLED geo_precision 1–3, got "${gp}"`);
  const lat = coordinate(row, 'latitude', ctx, 90);
  const lon = coordinate(row, 'longitude', ctx, 180);
  if ((lat === null) !== (lon === null))
    throw cellError(ctx, lat === null ? 'latitude' : 'longitude', 'latitude and longitude come together');

  // time_precision: 1 the day; 2 within a week around the date; 3 only the month.
  let interval: { from: string; to: string; precision: 'day' | 'week' | 'month' };
  if (tp === '1') interval = { from: date, to: date, precision: 'day' };
  else if (tp === '2') interval = { from: addDays(date, -3), to: addDays(date, 3), precision: 'week' };
  else if (tp === '3') {
    const first = `${date.slice(0, 7)}-01`;
    const nextMonth = `${addDays(first, 31).slice(0, 7)}-01`;
    interval = { from: first, to: addDays(nextMonth, -1), precision: 'month' };
  } else throw cellError(ctx, 'time_precision', `expected ACLED time_precision 1–3, got "${tp}"`);

  const warnings: RowWarning[] = [];
  const countryName = requiredText(row, 'country', ctx);
  const country = countryCodeFromNumeric(row.iso ?? '') ?? countryCode(countryName);
  if (!country)
    warnings.push({ line: ctx.line, field: 'country', message: `no ISO code known for "${countryName}"` });
  const subEvent = requiredText(row, 'sub_event_type', ctx);
  const eventType = requiredText(row, 'event_type', ctx);

  let civilians: CountRange | null = null;
  if (eventType.toLowerCase() === 'violence against civilians')
    civilians = { min: fatalities, max: fatalities };
  else if (/civilian targeting/i.test(row.civilian_targeting ?? '')) civilians = { min: 0, max: fatalities };

  const actors = ['actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2'].flatMap((f) =>
    (row[f] ?? '').split(';'),
  );
  const { codes, unmapped } = mapActors(actors);

  return {
    incident: {
      dataset: 'acled',
      datasetId: id,
      externalId: `acled:${id}`,
      code: `ACLED-${id.toUpperCase()}`,
      status: 'published',
      grading: null,
      date: interval,
      placeName: text(row, 'location'),
      lat,
      lon,
      admin1: ctx.admin1Code?.(country, text(row, 'admin1')) ?? null,
      country,
      geoPrecision,
      event: eventFromAcled(subEvent),
      target: null,
      belligerents: codes,
      civiliansKilled: civilians,
      killed: { min: fatalities, max: fatalities },
      injured: null,
      killedBest: null,
      sources: acledSources(row.source ?? ''),
      attribution: ACLED_ATTRIBUTION,
      record: keepValues(row, KEPT),
    },
    warnings,
    unmappedActors: unmapped,
  };
}

function acledSources(source: string): CitedSource[] {
  return source
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => ({ name, published: null, title: null, url: null }));
}

export const acledImporter: Importer = {
  format: 'acled',
  title: 'ACLED',
  requiredColumns: ACLED_REQUIRED,
  recordColumns: KEPT,
  mapRow: mapAcledRow,
};
