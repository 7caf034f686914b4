import { existsSync } from 'node:fs';
import type { SqliteStoreOptions, Store } from '../store/database.js';
import { openStore, resolveStoreTarget } from '../store/open.js';

/** Global options every command receives (commander's optsWithGlobals). */
export interface GlobalOptions {
  db?: string;
  database?: string;
}

/** Opens the store the global options point at (PostgreSQL by URL, else the embedded file); the caller closes it. */
export async function openStoreFor(opts: GlobalOptions, options: SqliteStoreOptions = {}): Promise<Store> {
  return openStore({ db: opts.db, database: opts.database }, options);
}

/** Runs a command body with a store, closing it whatever happens. */
export async function withStore<T>(opts: GlobalOptions, body: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStoreFor(opts);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

/**
 * withStore for commands that only read: an embedded database file that does not exist is refused,
 * not created empty, so a mistyped --db or $VIGIL_DB is not answered with "0 incident(s)".
 */
export async function withExistingStore<T>(
  opts: GlobalOptions,
  body: (store: Store) => Promise<T>,
): Promise<T> {
  const target = resolveStoreTarget({ db: opts.db, database: opts.database });
  if (target.kind === 'sqlite' && !existsSync(target.path))
    throw new Error(
      `no database at ${target.path}: nothing has been ingested or imported there (--db or $VIGIL_DB names the file)`,
    );
  return withStore(opts, body);
}
