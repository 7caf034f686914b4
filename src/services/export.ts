import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import { formatRange } from '../domain/range.js';
import { type IncidentView, incidentFromRow } from '../store/rows.js';
import type { Database, IncidentsTable } from '../store/schema.js';
import {
  ACLED_EXPORT_COLUMNS,
  acledRow,
  extrasOf,
  loadExtras,
  UCDP_EXPORT_COLUMNS,
  ucdpRow,
} from './export-datasets.js';
import { applyIncidentFilter, type IncidentFilter } from './filters.js';

/** acled and ucdp: CSV in those datasets' column layouts (export-datasets.ts). */
export const EXPORT_FORMATS = ['csv', 'geojson', 'jsonl', 'acled', 'ucdp'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The CSV columns, in order; README documents each. */
export const CSV_COLUMNS = [
  'code',
  'status',
  'grading',
  'date_from',
  'date_to',
  'date_precision',
  'place',
  'admin1',
  'country',
  'lat',
  'lon',
  'geo_precision',
  'event',
  'target',
  'belligerents',
  'civilians_killed_min',
  'civilians_killed_max',
  'killed_min',
  'killed_max',
  'injured_min',
  'injured_max',
  'civilians_killed',
  'attribution',
] as const;

const PAGE = 2000;

/** Lets a caller (the API) strip what its reader may not see before anything is written. */
export type ExportRedaction = (view: IncidentView, row: IncidentsTable) => IncidentView;

/** Pages through matching incidents in a stable order so memory stays flat on any size. */
async function* pages(
  db: Kysely<Database>,
  filter: IncidentFilter,
  redact: ExportRedaction = (v) => v,
): AsyncGenerator<IncidentView[]> {
  let after: string | null = null;
  for (;;) {
    let q = applyIncidentFilter(db.selectFrom('incidents').selectAll('incidents'), filter);
    if (after !== null) q = q.where('incidents.code', '>', after);
    const rows = await q.orderBy('incidents.code').limit(PAGE).execute();
    if (rows.length === 0) return;
    yield rows.map((r) => redact(incidentFromRow(r), r));
    after = rows[rows.length - 1]?.code ?? null;
    if (rows.length < PAGE) return;
  }
}

/** Text chunks of an export, to be written as they come. */
export async function* exportIncidents(
  db: Kysely<Database>,
  format: ExportFormat,
  filter: IncidentFilter,
  options: { attribution?: string; redact?: ExportRedaction } = {},
): AsyncGenerator<string> {
  if (format === 'csv') yield stringify([CSV_COLUMNS as unknown as string[]]);
  if (format === 'acled') yield stringify([ACLED_EXPORT_COLUMNS as unknown as string[]]);
  if (format === 'ucdp') yield stringify([UCDP_EXPORT_COLUMNS as unknown as string[]]);
  // Credits met on the way, for GeoJSON's top-level member (written last: the export streams).
  const credits = new Set<string>();
  if (format === 'geojson') {
    const meta = options.attribution ? `,"attribution":${JSON.stringify(options.attribution)}` : '';
    yield `{"type":"FeatureCollection"${meta},"features":[\n`;
  }
  let first = true;
  for await (const page of pages(db, filter, options.redact)) {
    if (format === 'csv') yield stringify(page.map(csvRow));
    else if (format === 'acled' || format === 'ucdp') {
      const extras = await loadExtras(
        db,
        page.map((i) => i.id),
      );
      const row = format === 'acled' ? acledRow : ucdpRow;
      yield stringify(page.map((i) => row(i, extrasOf(extras, i.id))));
    } else if (format === 'jsonl') yield page.map((i) => `${JSON.stringify(i)}\n`).join('');
    else {
      for (const i of page) if (i.attribution) credits.add(i.attribution);
      const features = page.map((i) => JSON.stringify(feature(i)));
      yield (first ? '' : ',\n') + features.join(',\n');
    }
    first = false;
  }
  if (format === 'geojson') {
    const credit = options.attribution ? '' : [...credits].join('\n');
    yield `\n]${credit ? `,"attribution":${JSON.stringify(credit)}` : ''}}\n`;
  }
}

function csvRow(i: IncidentView): (string | number | null)[] {
  return [
    i.code,
    i.status,
    i.grading,
    i.date?.from ?? null,
    i.date?.to ?? null,
    i.date?.precision ?? null,
    i.placeName,
    i.admin1,
    i.country,
    i.lat,
    i.lon,
    i.geoPrecision,
    i.event,
    i.target,
    i.belligerents.join(';'),
    i.civiliansKilled?.min ?? null,
    i.civiliansKilled?.max ?? null,
    i.killed?.min ?? null,
    i.killed?.max ?? null,
    i.injured?.min ?? null,
    i.injured?.max ?? null,
    formatRange(i.civiliansKilled),
    i.attribution,
  ];
}

/** RFC 7946: [lon, lat] order, WGS 84; incidents without coordinates get a null geometry. */
function feature(i: IncidentView): unknown {
  const { lat, lon, ...props } = i;
  return {
    type: 'Feature',
    id: i.code,
    geometry: lat !== null && lon !== null ? { type: 'Point', coordinates: [round(lon), round(lat)] } : null,
    properties: props,
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
