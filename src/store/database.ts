import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type { Dialect } from './dialect.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives: a file path or a redacted connection URL. */
  location: string;
  /** The embedded database's own handle, for bulk writes that reuse prepared statements (imports). */
  sqlite?: SqliteDatabase.Database;
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

/** Opens (creating if needed) the embedded SQLite database at `path` and migrates it. */
export async function openSqliteStore(path: string): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let raw: SqliteDatabase.Database;
  try {
    raw = new SqliteDatabase(path);
  } catch (err) {
    throw new StoreError(`cannot open database ${path}: ${(err as Error).message}`, path, { cause: err });
  }
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  const store: Store = {
    db,
    dialect: 'sqlite',
    location: path,
    sqlite: raw,
    close: () => db.destroy(),
  };
  await migrate(store);
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
}
