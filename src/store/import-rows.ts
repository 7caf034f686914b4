import { sha256Hex, sourceIdFor } from '../domain/ids.js';
import { storedAttribution } from '../ingest/importers/attribution.js';
import { encodeRecord } from '../ingest/importers/record-codec.js';
import { remembered } from '../ingest/importers/remembered.js';
import type { ImportedIncident } from '../ingest/importers/types.js';
import type { IncidentImportsTable, IncidentsTable } from './schema.js';

// An imported row as the tables will hold it (pure): what the reader, on its own thread, hands
// the writer. Plain data only, so it crosses threads by structured clone.

export const SOURCE_KIND = 'other';

/**
 * The id of a publisher a dataset names (sourceIdFor, so a publisher named by a dataset and by a
 * report is one row), remembered: a dataset cites a few hundred names a million times.
 */
export const datasetSourceId = remembered((name: string) => sourceIdFor(SOURCE_KIND, name));

/** The incident columns a dataset row decides, in the order datasetValues gives them. */
export const DATASET_COLUMNS = [
  'status',
  'grading',
  'date_from',
  'date_to',
  'date_precision',
  'place_name',
  'place_id',
  'lat',
  'lon',
  'admin1',
  'country',
  'geo_precision',
  'event',
  'target',
  'belligerents',
  'civ_min',
  'civ_max',
  'killed_min',
  'killed_max',
  'injured_min',
  'injured_max',
  'attribution',
] as const satisfies readonly (keyof IncidentsTable)[];

export type Value = string | number | null;

/** The values of DATASET_COLUMNS for a dataset row (pure). */
export function datasetValues(item: ImportedIncident): Value[] {
  return [
    item.status,
    item.grading,
    item.date?.from ?? null,
    item.date?.to ?? null,
    item.date?.precision ?? null,
    item.placeName,
    null,
    item.lat,
    item.lon,
    item.admin1,
    item.country,
    item.geoPrecision,
    item.event,
    item.target,
    JSON.stringify(item.belligerents),
    item.civiliansKilled?.min ?? null,
    item.civiliansKilled?.max ?? null,
    item.killed?.min ?? null,
    item.killed?.max ?? null,
    item.injured?.min ?? null,
    item.injured?.max ?? null,
    storedAttribution(item.attribution),
  ];
}

export const INCIDENT_COLUMNS = [
  'id',
  'code',
  'external_id',
  ...DATASET_COLUMNS,
  'civ_override_reason',
  'range_rule',
  'sensitive_coords',
  'assignee',
  'version',
  'created_at',
  'updated_at',
  'deleted_at',
] as const satisfies readonly (keyof IncidentsTable)[];
export const BELLIGERENT_COLUMNS = ['incident_id', 'belligerent', 'role', 'assessment'] as const;
export const SOURCE_COLUMNS = ['incident_id', 'ordinal', 'source_id', 'published', 'title', 'url'] as const;
export const IMPORT_COLUMNS = [
  'incident_id',
  'dataset',
  'dataset_id',
  'killed_best',
  'record',
  'record_hash',
  'origin',
  'imported_at',
] as const satisfies readonly (keyof IncidentImportsTable)[];
export const SOURCE_ROW_COLUMNS = ['id', 'name', 'kind', 'sensitive', 'created_at'] as const;

/** A dataset row as the tables will hold it, less the incident id and the times. */
export interface EncodedImport {
  dataset: string;
  datasetId: string;
  externalId: string;
  code: string;
  killedBest: number | null;
  /** DATASET_COLUMNS' values. */
  values: Value[];
  belligerents: string[];
  /** [source id, published, title, url] per cited source, in order. */
  sources: [string | null, string | null, string | null, string | null][];
  /** Publishers named, for their rows in `sources`. */
  publishers: string[];
  /** The kept columns (record-codec.ts). */
  record: string;
  /**
   * A digest of everything the row writes: a re-imported row with the same digest is unchanged.
   * 128 bits of SHA-256 are plenty to tell a changed row from the one it replaces.
   */
  hash: string;
}

/**
 * Encodes a mapped row for writing; its digest covers exactly what would be written. Without
 * `digest` the row's hash is left empty: the import reader packs rows so, and packImport digests
 * each row from its packed values.
 */
export function encodeImport(
  item: ImportedIncident,
  recordColumns: readonly string[],
  digest = true,
): EncodedImport {
  const values = datasetValues(item);
  const publishers: string[] = [];
  const sources = item.sources.map((s): EncodedImport['sources'][number] => {
    if (s.name) publishers.push(s.name);
    return [s.name ? datasetSourceId(s.name) : null, s.published, s.title, s.url];
  });
  const row: EncodedImport = {
    dataset: item.dataset,
    datasetId: item.datasetId,
    externalId: item.externalId,
    code: item.code,
    killedBest: item.killedBest,
    values,
    belligerents: item.belligerents,
    sources,
    publishers,
    record: encodeRecord(recordColumns, item.record),
    hash: '',
  };
  if (digest) row.hash = importDigest(row);
  return row;
}

