import assert from 'node:assert/strict';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { sql } from 'kysely';
import { scratchDir } from '../../test/support/fixtures.js';
import { PG_SKIP_MESSAGE, postgresReachable, scratchPostgresUrl } from '../../test/support/postgres.js';
import { openSqliteStore, type Store } from './database.js';
import { deferIncidentIndexes, deferIncidentIndexesPg } from './deferred-indexes.js';
import { openPostgresStore } from './postgres.js';

async function incidentIndexes(store: Store): Promise<string[]> {
  const rows =
    store.dialect === 'postgres'
      ? await sql<{ name: string }>`select indexname as name from pg_indexes
          where schemaname = current_schema() and tablename in ('incidents', 'incident_belligerents')
          order by 1`.execute(store.db)
      : await sql<{ name: string }>`select name from sqlite_schema
          where type = 'index' and tbl_name in ('incidents', 'incident_belligerents') and sql is not null
          order by 1`.execute(store.db);
  return rows.rows.map((r) => r.name);
}

/**
 * As an import killed mid-way leaves a store: the non-unique incidents and belligerents indexes
 * dropped, noted in meta; on the embedded database, less those an import keeps up to date.
 */
async function interruptedImportLeavesIndexesDropped(
  t: TestContext,
  open: () => Promise<Store>,
): Promise<void> {
  const first = await open();
  const before = await incidentIndexes(first);
  const kept = first.sqlite ? ['incident_belligerents_by_code', 'incidents_updated'] : [];
  const dropped = ['incidents_page_status_date', 'incident_belligerents_by_code', 'incidents_updated'].filter(
    (name) => !kept.includes(name),
  );
  for (const name of [...dropped, ...kept]) assert.ok(before.includes(name), name);
  if (first.sqlite) deferIncidentIndexes(first.sqlite);
  else await deferIncidentIndexesPg(first.db);
  const during = await incidentIndexes(first);
  for (const name of dropped) assert.ok(!during.includes(name), `${name} dropped`);
  for (const name of kept) assert.ok(during.includes(name), `${name} kept`);
  await first.close();

  const reopened = await open();
  t.after(() => reopened.close());
  assert.deepEqual(await incidentIndexes(reopened), before, 'opening the store rebuilds what was dropped');
  const note = await reopened.db.selectFrom('meta').select('key').where('key', 'like', 'import.%').execute();
  assert.deepEqual(note, []);
}

test('indexes an interrupted import left dropped are rebuilt when the store opens (embedded)', async (t) => {
  const path = join(scratchDir(t), 'deferred.db');
  await interruptedImportLeavesIndexesDropped(t, () => openSqliteStore(path));
});

test('indexes an interrupted import left dropped are rebuilt when the store opens (PostgreSQL)', async (t) => {
  if (!(await postgresReachable())) return t.skip(PG_SKIP_MESSAGE);
  const url = await scratchPostgresUrl(t);
  await interruptedImportLeavesIndexesDropped(t, () => openPostgresStore(url));
});
