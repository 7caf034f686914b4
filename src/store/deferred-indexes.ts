import type SqliteDatabase from 'better-sqlite3';
import { type Kysely, sql, type Transaction } from 'kysely';
import { setPragmas } from './pragmas.js';
import type { Database } from './schema.js';
import { statementsOf } from './statement-cache.js';

/** Where the definitions of indexes an import dropped wait until it rebuilds them. */
const DEFERRED_KEY = 'import.deferred_indexes';

/**
 * Indexes a large embedded import keeps up to date as it writes: their keys arrive in about the
 * order they sort in, so a batch's entries go in at a few places (each belligerent's incidents by
 * time-ordered id; incidents by the time their batch was written) instead of on random pages. The
 * importing thread, which waits for the reader thread, has the time for them; rebuilding them was
 * 0.8 s of the 3.6 s rebuild at a million rows, when nothing else runs. 1,000,000 UCDP rows
 * imported in 20.0-21.6 s keeping them against 20.9-22.2 s dropping them (three runs each,
 * alternated).
 */
const KEPT_WHILE_IMPORTING = ['incident_belligerents_by_code', 'incidents_updated'];

/**
 * The incidents indexes a large import drops and rebuilds at its end (embedded database). Rows
 * arrive in file order, so every non-unique index on incidents (ordered by date, status, country…)
 * takes each row on a random page; once these indexes outgrow the page cache, each commit rewrote
 * nearly all of their pages: 13 GB written for a 2.2 GB database at a million rows. Building an
 * index afterwards sorts once. Unique indexes stay: the import looks rows up by them; so do those
 * KEPT_WHILE_IMPORTING.
 */
export function deferIncidentIndexes(sqlite: SqliteDatabase.Database): void {
  const indexes = sqlite
    .prepare(
      `select name, sql from sqlite_schema
        where type = 'index' and tbl_name in ('incidents', 'incident_belligerents') and sql is not null
          and sql not like 'create unique%' and name not in (select value from json_each(?))`,
    )
    .all(JSON.stringify(KEPT_WHILE_IMPORTING)) as { name: string; sql: string }[];
  if (indexes.length === 0) return;
  const pending = readDeferred(sqlite);
  statementsOf(sqlite)
    .prepare(
      'insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
    )
    .run(DEFERRED_KEY, JSON.stringify([...pending, ...indexes.map((i) => i.sql)]));
  // Names come from sqlite_schema, not from input.
  for (const i of indexes) sqlite.exec(`drop index "${i.name.replaceAll('"', '""')}"`);
}

/** Helper threads SQLite may sort with while rebuilding the deferred indexes. */
const REBUILD_THREADS = 2;
/** The page cache while rebuilding them, in KiB: also the size of each sorted run. */
const REBUILD_CACHE_KIB = 8 * 1024;

/**
 * Rebuilds what deferIncidentIndexes dropped, including what an interrupted import left dropped;
 * true when there was anything to rebuild. Runs in the caller's transaction, if any.
 */
export function restoreDeferredIndexes(sqlite: SqliteDatabase.Database): boolean {
  const pending = readDeferred(sqlite);
  if (pending.length === 0) return false;
  // A sort larger than the page cache is cut into runs, and with helper threads each run is sorted
  // on one while the table scan goes on: a small cache then makes more, smaller runs to share out.
  // The import's reader thread is done by now, so the second core is free. Rebuilding a million
  // rows' indexes: 5.2-5.4 s with one thread and a 64 MB cache, 3.7-3.8 s with two helpers and
  // 8 MB (16 MB: 4.0-4.2 s; 32 MB: 4.8 s), peak RSS 217 against 113 MB.
  const restore = setPragmas(sqlite, { threads: REBUILD_THREADS, cache_size: -REBUILD_CACHE_KIB });
  try {
    for (const ddl of pending) sqlite.exec(ddl.replace(/^create index /i, 'create index if not exists '));
  } finally {
    restore();
  }
  statementsOf(sqlite).prepare('delete from meta where key = ?').run(DEFERRED_KEY);
  return true;
}

function readDeferred(sqlite: SqliteDatabase.Database): string[] {
  const row = statementsOf(sqlite).prepare('select value from meta where key = ?').get(DEFERRED_KEY) as
    | { value: string }
    | undefined;
  return row ? (JSON.parse(row.value) as string[]) : [];
}

/** PostgreSQL's deferIncidentIndexes: the same indexes, the same note in meta, its own transaction. */
export async function deferIncidentIndexesPg(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes
       where schemaname = current_schema() and tablename in ('incidents', 'incident_belligerents')
         and indexdef not like 'CREATE UNIQUE%'`.execute(trx);
    if (found.rows.length === 0) return;
    const pending = await readDeferredPg(trx);
    await trx
      .insertInto('meta')
      .values({
        key: DEFERRED_KEY,
        value: JSON.stringify([...pending, ...found.rows.map((i) => i.indexdef)]),
      })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
    for (const i of found.rows) await sql`drop index ${sql.id(i.indexname)}`.execute(trx);
  });
}

/** PostgreSQL's restoreDeferredIndexes, in one transaction; true when there was anything to rebuild. */
export async function restoreDeferredIndexesPg(db: Kysely<Database>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const pending = await readDeferredPg(trx);
    if (pending.length === 0) return false;
    for (const ddl of pending)
      await sql.raw(ddl.replace(/^create (index|unique index) /i, 'create $1 if not exists ')).execute(trx);
    await trx.deleteFrom('meta').where('key', '=', DEFERRED_KEY).execute();
    return true;
  });
}

async function readDeferredPg(trx: Transaction<Database>): Promise<string[]> {
  const row = await trx.selectFrom('meta').select('value').where('key', '=', DEFERRED_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as string[]) : [];
}

/**
 * Rebuilds on whichever database the store holds (the embedded one in one immediate transaction);
 * true when there was anything to rebuild.
 */
export async function restoreDeferredIndexesOf(store: {
  sqlite?: SqliteDatabase.Database;
  db: Kysely<Database>;
}): Promise<boolean> {
  const { sqlite } = store;
  if (sqlite) return sqlite.transaction(() => restoreDeferredIndexes(sqlite)).immediate();
  return restoreDeferredIndexesPg(store.db);
}
