import type SqliteDatabase from 'better-sqlite3';
import { type Insertable, type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import { sha256Hex, sortableId } from '../domain/ids.js';
import { DEFAULT_RANGE_RULE } from '../domain/incident.js';
import type { ImportedIncident } from '../ingest/importers/types.js';
import { type AuditEntry, appendAudit, chainedAuditRow } from './audit.js';
import type {
  Database,
  IncidentBelligerentsTable,
  IncidentImportsTable,
  IncidentSourcesTable,
  IncidentsTable,
} from './schema.js';
import { statementsOf } from './statement-cache.js';

/** What one batch did; rows refused (a code another incident holds) are named by their index. */
export interface ImportBatchResult {
  created: string[];
  updated: string[];
  unchanged: number;
  rejected: { index: number; message: string }[];
}

export interface ImportBatchOptions {
  actor: string;
  /** The file the rows came from, kept with each row and in the audit entry. */
  origin: string;
  now: string;
  /** The embedded database's handle (Store.sqlite): rows then go through reused prepared statements. */
  sqlite?: SqliteDatabase.Database;
  /**
   * Publishers this import run has written already: re-inserting them is harmless (on conflict do
   * nothing) but costs a statement per batch, and a dataset cites a few hundred names a million times.
   */
  knownSources?: Set<string>;
}

/**
 * A new imported incident's id. A row is found again by its dataset id (`external_id`), not by this
 * id, so the id need not derive from it; it is time-ordered instead, so an import appends to the
 * end of every index keyed by incident id (incidents, belligerents, sources, imports) rather than
 * dirtying a random page of each per row, which is what made commits slow at a million rows.
 */
export function importedIncidentId(): string {
  return sortableId('i');
}

// Publisher ids, remembered: a dataset cites a few hundred names a million times.
const sourceIds = new Map<string, string>();
const SOURCE_ID_MEMO = 10_000;

/** Same scheme as the ingest service, so a publisher named by a dataset and by a report is one row. */
function sourceId(kind: string, name: string): string {
  const key = `${kind}\u0000${name}`;
  let id = sourceIds.get(key);
  if (id === undefined) {
    if (sourceIds.size >= SOURCE_ID_MEMO) sourceIds.clear();
    id = `s_${sha256Hex(key).slice(0, 20)}`;
    sourceIds.set(key, id);
  }
  return id;
}

const SOURCE_KIND = 'other';

// Bound parameters per statement: SQLite allows 32,766, PostgreSQL 65,535.
const MAX_PARAMS = 30_000;

function chunks<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** A stable digest of a mapped row: an unchanged row re-imported is recognised without a diff. */
export function recordHash(item: ImportedIncident): string {
  return sha256Hex(JSON.stringify(item));
}

type DatasetColumns = Omit<
  Insertable<IncidentsTable>,
  | 'id'
  | 'code'
  | 'external_id'
  | 'created_at'
  | 'updated_at'
  | 'version'
  | 'range_rule'
  | 'sensitive_coords'
  | 'deleted_at'
>;

/** The incident columns a dataset row decides (pure). */
export function datasetColumns(item: ImportedIncident): DatasetColumns {
  return {
    status: item.status,
    grading: item.grading,
    date_from: item.date?.from ?? null,
    date_to: item.date?.to ?? null,
    date_precision: item.date?.precision ?? null,
    place_name: item.placeName,
    place_id: null,
    lat: item.lat,
    lon: item.lon,
    admin1: item.admin1,
    country: item.country,
    geo_precision: item.geoPrecision,
    event: item.event,
    target: item.target,
    belligerents: JSON.stringify(item.belligerents),
    civ_min: item.civiliansKilled?.min ?? null,
    civ_max: item.civiliansKilled?.max ?? null,
    killed_min: item.killed?.min ?? null,
    killed_max: item.killed?.max ?? null,
    injured_min: item.injured?.min ?? null,
    injured_max: item.injured?.max ?? null,
    attribution: item.attribution,
  };
}

function childRows(
  id: string,
  item: ImportedIncident,
  hash: string,
  opts: ImportBatchOptions,
): {
  belligerents: IncidentBelligerentsTable[];
  sources: IncidentSourcesTable[];
  imp: IncidentImportsTable;
} {
  return {
    // A dataset names the parties it coded: known, not merely suspected; not assessed by anyone here.
    belligerents: item.belligerents.map((b) => ({
      incident_id: id,
      belligerent: b,
      role: 'known',
      assessment: 'not_assessed',
    })),
    sources: item.sources.map((s, ordinal) => ({
      incident_id: id,
      ordinal,
      source_id: s.name ? sourceId(SOURCE_KIND, s.name) : null,
      published: s.published,
      title: s.title,
      url: s.url,
    })),
    imp: {
      incident_id: id,
      dataset: item.dataset,
      dataset_id: item.datasetId,
      killed_best: item.killedBest,
      record: JSON.stringify(item.record),
      record_hash: hash,
      origin: opts.origin,
      imported_at: opts.now,
    },
  };
}

/**
 * Writes one batch of imported incidents in one transaction: new dataset ids become incidents,
 * changed rows update theirs (analyst overrides kept), unchanged rows cost one lookup. One audit
 * entry records the batch, naming every incident it created or changed.
 */
export async function writeImportBatch(
  db: Kysely<Database>,
  items: readonly ImportedIncident[],
  opts: ImportBatchOptions,
): Promise<ImportBatchResult> {
  if (items.length === 0) return { created: [], updated: [], unchanged: 0, rejected: [] };
  if (opts.sqlite) return writeSqliteBatch(opts.sqlite, items, opts);
  return db.transaction().execute((trx) => writeInTransaction(trx, items, opts));
}

interface Existing {
  id: string;
  hash: string | null;
  overrides: string | null;
  civOverride: string | null;
}

/** What a batch will write, decided from what the store already holds (pure). */
interface BatchPlan {
  result: ImportBatchResult;
  incidents: Insertable<IncidentsTable>[];
  belligerents: IncidentBelligerentsTable[];
  sources: IncidentSourcesTable[];
  imports: IncidentImportsTable[];
  sourceRows: { id: string; name: string; kind: string; sensitive: number; created_at: string }[];
  names: Set<string>;
  changed: { index: number; id: string; item: ImportedIncident; hash: string; keep: Set<string> }[];
}

function planBatch(
  items: readonly ImportedIncident[],
  existing: Map<string, Existing>,
  taken: Map<string, string | null>,
  opts: ImportBatchOptions,
): BatchPlan {
  const result: ImportBatchResult = { created: [], updated: [], unchanged: 0, rejected: [] };
  const knownSources = opts.knownSources ?? new Set<string>();
  const plan: BatchPlan = {
    result,
    incidents: [],
    belligerents: [],
    sources: [],
    imports: [],
    sourceRows: [],
    names: new Set<string>(),
    changed: [],
  };
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (seen.has(item.externalId)) {
      result.rejected.push({
        index,
        message: `${item.externalId} appears twice in one batch; the first is kept`,
      });
      continue;
    }
    seen.add(item.externalId);
    const hash = recordHash(item);
    const known = existing.get(item.externalId);
    if (known) {
      if (known.hash === hash) result.unchanged++;
      else {
        const keep = new Set(Object.keys(known.overrides ? (JSON.parse(known.overrides) as object) : {}));
        if (known.civOverride !== null) for (const c of ['civ_min', 'civ_max']) keep.add(c);
        // An analyst's review outranks the dataset's "not graded" for datasets that do not grade.
        if (item.dataset !== 'airwars') for (const c of ['status', 'grading']) keep.add(c);
        plan.changed.push({ index, id: known.id, item, hash, keep });
      }
      continue;
    }
    const holder = taken.get(item.code);
    if (holder !== undefined) {
      result.rejected.push({
        index,
        message: `code ${item.code} is already used by another incident${holder ? ` (${holder})` : ''}`,
      });
      continue;
    }
    taken.set(item.code, item.externalId);
    const id = importedIncidentId();
    plan.incidents.push({
      id,
      code: item.code,
      external_id: item.externalId,
      ...datasetColumns(item),
      civ_override_reason: null,
      range_rule: DEFAULT_RANGE_RULE,
      sensitive_coords: 0,
      assignee: null,
      version: 1,
      created_at: opts.now,
      updated_at: opts.now,
      deleted_at: null,
    });
    const children = childRows(id, item, hash, opts);
    for (const b of children.belligerents) plan.belligerents.push(b);
    for (const s of children.sources) plan.sources.push(s);
    plan.imports.push(children.imp);
    for (const s of item.sources) if (s.name && !knownSources.has(s.name)) plan.names.add(s.name);
    result.created.push(item.code);
  }
  for (const { item } of plan.changed)
    for (const s of item.sources) if (s.name && !knownSources.has(s.name)) plan.names.add(s.name);
  plan.sourceRows = [...plan.names].map((name) => ({
    id: sourceId(SOURCE_KIND, name),
    name,
    kind: SOURCE_KIND,
    sensitive: 0,
    created_at: opts.now,
  }));
  return plan;
}

