import type { Kysely } from 'kysely';
import { BELLIGERENTS, type Belligerent, type EventType, isOneOf } from '../domain/codes.js';
import { ACLED_COLUMNS } from '../ingest/importers/acled.js';
import { acledFromEvent } from '../ingest/importers/acled-codes.js';
import { BELLIGERENT_NAMES } from '../ingest/importers/actors.js';
import { countryName, countryNumeric } from '../ingest/importers/countries.js';
import { recordColumnsOf } from '../ingest/importers/index.js';
import { decodeRecord } from '../ingest/importers/record-codec.js';
import type { IncidentView } from '../store/rows.js';
import type { Database } from '../store/schema.js';
import { admin1NameOf } from './admin1-names.js';

/**
 * Exports in the column layouts of UCDP GED and ACLED, so the tools built for those datasets read
 * Vigil's incidents. Rows that came from the dataset give back its own columns (kept at import);
 * other incidents fill what Vigil knows and leave the rest empty. Each row ends with an
 * `attribution` column: the credit its data carries.
 */

/** The 49 columns of a full UCDP GED download, in its order. */
export const UCDP_COLUMNS = [
  'id',
  'relid',
  'year',
  'active_year',
  'code_status',
  'type_of_violence',
  'conflict_dset_id',
  'conflict_new_id',
  'conflict_name',
  'dyad_dset_id',
  'dyad_new_id',
  'dyad_name',
  'side_a_dset_id',
  'side_a_new_id',
  'side_a',
  'side_b_dset_id',
  'side_b_new_id',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'geom_wkt',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
  'gwnoa',
  'gwnob',
] as const;

export const UCDP_EXPORT_COLUMNS = [...UCDP_COLUMNS, 'attribution'] as const;
export const ACLED_EXPORT_COLUMNS = [...ACLED_COLUMNS, 'attribution'] as const;

/** A source an incident cites: a publisher a dataset names, or a report behind a claim. */
export interface CitedSourceRow {
  name: string | null;
  published: string | null;
  title: string | null;
  url: string | null;
  /** An analyst protects the source's identity: it never leaves in an export. */
  sensitive: boolean;
}

/** What an incident brings beyond its row: the dataset record and the sources it cites. */
export interface IncidentExtras {
  dataset: string | null;
  datasetId: string | null;
  killedBest: number | null;
  record: Record<string, string>;
  sources: CitedSourceRow[];
}

const NO_EXTRAS: IncidentExtras = {
  dataset: null,
  datasetId: null,
  killedBest: null,
  record: {},
  sources: [],
};

/**
 * Imported incidents' dataset records and the sources each dataset cites, sensitive ones included,
 * in two queries; incidents imported from no dataset are absent.
 */
