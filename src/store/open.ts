import { openSqliteStore, type SqliteStoreOptions, type Store } from './database.js';
import { resolveDbPath } from './location.js';
import { openPostgresStore, type PostgresOptions } from './postgres.js';

export interface StoreSelection {
  /** `--database postgres://…`: the server database. */
  database?: string;
  /** `--db PATH`: the embedded database file. */
  db?: string;
}

export type StoreTarget = { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string };

/**
 * `--database`, else $VIGIL_DATABASE_URL selects PostgreSQL; otherwise the embedded file
 * (`--db`, $VIGIL_DB, the user data directory). An explicit `--db` wins over the environment URL,
 * so a one-off command against a local file never touches the shared server by accident.
 */
export function resolveStoreTarget(sel: StoreSelection, env: NodeJS.ProcessEnv = process.env): StoreTarget {
  if (sel.database) return { kind: 'postgres', url: sel.database };
  if (!sel.db && env.VIGIL_DATABASE_URL) return { kind: 'postgres', url: env.VIGIL_DATABASE_URL };
  return { kind: 'sqlite', path: resolveDbPath(sel.db, env) };
}

export function openStore(
  sel: StoreSelection,
  options: PostgresOptions & SqliteStoreOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<Store> {
  const target = resolveStoreTarget(sel, env);
  return target.kind === 'postgres'
    ? openPostgresStore(target.url, options)
    : openSqliteStore(target.path, options);
}