function auditEntry(items: readonly ImportedIncident[], result: ImportBatchResult, opts: ImportBatchOptions) {
  return {
    actor: opts.actor,
    action: 'incidents.imported',
    entityType: 'import',
    entityId: `${items[0]?.dataset ?? 'import'}:${opts.origin}`,
    after: {
      dataset: items[0]?.dataset,
      origin: opts.origin,
      created: result.created,
      updated: result.updated,
    },
  };
}

async function writeInTransaction(
  trx: Transaction<Database>,
  items: readonly ImportedIncident[],
  opts: ImportBatchOptions,
): Promise<ImportBatchResult> {
  const pg = trx.getExecutor().adapter instanceof PostgresAdapter;
  // A crash can lose the last batches committed this way, never corrupt anything, and the import is
  // idempotent: run again, it writes what is missing. The commit then need not wait for the WAL flush.
  if (pg) await sql`set local synchronous_commit = off`.execute(trx);
  // PostgreSQL takes the whole list as one array parameter; elsewhere one placeholder per value.
  const among = (column: 'incidents.external_id' | 'code', values: string[]) =>
    sql<boolean>`${sql.ref(column)} = any(${values}::text[])`;
  const lists = (values: string[]) => (pg ? [values] : chunks(values, 1));

  const existing = new Map<string, Existing>();
  for (const part of lists([...new Set(items.map((i) => i.externalId))])) {
    const rows = await trx
      .selectFrom('incidents')
      .leftJoin('incident_imports as imp', 'imp.incident_id', 'incidents.id')
      .select([
        'incidents.id',
        'incidents.external_id',
        'imp.record_hash',
        'incidents.field_overrides',
        'incidents.civ_override_reason',
      ])
      .where((eb) => (pg ? among('incidents.external_id', part) : eb('incidents.external_id', 'in', part)))
      .execute();
    for (const r of rows)
      if (r.external_id)
        existing.set(r.external_id, {
          id: r.id,
          hash: r.record_hash,
          overrides: r.field_overrides,
          civOverride: r.civ_override_reason,
        });
  }

  // A new row's code must be free: an Airwars-style file may carry a code another incident holds.
  const freshCodes = new Set(items.filter((i) => !existing.has(i.externalId)).map((i) => i.code));
  const taken = new Map<string, string | null>();
  for (const part of lists([...freshCodes])) {
    if (part.length === 0) continue;
    const rows = await trx
      .selectFrom('incidents')
      .select(['code', 'external_id'])
      .where((eb) => (pg ? among('code', part) : eb('code', 'in', part)))
      .execute();
    for (const r of rows) taken.set(r.code, r.external_id);
  }

  const plan = planBatch(items, existing, taken, opts);
  const { result } = plan;
  await insertRows(trx, 'sources', plan.sourceRows, true);
  await insertRows(trx, 'incidents', plan.incidents);
  await insertRows(trx, 'incident_belligerents', plan.belligerents);
  await insertRows(trx, 'incident_sources', plan.sources);
  await insertRows(trx, 'incident_imports', plan.imports);

  for (const c of plan.changed) {
    await updateImported(trx, c.id, c.item, c.hash, c.keep, opts);
    result.updated.push(c.item.code);
  }

  if (result.created.length > 0 || result.updated.length > 0)
    await appendAudit(trx, auditEntry(items, result, opts), opts.now);
  // Only after the statements ran: a rolled-back batch must not leave names marked as written.
  for (const n of plan.names) opts.knownSources?.add(n);
  return result;
}

