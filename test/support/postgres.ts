import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Store } from '../../src/store/database.js';
import { openPostgresStore } from '../../src/store/postgres.js';

/** The admin URL tests create their databases through; override with VIGIL_TEST_PG. */
export const PG_ADMIN_URL = process.env.VIGIL_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let reachable: Promise<boolean> | undefined;

export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}

export const PG_SKIP_MESSAGE = `PostgreSQL not reachable at ${PG_ADMIN_URL.replace(/:[^:@/]*@/, ':***@')}`;

type TestContext = { after: (fn: () => void | Promise<void>) => void };

async function admin<T>(body: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/** A fresh, uniquely named database, dropped when the test ends; returns its URL. */
export async function scratchPostgresUrl(t: TestContext): Promise<string> {
  const name = `vigil_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  t.after(() => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrated store on a fresh database; closed and dropped when the test ends. */
export async function scratchPostgresStore(t: TestContext): Promise<Store> {
  const url = await scratchPostgresUrl(t);
  const store = await openPostgresStore(url, { poolSize: 4 });
  t.after(() => store.close());
  return store;
}