export async function loadImported(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, IncidentExtras>> {
  const out = new Map<string, IncidentExtras>();
  if (ids.length === 0) return out;
  const imports = await db
    .selectFrom('incident_imports')
    .select(['incident_id', 'dataset', 'dataset_id', 'killed_best', 'record'])
    .where('incident_id', 'in', ids)
    .execute();
  for (const r of imports)
    out.set(r.incident_id, {
      dataset: r.dataset,
      datasetId: r.dataset_id,
      killedBest: r.killed_best === null ? null : Number(r.killed_best),
      record: decodeRecord(recordColumnsOf(r.dataset), r.record),
      sources: [],
    });
  const sources = await db
    .selectFrom('incident_sources as s')
    .leftJoin('sources', 'sources.id', 's.source_id')
    .select(['s.incident_id', 'sources.name', 'sources.sensitive', 's.published', 's.title', 's.url'])
    .where('s.incident_id', 'in', ids)
    .orderBy('s.incident_id')
    .orderBy('s.ordinal')
    .execute();
  for (const s of sources) citeIn(out, s.incident_id, s);
  return out;
}

function citeIn(
  out: Map<string, IncidentExtras>,
  id: string,
  s: {
    name: string | null;
    sensitive: number | null;
    published: string | null;
    title: string | null;
    url: string | null;
  },
): void {
  const e = out.get(id) ?? { ...NO_EXTRAS, record: {}, sources: [] };
  e.sources.push({
    name: s.name,
    published: s.published,
    title: s.title,
    url: s.url,
    sensitive: Number(s.sensitive ?? 0) === 1,
  });
  out.set(id, e);
}

/**
 * Loads the extras of one page of incidents for an export in three queries: loadImported's two, and
 * the reports behind an extracted incident's claims. Sensitive sources never leave.
 */
export async function loadExtras(db: Kysely<Database>, ids: string[]): Promise<Map<string, IncidentExtras>> {
  const out = await loadImported(db, ids);
  if (ids.length === 0) return out;
  // An extracted incident cites the reports behind its claims (rejected ones aside), one each.
  const reports = await db
    .selectFrom('claims as c')
    .innerJoin('reports as r', 'r.id', 'c.report_id')
    .leftJoin('sources', 'sources.id', 'r.source_id')
    .select(['c.incident_id', 'sources.name', 'sources.sensitive', 'r.published', 'r.title'])
    .distinct()
    .where('c.incident_id', 'in', ids)
    .where('c.status', '!=', 'rejected')
    .orderBy('c.incident_id')
    .orderBy('r.published')
    .orderBy('r.title')
    .execute();
  for (const r of reports) if (r.incident_id) citeIn(out, r.incident_id, { ...r, url: null });
  for (const e of out.values()) e.sources = e.sources.filter((c) => !c.sensitive);
  return out;
}

export function extrasOf(map: Map<string, IncidentExtras>, id: string): IncidentExtras {
  return map.get(id) ?? NO_EXTRAS;
}

type Cell = string | number | null;

function names(codes: string[]): string {
  return codes.map((c) => (isOneOf(BELLIGERENTS, c) ? BELLIGERENT_NAMES[c as Belligerent] : c)).join(', ');
}

const WHERE_PREC: Record<string, string> = {
  point: '1',
  town: '2',
  district: '3',
  province: '4',
  country: '6',
};
const DATE_PREC: Record<string, string> = { day: '1', week: '2', month: '4', interval: '5', year: '5' };

/** One UCDP GED row. Killed low/high are Vigil's killed range; civilians, its minimum (UCDP's is a point figure). */
export function ucdpRow(i: IncidentView, x: IncidentExtras): Cell[] {
  const own = x.dataset === 'ucdp';
  const r = own ? x.record : {};
  const quoted = x.sources.map((s) => `"${[s.name ?? '', s.published ?? '', s.title ?? ''].join(',')}"`);
  const values: Record<(typeof UCDP_COLUMNS)[number], Cell> = {
    id: own ? x.datasetId : i.code,
    relid: r.relid ?? null,
    year: r.year ?? i.date?.from.slice(0, 4) ?? null,
    active_year: r.active_year ?? null,
    code_status: r.code_status ?? null,
    type_of_violence: r.type_of_violence ?? null,
    conflict_dset_id: r.conflict_dset_id ?? null,
    conflict_new_id: r.conflict_new_id ?? null,
    conflict_name: r.conflict_name ?? null,
    dyad_dset_id: r.dyad_dset_id ?? null,
    dyad_new_id: r.dyad_new_id ?? null,
    dyad_name: r.dyad_name ?? null,
    side_a_dset_id: r.side_a_dset_id ?? null,
    side_a_new_id: r.side_a_new_id ?? null,
    side_a: r.side_a ?? names(i.belligerents),
    side_b_dset_id: r.side_b_dset_id ?? null,
    side_b_new_id: r.side_b_new_id ?? null,
    side_b: r.side_b ?? null,
    number_of_sources: r.number_of_sources ?? x.sources.length,
    source_article: quoted.join(';') || null,
    source_office: x.sources.map((s) => s.name ?? '').join(';') || null,
    source_date: x.sources.map((s) => s.published ?? '').join(';') || null,
    source_headline: x.sources.map((s) => s.title ?? '').join(';') || null,
    source_original: r.source_original ?? null,
    where_prec: r.where_prec ?? (i.geoPrecision ? (WHERE_PREC[i.geoPrecision] ?? null) : null),
    where_coordinates: i.placeName,
    where_description: r.where_description ?? null,
    adm_1: r.adm_1 ?? admin1NameOf(i.country, i.admin1),
    adm_2: r.adm_2 ?? null,
    latitude: i.lat,
    longitude: i.lon,
    geom_wkt: i.lat !== null && i.lon !== null ? `POINT (${i.lon} ${i.lat})` : null,
    priogrid_gid: r.priogrid_gid ?? null,
    country: (i.country ? countryName(i.country) : null) ?? r.country ?? null,
    country_id: r.country_id ?? null,
    region: r.region ?? null,
    event_clarity: r.event_clarity ?? null,
    date_prec: r.date_prec ?? (i.date ? (DATE_PREC[i.date.precision] ?? null) : null),
    date_start: i.date?.from ?? null,
    date_end: i.date?.to ?? null,
    deaths_a: r.deaths_a ?? null,
    deaths_b: r.deaths_b ?? null,
    deaths_civilians: i.civiliansKilled?.min ?? null,
    deaths_unknown: r.deaths_unknown ?? null,
    best: x.killedBest,
    high: i.killed?.max ?? i.civiliansKilled?.max ?? null,
    low: i.killed?.min ?? i.civiliansKilled?.min ?? null,
    gwnoa: r.gwnoa ?? null,
    gwnob: r.gwnob ?? null,
  };
  return [...UCDP_COLUMNS.map((c) => values[c]), i.attribution];
}

const GEO_PRECISION: Record<string, string> = {
  point: '1',
  town: '1',
  district: '2',
  province: '3',
  country: '3',
};

/** One ACLED row. `fatalities` is Vigil's killed minimum (else its civilian minimum): ACLED keeps one figure. */
/**
 * The event a UCDP row, which has no Vigil event, stands for in ACLED's terms: UCDP's type of
 * violence. State-based (1) and non-state (2) conflict are fighting between organised groups, armed
 * clashes; one-sided violence (3) is a group's attack on civilians. ACLED requires a sub-event type,
 * and a row without one would not read back.
 */
const UCDP_VIOLENCE_EVENT: Record<string, EventType> = {
  '1': 'armed_clash',
  '2': 'armed_clash',
  '3': 'attack',
};

export function acledRow(i: IncidentView, x: IncidentExtras): Cell[] {
  const own = x.dataset === 'acled';
  const r = own ? x.record : {};
  const event =
    i.event ?? (x.dataset === 'ucdp' ? UCDP_VIOLENCE_EVENT[x.record.type_of_violence ?? ''] : null);
  const acled = event ? acledFromEvent(event) : null;
  const precision = i.date?.precision;
  const middle = i.date ? midpoint(i.date.from, i.date.to) : null;
  const values: Record<(typeof ACLED_COLUMNS)[number], Cell> = {
    event_id_cnty: own ? x.datasetId : i.code,
    event_date: r.event_date ?? middle,
    year: r.year ?? middle?.slice(0, 4) ?? null,
    time_precision: r.time_precision ?? (precision === 'day' ? '1' : precision === 'week' ? '2' : '3'),
    disorder_type: r.disorder_type ?? (acled ? 'Political violence' : null),
    event_type: r.event_type ?? acled?.eventType ?? null,
    sub_event_type: r.sub_event_type ?? acled?.subEventType ?? null,
    actor1: r.actor1 ?? names(i.belligerents.slice(0, 1)),
    assoc_actor_1: r.assoc_actor_1 ?? null,
    inter1: r.inter1 ?? null,
    actor2: r.actor2 ?? (names(i.belligerents.slice(1)) || null),
    assoc_actor_2: r.assoc_actor_2 ?? null,
    inter2: r.inter2 ?? null,
    interaction: r.interaction ?? null,
    civilian_targeting:
      r.civilian_targeting ?? ((i.civiliansKilled?.min ?? 0) > 0 ? 'Civilian targeting' : null),
    iso: r.iso ?? (i.country ? countryNumeric(i.country) : null),
    region: r.region ?? null,
    country: (i.country ? countryName(i.country) : null) ?? r.country ?? null,
    admin1: r.admin1 ?? admin1NameOf(i.country, i.admin1),
    admin2: r.admin2 ?? null,
    admin3: r.admin3 ?? null,
    location: i.placeName,
    latitude: i.lat,
    longitude: i.lon,
    geo_precision: r.geo_precision ?? (i.geoPrecision ? (GEO_PRECISION[i.geoPrecision] ?? null) : null),
    source: x.sources.map((s) => s.name ?? '').join('; ') || null,
    source_scale: r.source_scale ?? null,
    notes: r.notes ?? vigilNotes(i),
    fatalities: i.killed?.min ?? i.civiliansKilled?.min ?? 0,
    tags: r.tags ?? null,
    timestamp: r.timestamp ?? String(Math.floor(Date.parse(i.updatedAt) / 1000)),
  };
  return [...ACLED_COLUMNS.map((c) => values[c]), i.attribution];
}

/** Vigil's ranges, which ACLED's single figure cannot hold, said in words. */
function vigilNotes(i: IncidentView): string {
  const range = (r: { min: number; max: number | null } | null) =>
    r === null
      ? 'unknown'
      : r.max === null
        ? `${r.min}+`
        : r.min === r.max
          ? `${r.min}`
          : `${r.min}-${r.max}`;
  return `Vigil ${i.code}: civilians killed ${range(i.civiliansKilled)}; killed ${range(i.killed)}; injured ${range(
    i.injured,
  )}; grading ${i.grading ?? 'none'}.`;
}

function midpoint(from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor((b - a) / 86_400_000 / 2) * 86_400_000).toISOString().slice(0, 10);
}
