import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { Migrator } from 'kysely';
import { scratchStore, testDeps } from '../../../test/support/fixtures.js';
import { PG_SKIP_MESSAGE, postgresReachable, scratchPostgresStore } from '../../../test/support/postgres.js';
import { lineReport as report } from '../../../test/support/review.js';
import { figuresKey } from '../../domain/ids.js';
import type { Store } from '../../store/database.js';
import { migrate } from '../../store/database.js';
import { migrationProvider } from '../../store/migrations/index.js';
import { ingestReport } from '../ingest.js';

// A monitor's monthly roll: one claim, then a table of 1,500 figures. The figure list alone is
// about 10 KB, far past the 2,704 bytes PostgreSQL allows an index row.
const ROLL = `The monitor's monthly roll. CLAIM 2017-03-20 35.83 38.75 33\n${Array.from(
  { length: 1500 },
  (_, i) => `district ${i}: ${1000 + i * 7} displaced`,
).join('\n')}`;

async function copiesFound(store: Store): Promise<void> {
  const deps = testDeps(store);
  await ingestReport(deps, report(ROLL, '2017-04-01', 'Monitor'));
  await ingestReport(deps, report(`BEIRUT (AFP) - ${ROLL}`, '2017-04-02', 'Wire'));
  const reports = await store.db
    .selectFrom('reports')
    .select(['published', 'duplicate_of'])
    .orderBy('published')
    .execute();
  assert.equal(reports.length, 2);
  assert.equal(reports[0]?.duplicate_of, null);
  assert.ok(reports[1]?.duplicate_of, 'the later report of the roll is found as its copy');
}

test('a report with 1,500 figures ingests, and its copy is found, on the embedded database', async (t) => {
  await copiesFound(await scratchStore(t));
});

test('a report with 1,500 figures ingests, and its copy is found, on PostgreSQL', async (t: TestContext) => {
  if (!(await postgresReachable())) return t.skip(PG_SKIP_MESSAGE);
  await copiesFound(await scratchPostgresStore(t));
});

test('migration 0010 gives fingerprints stored before it their lookup key', async (t) => {
  const store = await scratchStore(t);
  const deps = testDeps(store);
  await ingestReport(
    deps,
    report('Five civilians were killed in Atareb. CLAIM 2017-03-20 35.83 38.75 5', '2017-03-21', 'A'),
  );
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.dialect) });
  const down = await migrator.migrateTo('0009-map-version');
  assert.ifError(down.error);
  await migrate(store);
  const rows = await store.db.selectFrom('report_fingerprints').select(['numbers', 'numbers_key']).execute();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.numbers_key, figuresKey(rows[0]?.numbers ?? ''));
  // The copy arriving after the migration is found through the filled key.
  await ingestReport(
    deps,
    report('AFP - Five civilians were killed in Atareb. CLAIM 2017-03-20 35.83 38.75 5', '2017-03-22', 'B'),
  );
  const marked = await store.db
    .selectFrom('reports')
    .select('duplicate_of')
    .where('published', '=', '2017-03-22')
    .executeTakeFirstOrThrow();
  assert.ok(marked.duplicate_of);
});
