import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import type pg from 'pg';
import { restoreDeferredIndexesOf } from './deferred-indexes.js';
import type { Dialect } from './dialect.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';
import { addSqliteFunctions } from './sqlite-functions.js';
import { SqliteReadPoolDialect } from './sqlite-read-pool.js';
import { statementsOf } from './statement-cache.js';

export interface Store {
  db: Kysely<Database>;
  /**
   * For read-only queries that need no transaction (the API's lists, details, stats). On the
   * embedded database opened with `readers`, a pool of reader threads, so reads run beside the
   * event loop and one another; otherwise the same handle as `db`.
   */
  reads: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives: a file path or a redacted connection URL. */
  location: string;
  /** The embedded database's own handle, for bulk writes that reuse prepared statements (imports). */
  sqlite?: SqliteDatabase.Database;
  /** The PostgreSQL server's connection pool, for bulk writes by COPY (imports). */
  pgPool?: pg.Pool;
  close(): Promise<void>;
}

export class StoreError extends Error {
  constructor(
    message: string,
    readonly location: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export interface SqliteStoreOptions {
  /**
   * Reader threads for `Store.reads` (0: reads share the main handle). Worth it for a server, where
   * requests overlap; a command that runs one query after another gains nothing from them.
   */
  readers?: number;
}

const BUSY_TIMEOUT_MS = 10_000;
/** Bytes a page of a newly created embedded database (SQLite's default is 4,096). */
const PAGE_SIZE = 16_384;

/** Opens (creating if needed) the embedded SQLite database at `path` and migrates it. */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let raw: SqliteDatabase.Database;
  try {
    raw = new SqliteDatabase(path);
  } catch (err) {
    throw new StoreError(`cannot open database ${path}: ${(err as Error).message}`, path, { cause: err });
  }
  // Only a database with nothing in it yet takes a page size (an existing one keeps its own). A
  // write-ahead log writes and checkpoints a page per system call, so 16 KiB pages cut an import's
  // kernel time: writing 200,000 UCDP rows took 4.2 against 4.9 s of CPU with 4 KiB pages, and
  // rebuilding a million rows' incident indexes 5.3 against 6.4 s.
  raw.pragma(`page_size = ${PAGE_SIZE}`);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  addSqliteFunctions(raw);
  const statements = statementsOf(raw);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: { prepare: (text) => statements.prepare(text), close: () => raw.close() },
    }),
  });
  const store: Store = {
    db,
    reads: db,
    dialect: 'sqlite',
    location: path,
    sqlite: raw,
    close: () => db.destroy(),
  };
  await migrate(store);
  const readers = options.readers ?? 0;
  // An in-memory database is private to its connection: other threads cannot open it.
  if (readers > 0 && path !== ':memory:') {
    const reads = new Kysely<Database>({
      dialect: new SqliteReadPoolDialect({ path, readers, busyTimeoutMs: BUSY_TIMEOUT_MS }),
    });
    try {
      // Opens the readers now, so a file they cannot read fails here rather than on the first request.
      await sql`select 1`.execute(reads);
    } catch (err) {
      await db.destroy();
      throw new StoreError(`cannot open readers on ${path}: ${(err as Error).message}`, path, { cause: err });
    }
    store.reads = reads;
    store.close = async () => {
      await reads.destroy();
      await db.destroy();
    };
  }
  return store;
}

export async function migrate(store: Store): Promise<void> {
  // Migrations written on parallel branches may land in any order; each is applied once either way.
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider(store.dialect),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new StoreError(
      `migration ${failed?.migrationName ?? '?'} failed on ${store.location}: ${(error as Error).message}`,
      store.location,
      { cause: error },
    );
  }
  // A large import drops the incidents' non-unique indexes until its end: if it was interrupted,
  // they come back here rather than only at the next import, so reads never stay slow.
  await restoreDeferredIndexesOf(store);
}
