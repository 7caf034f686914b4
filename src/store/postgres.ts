import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate, type Store, StoreError } from './database.js';
import type { Database } from './schema.js';

export interface PostgresOptions {
  /** Connections this process may hold; API replicas and workers each have their own pool. */
  poolSize?: number;
  /** Cancels any single statement running longer than this, so one slow query cannot pin a connection. */
  statementTimeoutMs?: number;
  /** Skip migrating (a caller that has just migrated the same database). */
  migrate?: boolean;
}

/** The URL with its password masked, for messages and `Store.location`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** Opens a PostgreSQL database by URL and migrates it with the same migrations as the embedded one. */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const location = redactUrl(url);
  if (!isPostgresUrl(url))
    throw new StoreError(`not a PostgreSQL URL: ${location} (expected postgres://…)`, location);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 60_000,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new StoreError(`cannot connect to ${location}: ${(err as Error).message}`, location, {
      cause: err,
    });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const store: Store = {
    db,
    reads: db,
    dialect: 'postgres',
    location,
    pgPool: pool,
    close: () => db.destroy(),
  };
  if (options.migrate !== false) {
    try {
      await migrate(store);
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}