/**
 * Several import batches in one transaction on the embedded database. A commit writes every page
 * its batches dirtied, and nearly every batch dirties the same pages of the date-ordered indexes,
 * so fewer, larger commits write far fewer pages. A batch inside it runs as a savepoint. Committing
 * every `rowsPerCommit` rows bounds how long another writer waits for the lock.
 */
export class SqliteImportTransaction {
  private pending = 0;
  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    private readonly rowsPerCommit: number,
  ) {}

  /** Before a batch: opens a transaction unless one is open (IMMEDIATE: the write lock before any read). */
  begin(): void {
    if (!this.sqlite.inTransaction) this.sqlite.exec('begin immediate');
  }

  /** After a batch: commits once enough rows wait. */
  written(rows: number): void {
    this.pending += rows;
    if (this.pending >= this.rowsPerCommit) this.end(true);
  }

  end(commit: boolean): void {
    if (this.sqlite.inTransaction) this.sqlite.exec(commit ? 'commit' : 'rollback');
    this.pending = 0;
  }
}

/** One prepared statement per SQL text and connection (the connection's shared cache). */
function prepared(sqlite: SqliteDatabase.Database, text: string): SqliteDatabase.Statement {
  return statementsOf(sqlite).prepare(text);
}

/**
 * The embedded database's batch: the same plan as writeInTransaction, written synchronously
 * through reused prepared statements with positional parameters. No Kysely query is compiled per
 * row or per batch, and nothing else can run on the connection between the statements.
 */
