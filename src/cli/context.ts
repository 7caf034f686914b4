import { openSqliteStore, type Store } from '../store/database.js';
import { resolveDbPath } from '../store/location.js';

/** Global options every command receives (commander's optsWithGlobals). */
export interface GlobalOptions {
  db?: string;
}

/** Opens the store the global options point at; the caller closes it. */
export async function openStoreFor(opts: GlobalOptions): Promise<Store> {
  return openSqliteStore(resolveDbPath(opts.db));
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
