import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { scratchDir } from '../../test/support/fixtures.js';
import { openSqliteStore } from './database.js';

async function storeWithReaders(t: Parameters<typeof scratchDir>[0], readers: number) {
  const store = await openSqliteStore(join(scratchDir(t), 'pool.db'), { readers });
  return store;
}

test('reads on reader threads see what the main handle committed', async (t) => {
  const store = await storeWithReaders(t, 2);
  try {
    assert.notEqual(store.reads, store.db, 'readers asked for, so reads must not share the main handle');
    await store.db.insertInto('meta').values({ key: 'probe', value: 'one' }).execute();
    const first = await store.reads.selectFrom('meta').select('value').where('key', '=', 'probe').execute();
    assert.deepEqual(first, [{ value: 'one' }]);
    await store.db.updateTable('meta').set({ value: 'two' }).where('key', '=', 'probe').execute();
    const second = await store.reads.selectFrom('meta').select('value').where('key', '=', 'probe').execute();
    assert.deepEqual(second, [{ value: 'two' }]);
  } finally {
    await store.close();
  }
});

test('overlapping reads each get their own answer', async (t) => {
  const store = await storeWithReaders(t, 2);
  try {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        sql<{ n: number; s: string }>`select ${i} * 3 as n, ${`q${i}`} as s`.execute(store.reads),
      ),
    );
    for (const [i, a] of answers.entries()) assert.deepEqual(a.rows, [{ n: i * 3, s: `q${i}` }]);
  } finally {
    await store.close();
  }
});

test('the read pool refuses writes and transactions, and reports SQL errors with their code', async (t) => {
  const store = await storeWithReaders(t, 1);
  try {
    await assert.rejects(
      store.reads.insertInto('meta').values({ key: 'x', value: 'y' }).execute(),
      /only statements that return rows/,
    );
    await assert.rejects(
      store.reads.transaction().execute(async () => {}),
      /no transactions/,
    );
    await assert.rejects(
      sql`select * from no_such_table`.execute(store.reads),
      (err: Error & { code?: string }) => {
        assert.match(err.message, /no such table: no_such_table/);
        assert.equal(err.code, 'SQLITE_ERROR');
        return true;
      },
    );
    const rows = await store.db.selectFrom('meta').select('key').where('key', '=', 'x').execute();
    assert.deepEqual(rows, [], 'the refused insert must not have happened');
    // The reader still answers after an error.
    const ok = await sql<{ one: number }>`select 1 as one`.execute(store.reads);
    assert.deepEqual(ok.rows, [{ one: 1 }]);
  } finally {
    await store.close();
  }
});

test('without readers, reads is the main handle (a command gains nothing from threads)', async (t) => {
  const store = await storeWithReaders(t, 0);
  try {
    assert.equal(store.reads, store.db);
  } finally {
    await store.close();
  }
});