function writeSqliteBatch(
  sqlite: SqliteDatabase.Database,
  items: readonly ImportedIncident[],
  opts: ImportBatchOptions,
): ImportBatchResult {
  const write = () => {
    // One statement per batch whatever its size: the ids travel as one JSON array parameter.
    const existing = new Map<string, Existing>();
    const found = prepared(
      sqlite,
      `select i.id, i.external_id, imp.record_hash, i.field_overrides, i.civ_override_reason
         from incidents i left join incident_imports imp on imp.incident_id = i.id
        where i.external_id in (select value from json_each(?))`,
    ).raw(true);
    type Found = [string, string | null, string | null, string | null, string | null];
    for (const [id, externalId, hash, overrides, civOverride] of found.all(
      JSON.stringify(items.map((i) => i.externalId)),
    ) as Found[])
      if (externalId) existing.set(externalId, { id, hash, overrides, civOverride });

    const taken = new Map<string, string | null>();
    const fresh = items.filter((i) => !existing.has(i.externalId)).map((i) => i.code);
    if (fresh.length > 0) {
      const holders = prepared(
        sqlite,
        'select code, external_id from incidents where code in (select value from json_each(?))',
      ).raw(true);
      for (const [code, holder] of holders.all(JSON.stringify(fresh)) as [string, string | null][])
        taken.set(code, holder);
    }

    const plan = planBatch(items, existing, taken, opts);
    const { result } = plan;
    runRows(sqlite, 'sources', plan.sourceRows, true);
    runRows(sqlite, 'incidents', plan.incidents);
    runRows(sqlite, 'incident_belligerents', plan.belligerents);
    runRows(sqlite, 'incident_sources', plan.sources);
    runRows(sqlite, 'incident_imports', plan.imports);
    for (const c of plan.changed) {
      updateImportedSqlite(sqlite, c.id, c.item, c.hash, c.keep, opts);
      result.updated.push(c.item.code);
    }
    if (result.created.length > 0 || result.updated.length > 0)
      appendAuditSqlite(sqlite, auditEntry(items, result, opts), opts.now);
    return plan;
  };
  // Inside the caller's transaction (SqliteImportTransaction) no savepoint: its rollback journal
  // copied every page a batch touched, and a failed batch ends the import's transaction anyway.
  // Otherwise IMMEDIATE, to take the write lock before the reads, so no writer slips in between.
  const plan = sqlite.inTransaction ? write() : sqlite.transaction(write).immediate();
  for (const n of plan.names) opts.knownSources?.add(n);
  return plan.result;
}

/** Rows a multi-row insert writes at once: one statement step instead of one per row. */
const ROWS_PER_INSERT = 64;

/**
 * Rows that all have the same keys (columns in the first row's key order), written by reused
 * prepared statements of ROWS_PER_INSERT rows each, the remainder one row at a time.
 */
