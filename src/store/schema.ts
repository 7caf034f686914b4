import type { Generated, GeneratedAlways } from 'kysely';

/**
 * Table shapes shared by SQLite and PostgreSQL. Portable column types only:
 * text ids, ISO dates as text, JSON as text, booleans as 0/1 integers.
 */
export interface SourcesTable {
  id: string;
  name: string;
  kind: string;
  sensitive: number;
  created_at: string;
}

export interface ReportsTable {
  id: string;
  sha256: string;
  external_id: string | null;
  source_id: string | null;
  origin: string;
  url: string | null;
  title: string | null;
  published: string | null;
  language: string | null;
  media_type: string;
  retrieved_at: string;
  original: Uint8Array;
  text: string;
  /** Report id this one is a near-copy of (syndication, light rewrite). */
  duplicate_of: string | null;
  extracted_at: string | null;
}

export interface ClaimsTable {
  id: string;
  report_id: string;
  incident_id: string | null;
  ordinal: number;
  status: string;
  date_from: string | null;
  date_to: string | null;
  date_precision: string | null;
  place_name: string | null;
  place_id: string | null;
  lat: number | null;
  lon: number | null;
  admin1: string | null;
  country: string | null;
  geo_precision: string | null;
  event: string | null;
  belligerents: string;
  target: string | null;
  civ_min: number | null;
  civ_max: number | null;
  killed_min: number | null;
  killed_max: number | null;
  injured_min: number | null;
  injured_max: number | null;
  children_min: number | null;
  children_max: number | null;
  women_min: number | null;
  women_max: number | null;
  hedged: number;
  strikes: number | null;
  evidence: string;
  confidence: number;
  created_at: string;
  /** Average pair score to the other claims of its incident; null when it stands alone. */
  link_score: number | null;
  /** 1 when an analyst placed the claim: automatic relinking never moves it. */
  link_pinned: number;
}

export interface IncidentsTable {
  id: string;
  code: string;
  status: string;
  grading: string | null;
  strike_status: string | null;
  date_from: string | null;
  date_to: string | null;
  date_precision: string | null;
  place_name: string | null;
  place_id: string | null;
  lat: number | null;
  lon: number | null;
  admin1: string | null;
  country: string | null;
  geo_precision: string | null;
  event: string | null;
  target: string | null;
  /** Only the belligerent codes, for display; incident_belligerents holds the detail. */
  belligerents: string;
  civ_min: number | null;
  civ_max: number | null;
  killed_min: number | null;
  killed_max: number | null;
  injured_min: number | null;
  injured_max: number | null;
  /** Set when an analyst overrode the rule-computed civilian range. */
  civ_override_reason: string | null;
  range_rule: string;
  /** Dataset attribution for imported incidents: `dataset:ucdp` for a known dataset's credit (importers/attribution.ts). */
  attribution: string | null;
  external_id: string | null;
  sensitive_coords: number;
  assignee: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Set by the first analyst change: from then on automatic linking never merges it with another reviewed incident. */
  reviewed_at: string | null;
  /** The incident this one was merged into (it is then soft-deleted). */
  merged_into: string | null;
  /** JSON object of analyst-set column values that recomputation from claims must keep; null: none. */
  field_overrides: string | null;
}

/**
 * Columns the database computes (0006-date-reads), kept off IncidentsTable so that rows built or passed
 * around in code never carry them; queries may read them, no write may set them.
 */
export interface IncidentsComputed {
  /** Months from date_from's month to date_to's; only the date filter reads it. */
  date_span: GeneratedAlways<number | null>;
}

export interface IncidentBelligerentsTable {
  incident_id: string;
  belligerent: string;
  /** known | suspected */
  role: string;
  /** not_assessed | credible | non_credible */
  assessment: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export interface ReportFingerprintsTable {
  report_id: string;
  /** JSON array of the MinHash signature. */
  minhash: string;
  /** JSON array of the distinct numbers in the text: copies must agree on every figure. */
  numbers: string;
  /** figuresKey(numbers): the indexed lookup key (the list itself can outgrow an index row). Null only before migration 0010 filled it. */
  numbers_key: string | null;
}

export interface ReportSignatureBandsTable {
  band: number;
  bucket: string;
  report_id: string;
}

export interface LinkSuggestionsTable {
  claim_id: string;
  incident_id: string;
  score: number;
  /** open | accepted | dismissed */
  status: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: string;
  name: string;
  /** admin | analyst | viewer */
  role: string;
  /** scrypt$N$r$p$salt$key, base64 parts. */
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  label: string;
  /** SHA-256 of the token. */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface JobsTable {
  id: string;
  /** ingest, … (src/jobs/handlers.ts) */
  kind: string;
  /** JSON */
  payload: string;
  /** queued | running | done | failed */
  state: string;
  attempts: number;
  result: string | null;
  error: string | null;
  worker: string | null;
  locked_until: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Dataset fields of an imported incident that have no incident column (migration 0003). */
export interface IncidentImportsTable {
  incident_id: string;
  /** ucdp | acled | airwars */
  dataset: string;
  dataset_id: string;
  /** UCDP's best estimate of all deaths; killed_min/max hold low/high. */
  killed_best: number | null;
  /**
   * The dataset's own columns, for exports in its format: a JSON array of values by position in
   * the importer's recordColumns (rows imported before that: a JSON object); see record-codec.ts.
   */
  record: string;
  /** Digest of what the row writes (imports.ts encodeRow): a re-import of an unchanged row is a no-op. */
  record_hash: string;
  origin: string;
  imported_at: string;
}

export interface IncidentSourcesTable {
  incident_id: string;
  ordinal: number;
  source_id: string | null;
  published: string | null;
  title: string | null;
  url: string | null;
}

export interface FeedsTable {
  url: string;
  name: string | null;
  /** feed (RSS/Atom) | page */
  kind: string;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  failures: number;
  items_seen: number;
  reports_new: number;
  created_at: string;
}

export interface FeedItemsTable {
  feed_url: string;
  item_key: string;
  url: string | null;
  report_id: string | null;
  seen_at: string;
}

export interface Database {
  sources: SourcesTable;
  reports: ReportsTable;
  claims: ClaimsTable;
  incidents: IncidentsTable & IncidentsComputed;
  incident_belligerents: IncidentBelligerentsTable;
  audit_log: AuditLogTable;
  meta: MetaTable;
  report_fingerprints: ReportFingerprintsTable;
  report_signature_bands: ReportSignatureBandsTable;
  link_suggestions: LinkSuggestionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  jobs: JobsTable;
  incident_imports: IncidentImportsTable;
  incident_sources: IncidentSourcesTable;
  feeds: FeedsTable;
  feed_items: FeedItemsTable;
}

export type { Generated };
