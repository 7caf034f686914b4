import type SqliteDatabase from 'better-sqlite3';
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import type pg from 'pg';
import { sortableId } from '../domain/ids.js';
import { DEFAULT_RANGE_RULE } from '../domain/incident.js';
import { type AuditEntry, appendAudit, chainedAuditRow } from './audit.js';
import {
  BELLIGERENT_COLUMNS,
  DATASET_COLUMNS,
  datasetSourceId,
  type EncodedImport,
  IMPORT_COLUMNS,
  INCIDENT_COLUMNS,
  SOURCE_COLUMNS,
  SOURCE_KIND,
  SOURCE_ROW_COLUMNS,
  sameImport,
  type Value,
} from './import-rows.js';
import { copyRows, kyselyOnClient } from './pg-copy.js';
import type { Database, IncidentsTable } from './schema.js';
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
  /** The PostgreSQL store's pool (Store.pgPool): new rows then go in by COPY on one of its connections. */
  pgPool?: pg.Pool;
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

// Bound parameters per statement: SQLite allows 32,766, PostgreSQL 65,535.
const MAX_PARAMS = 30_000;

function chunks<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Rows of one table, their values one after another in BULK_COLUMNS' order: built once, with no
 * array per row. Rows built as arrays (the incident's spread from its values) and then copied value
 * by value into each statement's parameters cost the embedded writer about a sixth of its CPU
 * (7.7 → 6.5 s for 200,000 rows).
 */
type FlatRows = Value[];

/** The child tables' rows of the incidents a batch writes. */
interface ChildRows {
  belligerents: FlatRows;
  sources: FlatRows;
  imports: FlatRows;
}

/** Appends one incident's child rows, as positional values in ROW_COLUMNS' orders. */
function pushChildRows(into: ChildRows, id: string, row: EncodedImport): void {
  for (const b of row.belligerents) into.belligerents.push(id, b);
  const { sources } = row;
  for (let ordinal = 0; ordinal < sources.length; ordinal++) {
    const [source, published, title, url] = sources[ordinal] as EncodedImport['sources'][number];
    into.sources.push(id, ordinal, source, published, title, url);
  }
  into.imports.push(id, row.dataset, row.datasetId, row.killedBest, row.record, row.hash);
}

/**
 * Flat rows of a table as one array per row, each with the batch's shared values after its own
 * (PostgreSQL's COPY and inserts take those), in the order of columnsOf(table).
 */
function rowsOf(table: BulkTable, values: FlatRows, opts: ImportBatchOptions): Value[][] {
  const width = ROW_COLUMNS[table].length;
  const tail = Object.values(sharedValues(opts)[table]);
  const rows: Value[][] = [];
  for (let i = 0; i < values.length; i += width) {
    const row = values.slice(i, i + width);
    for (const v of tail) row.push(v);
    rows.push(row);
  }
  return rows;
}

/**
 * Writes one batch of imported incidents in one transaction: new dataset ids become incidents,
 * changed rows update theirs (analyst overrides kept), unchanged rows cost one lookup. One audit
 * entry records the batch, naming every incident it created or changed.
 */
export async function writeImportBatch(
  db: Kysely<Database>,
  items: readonly EncodedImport[],
  opts: ImportBatchOptions,
): Promise<ImportBatchResult> {
  if (items.length === 0) return { created: [], updated: [], unchanged: 0, rejected: [] };
  if (opts.sqlite) return writeSqliteBatch(opts.sqlite, items, opts);
  if (opts.pgPool) return writeCopyBatch(opts.pgPool, items, opts);
  return db
    .transaction()
    .execute((trx) =>
      writeInTransaction(trx, items, opts, (t, table, rows, ignoreConflicts) =>
        insertRows(t, table, rows, opts, ignoreConflicts),
      ),
    );
}

/**
 * PostgreSQL's batch: writeInTransaction on a connection of its own, with the new rows of each
 * table sent by COPY instead of an insert statement (the incidents table's rows went from 55 to
 * 24 µs each at 50,000 rows).
 * Publishers stay an insert: COPY cannot skip the names already held.
 */
async function writeCopyBatch(
  pool: pg.Pool,
  items: readonly EncodedImport[],
  opts: ImportBatchOptions,
): Promise<ImportBatchResult> {
  const client = await pool.connect();
  let failure: Error | undefined;
  const db = kyselyOnClient(client);
  try {
    return await db
      .transaction()
      .execute((trx) =>
        writeInTransaction(trx, items, opts, (t, table, rows, ignoreConflicts) =>
          ignoreConflicts
            ? insertRows(t, table, rows, opts, true)
            : copyRows(client, table, columnsOf(table), rowsOf(table, rows, opts)),
        ),
      );
  } catch (err) {
    failure = err as Error;
    throw err;
  } finally {
    await db.destroy();
    // A connection that failed mid-batch (perhaps mid-COPY) is closed rather than lent again.
    client.release(failure);
  }
}

/** Writes a table's new rows inside the batch's transaction: insertRows, or COPY where it can. */
type BulkWriter = (
  trx: Transaction<Database>,
  table: BulkTable,
  rows: FlatRows,
  ignoreConflicts?: boolean,
) => Promise<void>;

interface Existing {
  id: string;
  hash: string | null;
  overrides: string | null;
  civOverride: string | null;
}

/** What a batch will write, decided from what the store already holds (pure). */
interface BatchPlan extends ChildRows {
  result: ImportBatchResult;
  incidents: FlatRows;
  sourceRows: FlatRows;
  names: Set<string>;
  changed: { index: number; id: string; row: EncodedImport; keep: Set<string> }[];
}

function planBatch(
  items: readonly EncodedImport[],
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
  for (const [index, row] of items.entries()) {
    if (seen.has(row.externalId)) {
      result.rejected.push({
        index,
        message: `${row.externalId} appears twice in one batch; the first is kept`,
      });
      continue;
    }
    seen.add(row.externalId);
    const known = existing.get(row.externalId);
    if (known) {
      if (sameImport(known.hash, row)) result.unchanged++;
      else {
        const keep = new Set(Object.keys(known.overrides ? (JSON.parse(known.overrides) as object) : {}));
        if (known.civOverride !== null) for (const c of ['civ_min', 'civ_max']) keep.add(c);
        // An analyst's review outranks the dataset's "not graded" for datasets that do not grade.
        if (row.dataset !== 'airwars') for (const c of ['status', 'grading']) keep.add(c);
        plan.changed.push({ index, id: known.id, row, keep });
      }
      continue;
    }
    const holder = taken.get(row.code);
    if (holder !== undefined) {
      result.rejected.push({
        index,
        message: `code ${row.code} is already used by another incident${holder ? ` (${holder})` : ''}`,
      });
      continue;
    }
    taken.set(row.code, row.externalId);
    const id = importedIncidentId();
    const incidents = plan.incidents;
    incidents.push(id, row.code, row.externalId);
    for (const v of row.values) incidents.push(v);
    pushChildRows(plan, id, row);
    for (const name of row.publishers) if (!knownSources.has(name)) plan.names.add(name);
    result.created.push(row.code);
  }
  for (const { row } of plan.changed)
    for (const name of row.publishers) if (!knownSources.has(name)) plan.names.add(name);
  for (const name of plan.names) plan.sourceRows.push(datasetSourceId(name), name);
  return plan;
}

function auditEntry(items: readonly EncodedImport[], result: ImportBatchResult, opts: ImportBatchOptions) {
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

/**
 * PostgreSQL: the incident whose unique `column` equals k's, as a subquery joined laterally to
 * the batch's keys, so each key is one probe of the unique index. With `column = any(keys)` the
 * planner, reading statistics from before the import grew the table, chose to scan all of it for
 * every batch (8 of 31 s at 200,000 rows, and growing with the table). `limit 1` keeps the
 * subquery from being merged into a plain join the planner may scan the same way.
 */
function byKey(column: 'external_id' | 'code') {
  return sql`select * from incidents where ${sql.ref(`incidents.${column}`)} = ${sql.ref(`k.${column}`)} limit 1`;
}

async function writeInTransaction(
  trx: Transaction<Database>,
  items: readonly EncodedImport[],
  opts: ImportBatchOptions,
  bulk: BulkWriter,
): Promise<ImportBatchResult> {
  const pg = trx.getExecutor().adapter instanceof PostgresAdapter;
  // A crash can lose the last batches committed this way, never corrupt anything, and the import is
  // idempotent: run again, it writes what is missing. The commit then need not wait for the WAL flush.
  if (pg) await sql`set local synchronous_commit = off`.execute(trx);
  // PostgreSQL takes the whole list as one array parameter; elsewhere one placeholder per value.
  const lists = (values: string[]) => (pg ? [values] : chunks(values, 1));

  const existing = new Map<string, Existing>();
  for (const part of lists([...new Set(items.map((i) => i.externalId))])) {
    const rows = pg
      ? (
          await sql<{
            id: string;
            external_id: string | null;
            record_hash: string | null;
            field_overrides: string | null;
            civ_override_reason: string | null;
          }>`select i.id, i.external_id, imp.record_hash, i.field_overrides, i.civ_override_reason
               from unnest(${part}::text[]) as k (external_id)
               cross join lateral (${byKey('external_id')}) as i
               left join incident_imports as imp on imp.incident_id = i.id`.execute(trx)
        ).rows
      : await trx
          .selectFrom('incidents')
          .leftJoin('incident_imports as imp', 'imp.incident_id', 'incidents.id')
          .select([
            'incidents.id',
            'incidents.external_id',
            'imp.record_hash',
            'incidents.field_overrides',
            'incidents.civ_override_reason',
          ])
          .where('incidents.external_id', 'in', part)
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
    const rows = pg
      ? (
          await sql<{ code: string; external_id: string | null }>`select i.code, i.external_id
               from unnest(${part}::text[]) as k (code)
               cross join lateral (${byKey('code')}) as i`.execute(trx)
        ).rows
      : await trx.selectFrom('incidents').select(['code', 'external_id']).where('code', 'in', part).execute();
    for (const r of rows) taken.set(r.code, r.external_id);
  }

  const plan = planBatch(items, existing, taken, opts);
  const { result } = plan;
  await bulk(trx, 'sources', plan.sourceRows, true);
  await bulk(trx, 'incidents', plan.incidents);
  await bulk(trx, 'incident_belligerents', plan.belligerents);
  await bulk(trx, 'incident_sources', plan.sources);
  await bulk(trx, 'incident_imports', plan.imports);

  for (const c of plan.changed) {
    await updateImported(trx, c, opts);
    result.updated.push(c.row.code);
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
  items: readonly EncodedImport[],
  opts: ImportBatchOptions,
): ImportBatchResult {
  const write = () => {
    // One statement per batch whatever its size: the ids travel as one JSON array parameter, each
    // looked up in the unique index as it comes. `in (select value from json_each(?))` first built
    // and sorted a temporary index of the ids: writing batches took 2-3% longer (200,000 and
    // 600,000 rows). A repeated id finds its incident twice, which the maps take alike.
    const existing = new Map<string, Existing>();
    const found = prepared(
      sqlite,
      `select i.id, i.external_id, imp.record_hash, i.field_overrides, i.civ_override_reason
         from json_each(?) j join incidents i on i.external_id = j.value
         left join incident_imports imp on imp.incident_id = i.id`,
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
        'select i.code, i.external_id from json_each(?) j join incidents i on i.code = j.value',
      ).raw(true);
      for (const [code, holder] of holders.all(JSON.stringify(fresh)) as [string, string | null][])
        taken.set(code, holder);
    }

    const plan = planBatch(items, existing, taken, opts);
    const { result } = plan;
    const shared = sharedValues(opts);
    runBulk(sqlite, 'sources', plan.sourceRows, shared, true);
    runBulk(sqlite, 'incidents', plan.incidents, shared);
    runBulk(sqlite, 'incident_belligerents', plan.belligerents, shared);
    runBulk(sqlite, 'incident_sources', plan.sources, shared);
    runBulk(sqlite, 'incident_imports', plan.imports, shared);
    for (const c of plan.changed) {
      updateImportedSqlite(sqlite, c, opts);
      result.updated.push(c.row.code);
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

/**
 * Rows a multi-row insert writes at once: one statement step instead of one per row. Writing
 * 200,000 UCDP rows in 1,000-row batches with the values bound as one array, 128 took 1-2% less
 * time than 64; 16 took 6-7% more, 256 about as long as 64, 512 4-5% more. Bound as spread
 * arguments (runRows), in 500-row batches, 64 took about 2% less than 128; 32 measured as 64, 256
 * as 128.
 */
const ROWS_PER_INSERT = 64;

/** The columns of each table written in bulk. */
const BULK_COLUMNS = {
  sources: SOURCE_ROW_COLUMNS,
  incidents: INCIDENT_COLUMNS,
  incident_belligerents: BELLIGERENT_COLUMNS,
  incident_sources: SOURCE_COLUMNS,
  incident_imports: IMPORT_COLUMNS,
} as const;
type BulkTable = keyof typeof BULK_COLUMNS;

/**
 * The values every row of a batch writes alike, by table and column: the embedded database binds
 * each once per statement, by name, instead of once per row (14 of the ~62 values a UCDP row
 * bound, among them the file's path). The rows hold only the other columns' values.
 */
function sharedValues(opts: ImportBatchOptions) {
  return {
    sources: { kind: SOURCE_KIND, sensitive: 0, created_at: opts.now },
    // Not overridden, the default range rule, coordinates not sensitive, unassigned.
    incidents: {
      civ_override_reason: null,
      range_rule: DEFAULT_RANGE_RULE,
      sensitive_coords: 0,
      assignee: null,
      version: 1,
      created_at: opts.now,
      updated_at: opts.now,
      deleted_at: null,
    },
    // A dataset names the parties it coded: known, not merely suspected; not assessed by anyone here.
    incident_belligerents: { role: 'known', assessment: 'not_assessed' },
    incident_sources: {},
    incident_imports: { origin: opts.origin, imported_at: opts.now },
  } satisfies Record<BulkTable, Record<string, Value>>;
}
type SharedValues = Record<BulkTable, Record<string, Value>>;

const SHARED_COLUMNS = Object.fromEntries(
  Object.entries(sharedValues({ actor: '', origin: '', now: '' })).map(([t, v]) => [t, Object.keys(v)]),
) as Record<BulkTable, string[]>;

/** The columns whose values each row holds, in the order it holds them (BULK_COLUMNS' less the shared). */
const ROW_COLUMNS = Object.fromEntries(
  Object.entries(BULK_COLUMNS).map(([t, cols]) => [
    t,
    cols.filter((c) => !SHARED_COLUMNS[t as BulkTable].includes(c)),
  ]),
) as Record<BulkTable, string[]>;

/** A table's columns as rowsOf gives its rows' values: each row's own, then the shared ones. */
function columnsOf(table: BulkTable): string[] {
  return [...ROW_COLUMNS[table], ...SHARED_COLUMNS[table]];
}

/** runRows for a table written in bulk, with the batch's shared values. */
function runBulk(
  sqlite: SqliteDatabase.Database,
  table: BulkTable,
  values: FlatRows,
  shared: SharedValues,
  ignoreConflicts = false,
): void {
  runRows(sqlite, table, values, ROW_COLUMNS[table], shared[table], ignoreConflicts);
}

/**
 * Flat rows of positional values in `columns`' order, written by reused prepared statements of
 * ROWS_PER_INSERT rows each, the remainder one row at a time; the `shared` values go by name, once
 * a statement. Each statement's parameters are one slice of the flat array (a block copy), spread
 * as arguments: better-sqlite3 reads an array parameter element by element through a generic
 * property lookup, and arguments straight off the call. Spread, writing 200,000 UCDP rows took
 * 3.5-3.9 s instead of 3.9-4.2 at 128 rows a statement (at most 1,792 arguments a call now: 28
 * columns of ROWS_PER_INSERT rows).
 */
function runRows(
  sqlite: SqliteDatabase.Database,
  table: BulkTable | 'audit_log',
  values: FlatRows,
  columns: readonly string[],
  shared: Record<string, Value>,
  ignoreConflicts = false,
) {
  const width = columns.length;
  const rows = values.length / width;
  if (rows === 0) return;
  const named = Object.keys(shared);
  // Table and column names come from this module's own constants, never from input.
  const insert = (n: number) => {
    const tuple = `(${[...columns.map(() => '?'), ...named.map((c) => `@${c}`)].join(', ')})`;
    return prepared(
      sqlite,
      `insert ${ignoreConflicts ? 'or ignore ' : ''}into "${table}" (${[...columns, ...named].map((c) => `"${c}"`).join(', ')}) ` +
        `values ${Array.from({ length: n }, () => tuple).join(', ')}`,
    );
  };
  // Rows from..to of the flat array through a statement; the shared values first, where there are any
  // (better-sqlite3 takes named parameters as an object among the positional ones).
  const run = (statement: SqliteDatabase.Statement, from: number, to: number) =>
    named.length > 0
      ? statement.run(shared, ...values.slice(from * width, to * width))
      : statement.run(...values.slice(from * width, to * width));
  let i = 0;
  if (rows >= ROWS_PER_INSERT) {
    const many = insert(ROWS_PER_INSERT);
    for (; i + ROWS_PER_INSERT <= rows; i += ROWS_PER_INSERT) run(many, i, i + ROWS_PER_INSERT);
  }
  if (i === rows) return;
  const one = insert(1);
  for (; i < rows; i++) run(one, i, i + 1);
}

type Changed = BatchPlan['changed'][number];

/** The dataset columns a changed row rewrites: those no analyst has overridden. */
function rewritten(c: Changed): [string, Value][] {
  return DATASET_COLUMNS.map((name, k): [string, Value] => [name, c.row.values[k] ?? null]).filter(
    ([name]) => !c.keep.has(name),
  );
}

function updateImportedSqlite(sqlite: SqliteDatabase.Database, c: Changed, opts: ImportBatchOptions): void {
  const cols = rewritten(c);
  prepared(
    sqlite,
    `update incidents set ${cols.map(([k]) => `"${k}" = ?`).join(', ')}, version = version + 1, updated_at = ? where id = ?`,
  ).run(...cols.map(([, v]) => v), opts.now, c.id);
  for (const table of ['incident_belligerents', 'incident_sources', 'incident_imports'] as const)
    prepared(sqlite, `delete from "${table}" where incident_id = ?`).run(c.id);
  const children: ChildRows = { belligerents: [], sources: [], imports: [] };
  pushChildRows(children, c.id, c.row);
  const shared = sharedValues(opts);
  runBulk(sqlite, 'incident_belligerents', children.belligerents, shared);
  runBulk(sqlite, 'incident_sources', children.sources, shared);
  runBulk(sqlite, 'incident_imports', children.imports, shared);
}

/** appendAudit's row, written through the raw handle (the caller's transaction). */
function appendAuditSqlite(sqlite: SqliteDatabase.Database, entry: AuditEntry, now: string): void {
  const last = prepared(sqlite, 'select seq, hash from audit_log order by seq desc limit 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const row = chainedAuditRow(entry, last, now);
  runRows(sqlite, 'audit_log', Object.values(row) as Value[], Object.keys(row), {});
}

/** Flat rows as objects keyed by their table's column names, the shared values included. */
function asObjects(table: BulkTable, values: FlatRows, opts: ImportBatchOptions): Record<string, Value>[] {
  const columns = columnsOf(table);
  return rowsOf(table, values, opts).map((r) => Object.fromEntries(columns.map((c, k) => [c, r[k] ?? null])));
}

/**
 * Inserts positional rows. On PostgreSQL the whole batch is one statement with one
 * parameter: a JSON array turned into rows of the table's own type by json_populate_recordset, so
 * each column keeps its type without a cast list, and no query with thousands of placeholders is
 * compiled and bound per chunk. Elsewhere (a non-embedded SQLite), multi-row inserts.
 */
async function insertRows(
  trx: Transaction<Database>,
  table: BulkTable,
  rows: FlatRows,
  opts: ImportBatchOptions,
  ignoreConflicts = false,
): Promise<void> {
  if (rows.length === 0) return;
  const objects = asObjects(table, rows, opts);
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    const cols = sql.join(BULK_COLUMNS[table].map((c) => sql.ref(c)));
    await sql`insert into ${sql.table(table)} (${cols})
      select ${cols} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(objects)}::json)
      ${ignoreConflicts ? sql`on conflict do nothing` : sql``}`.execute(trx);
    return;
  }
  for (const part of chunks(objects, BULK_COLUMNS[table].length)) {
    // The row shapes are the table's insertable rows; Kysely cannot see that through the union of tables.
    const q = trx.insertInto(table).values(part as never);
    await (ignoreConflicts ? q.onConflict((oc) => oc.doNothing()) : q).execute();
  }
}

async function updateImported(
  trx: Transaction<Database>,
  c: Changed,
  opts: ImportBatchOptions,
): Promise<void> {
  const row = await trx
    .selectFrom('incidents')
    .select('version')
    .where('id', '=', c.id)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('incidents')
    // Column names from DATASET_COLUMNS, values of their types (datasetValues).
    .set({
      ...(Object.fromEntries(rewritten(c)) as Partial<IncidentsTable>),
      version: Number(row.version) + 1,
      updated_at: opts.now,
    })
    .where('id', '=', c.id)
    .execute();
  await trx.deleteFrom('incident_belligerents').where('incident_id', '=', c.id).execute();
  await trx.deleteFrom('incident_sources').where('incident_id', '=', c.id).execute();
  await trx.deleteFrom('incident_imports').where('incident_id', '=', c.id).execute();
  const children: ChildRows = { belligerents: [], sources: [], imports: [] };
  pushChildRows(children, c.id, c.row);
  await insertRows(trx, 'incident_belligerents', children.belligerents, opts);
  await insertRows(trx, 'incident_sources', children.sources, opts);
  await insertRows(trx, 'incident_imports', children.imports, opts);
}
