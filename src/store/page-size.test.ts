import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { scratchDir } from '../../test/support/fixtures.js';
import { openSqliteStore } from './database.js';

test('a new embedded database has 16 KiB pages; an existing one keeps its own and still opens', async (t) => {
  const dir = scratchDir(t);
  const fresh = await openSqliteStore(join(dir, 'new.db'));
  assert.equal(fresh.sqlite?.pragma('page_size', { simple: true }), 16_384);
  await fresh.close();

  // As a database created before the page size was set: SQLite's default 4 KiB pages, in WAL mode.
  const oldPath = join(dir, 'old.db');
  const old = new SqliteDatabase(oldPath);
  old.pragma('page_size = 4096');
  old.pragma('journal_mode = WAL');
  old.exec('create table t (x integer)');
  old.close();
  const reopened = await openSqliteStore(oldPath);
  assert.equal(reopened.sqlite?.pragma('page_size', { simple: true }), 4096);
  const row = await reopened.db
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(row.n), 0);
  await reopened.close();
});