function runRows(sqlite: SqliteDatabase.Database, table: BulkTable, rows: object[], ignoreConflicts = false) {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  // Table and column names come from this module's own row builders, never from input.
  const insert = (n: number) => {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    return prepared(
      sqlite,
      `insert ${ignoreConflicts ? 'or ignore ' : ''}into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) ` +
        `values ${Array.from({ length: n }, () => tuple).join(', ')}`,
    );
  };
  let i = 0;
  if (rows.length >= ROWS_PER_INSERT) {
    const many = insert(ROWS_PER_INSERT);
    const params: unknown[] = new Array(ROWS_PER_INSERT * columns.length);
    for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
      let k = 0;
      for (let r = i; r < i + ROWS_PER_INSERT; r++) {
        const row = rows[r] as Record<string, unknown>;
        for (const c of columns) params[k++] = row[c];
      }
      many.run(params);
    }
  }
  if (i === rows.length) return;
  const one = insert(1);
  for (; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    one.run(columns.map((c) => row[c]));
  }
}

function updateImportedSqlite(
  sqlite: SqliteDatabase.Database,
  id: string,
  item: ImportedIncident,
  hash: string,
  keep: Set<string>,
  opts: ImportBatchOptions,
): void {
  const cols = Object.entries(datasetColumns(item)).filter(([k]) => !keep.has(k));
  prepared(
    sqlite,
    `update incidents set ${cols.map(([k]) => `"${k}" = ?`).join(', ')}, version = version + 1, updated_at = ? where id = ?`,
  ).run(...cols.map(([, v]) => v), opts.now, id);
  for (const table of ['incident_belligerents', 'incident_sources', 'incident_imports'] as const)
    prepared(sqlite, `delete from "${table}" where incident_id = ?`).run(id);
  const children = childRows(id, item, hash, opts);
  runRows(sqlite, 'incident_belligerents', children.belligerents);
  runRows(sqlite, 'incident_sources', children.sources);
  runRows(sqlite, 'incident_imports', [children.imp]);
}

/** appendAudit's row, written through the raw handle (the caller's transaction). */
function appendAuditSqlite(sqlite: SqliteDatabase.Database, entry: AuditEntry, now: string): void {
  const last = prepared(sqlite, 'select seq, hash from audit_log order by seq desc limit 1').get() as
    | { seq: number; hash: string }
    | undefined;
  runRows(sqlite, 'audit_log', [chainedAuditRow(entry, last, now)]);
}

type BulkTable =
  | 'audit_log'
  | 'sources'
  | 'incidents'
  | 'incident_belligerents'
  | 'incident_sources'
  | 'incident_imports';

/**
 * Inserts rows that all have the same keys. On PostgreSQL the whole batch is one statement with one
 * parameter: a JSON array turned into rows of the table's own type by json_populate_recordset, so
 * each column keeps its type without a cast list, and no query with thousands of placeholders is
 * compiled and bound per chunk. Elsewhere (a non-embedded SQLite), multi-row inserts.
 */
async function insertRows(
  trx: Transaction<Database>,
  table: BulkTable,
  rows: object[],
  ignoreConflicts = false,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    const cols = sql.join(columns.map((c) => sql.ref(c)));
    await sql`insert into ${sql.table(table)} (${cols})
      select ${cols} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)
      ${ignoreConflicts ? sql`on conflict do nothing` : sql``}`.execute(trx);
    return;
  }
  for (const part of chunks(rows, columns.length)) {
    // The row shapes are the table's insertable rows; Kysely cannot see that through the union of tables.
    const q = trx.insertInto(table).values(part as never);
    await (ignoreConflicts ? q.onConflict((oc) => oc.doNothing()) : q).execute();
  }
}

async function updateImported(
  trx: Transaction<Database>,
  id: string,
  item: ImportedIncident,
  hash: string,
  keep: Set<string>,
  opts: ImportBatchOptions,
): Promise<void> {
  const cols = Object.fromEntries(
    Object.entries(datasetColumns(item)).filter(([k]) => !keep.has(k)),
  ) as Partial<DatasetColumns>;
  const row = await trx
    .selectFrom('incidents')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('incidents')
    .set({ ...cols, version: Number(row.version) + 1, updated_at: opts.now })
    .where('id', '=', id)
    .execute();
  const children = childRows(id, item, hash, opts);
  await trx.deleteFrom('incident_belligerents').where('incident_id', '=', id).execute();
  await trx.deleteFrom('incident_sources').where('incident_id', '=', id).execute();
  await trx.deleteFrom('incident_imports').where('incident_id', '=', id).execute();
  if (children.belligerents.length)
    await trx.insertInto('incident_belligerents').values(children.belligerents).execute();
  if (children.sources.length) await trx.insertInto('incident_sources').values(children.sources).execute();
  await trx.insertInto('incident_imports').values(children.imp).execute();
}
