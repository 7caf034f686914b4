import type { Grading, IncidentStatus } from '../../domain/codes.js';
import type { IncidentSummary } from '../../domain/incident.js';
import type { Admin1Resolver } from './admin1-codes.js';
import type { KeptRecord } from './record-codec.js';

export const IMPORT_FORMATS = ['ucdp', 'acled', 'airwars'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One source a dataset cites for an incident. */
export interface CitedSource {
  /** Publisher (UCDP's source office, an ACLED source, a site's host name). */
  name: string | null;
  published: string | null;
  title: string | null;
  url: string | null;
}

/** An incident as a dataset codes it, mapped to Vigil's fields; pure data, no ids yet. */
export interface ImportedIncident extends Omit<IncidentSummary, 'placeId'> {
  dataset: ImportFormat;
  /** The dataset's own id, e.g. UCDP's `id`. */
  datasetId: string;
  /** `ucdp:214797`: what makes a re-import idempotent. */
  externalId: string;
  /** Human-facing code, unique across incidents (`UCDP-214797`). */
  code: string;
  status: IncidentStatus;
  grading: Grading | null;
  killedBest: number | null;
  sources: CitedSource[];
  attribution: string | null;
  /** The dataset's columns Vigil has no field for (raw actor names, UCDP's dyad…), kept verbatim. */
  record: KeptRecord;
}

/** Something odd but importable, e.g. UCDP's low above its high. */
export interface RowWarning {
  line: number;
  field: string;
  message: string;
}

export interface MappedRow {
  incident: ImportedIncident;
  warnings: RowWarning[];
  /** Actor names no belligerent code is known for (kept in `record`). */
  unmappedActors: string[];
}

/** A parsed CSV row by column name. */
export type CsvRecord = Record<string, string | undefined>;

export interface RowContext {
  origin: string;
  line: number;
  /** 1-based column number of a header name, for error messages. */
  column(name: string): number | null;
  /**
   * The GeoNames code of a division the dataset names ("Aleppo Governorate" in SY → "09"), which
   * is what incidents store, so filters and figures by division take imported rows too; null
   * when none is known. Absent: no division is resolved.
   */
  admin1Code?: Admin1Resolver;
}

/** A dataset's CSV dialect: which columns it needs and how a row maps. */
export interface Importer {
  format: ImportFormat;
  /** How people name the dataset or layout ("UCDP GED"). */
  title: string;
  /**
   * Columns without which no row can be mapped, checked against the header before any row;
   * a list inside means "any one of these names".
   */
  requiredColumns: readonly (string | readonly string[])[];
  /** The names `record` may hold, in the order they are stored (see record-codec.ts: append only). */
  recordColumns: readonly string[];
  /** Pure; `row` is refilled for the next row once this returns, so nothing may keep it. */
  mapRow(row: CsvRecord, ctx: RowContext): MappedRow;
}

export const UCDP_ATTRIBUTION =
  'Uppsala Conflict Data Program (UCDP), UCDP Georeferenced Event Dataset; Sundberg, Ralph and Erik ' +
  "Melander (2013) 'Introducing the UCDP Georeferenced Event Dataset', Journal of Peace Research 50(4). " +
  'CC BY 4.0.';

export const ACLED_ATTRIBUTION =
  'Armed Conflict Location & Event Data Project (ACLED); www.acleddata.com. Used under ACLED’s terms of use.';