/**
 * Marks a digest of this form; an unmarked one is of the form before (legacyImportDigest), which
 * rows imported by earlier versions still hold.
 */
const DIGEST_MARK = '2:';
/**
 * Between a row's values in the text its digest is taken of: a control character, so two rows
 * whose values differ join to different texts unless a value holds it. Null and the empty string
 * join alike; the importers' fields map an empty cell to null (fields.ts text()).
 */
const DIGEST_SEPARATOR = '\u001f';

/** EncodedImport's hash of a row's other fields. */
export function importDigest(row: Omit<EncodedImport, 'hash'>): string {
  const out: Value[] = [];
  packFields(out, row);
  return packedDigest(out, 0);
}

/**
 * The digest of the row packed from `start` to the end of `packed`: 128 bits of SHA-256 over its
 * values joined. Where a row is packed its values are one flat array already: joining and hashing
 * them took 2.4 µs a UCDP row, against 3.4-3.6 for the JSON text of the form before and its hash.
 */
function packedDigest(packed: readonly Value[], start: number): string {
  return DIGEST_MARK + sha256Hex(packed.slice(start).join(DIGEST_SEPARATOR)).slice(0, 32);
}

/**
 * The digest of rows imported before DIGEST_MARK: the same fields, as JSON text. Only compared
 * with what a store holds (sameImport), never written.
 */
export function legacyImportDigest(row: Omit<EncodedImport, 'hash'>): string {
  // The record is JSON text already, with no raw control character: joined, not escaped again.
  const fields = JSON.stringify([
    row.dataset,
    row.datasetId,
    row.killedBest,
    row.values,
    row.belligerents,
    row.sources,
  ]);
  return sha256Hex(`${fields}\u0001${row.record}`).slice(0, 32);
}

/**
 * Whether a re-imported row is the one a store holds, by the digest stored with it: of this form,
 * or of the form before (a store imported into by an earlier version keeps its digests until its
 * rows change).
 */
export function sameImport(stored: string | null, row: EncodedImport): boolean {
  if (stored === null) return false;
  if (stored === row.hash) return true;
  return !stored.startsWith(DIGEST_MARK) && stored === legacyImportDigest(row);
}

/**
 * A batch's rows as one flat array of values, for the reader thread to post to the writer: the
 * structured clone of eleven-key objects with nested arrays cost the writer's thread about 6 µs a
 * row to rebuild and the reader's about 3 to write; a flat array of strings and numbers, and
 * rebuilding the objects from it here, cost less on both sides. unpackImports reverses it.
 * Per row: the six scalars, DATASET_COLUMNS' values, each list as its length and its items, then
 * the row's digest, taken of the values before it. The digest is taken on the reader's thread: in
 * an overlapped import of 1,000,000 UCDP rows the importing thread was the busier (16 CPU-s
 * against the reader's 12), and digesting there cost it 3.4 µs a row.
 */
export function packImports(rows: readonly EncodedImport[]): Value[] {
  const out: Value[] = [];
  for (const r of rows) packImport(out, r);
  return out;
}

/** Appends one row to a packed array (packImports), digested from its packed values. */
export function packImport(out: Value[], r: Omit<EncodedImport, 'hash'>): void {
  const start = out.length;
  packFields(out, r);
  out.push(packedDigest(out, start));
}

/** A row's values as packImport lays them out, less the digest. */
function packFields(out: Value[], r: Omit<EncodedImport, 'hash'>): void {
  out.push(r.dataset, r.datasetId, r.externalId, r.code, r.killedBest, r.record);
  for (const v of r.values) out.push(v);
  out.push(r.belligerents.length);
  for (const b of r.belligerents) out.push(b);
  out.push(r.sources.length);
  for (const s of r.sources) out.push(s[0], s[1], s[2], s[3]);
  out.push(r.publishers.length);
  for (const p of r.publishers) out.push(p);
}

/** The rows packImports packed, with their digests. */
export function unpackImports(packed: readonly Value[]): EncodedImport[] {
  const rows: EncodedImport[] = [];
  const width = DATASET_COLUMNS.length;
  const text = (i: number) => packed[i] as string;
  const maybe = (i: number) => packed[i] as string | null;
  let i = 0;
  while (i < packed.length) {
    const start = i;
    i += 6;
    const values = packed.slice(i, i + width);
    i += width;
    let n = packed[i++] as number;
    const belligerents = packed.slice(i, i + n) as string[];
    i += n;
    n = packed[i++] as number;
    const sources: EncodedImport['sources'] = [];
    for (let k = 0; k < n; k++, i += 4) sources.push([maybe(i), maybe(i + 1), maybe(i + 2), maybe(i + 3)]);
    n = packed[i++] as number;
    const publishers = packed.slice(i, i + n) as string[];
    i += n;
    rows.push({
      dataset: text(start),
      datasetId: text(start + 1),
      externalId: text(start + 2),
      code: text(start + 3),
      killedBest: packed[start + 4] as number | null,
      values,
      belligerents,
      sources,
      publishers,
      record: text(start + 5),
      hash: text(i++),
    });
  }
  return rows;
}
