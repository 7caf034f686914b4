import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { testDeps } from '../../test/support/fixtures.js';
import { PG_SKIP_MESSAGE, postgresReachable, scratchPostgresStore } from '../../test/support/postgres.js';
import type { ReportInput } from '../domain/report.js';
import { exportIncidents } from '../services/export.js';
import { getIncident, listIncidents } from '../services/incidents.js';
import { ingestReport } from '../services/ingest.js';
import { statsBy } from '../services/stats.js';
import { verifyAudit } from './audit.js';
import { resolveStoreTarget } from './open.js';
import { redactUrl } from './postgres.js';

function report(text: string): ReportInput {
  return {
    bytes: Buffer.from(text),
    origin: 'test',
    externalId: null,
    url: null,
    title: 't',
    published: '2017-03-22',
    language: 'en',
    source: { name: 'Wire', kind: 'news' },
    text,
    mediaType: 'text/plain',
  };
}

test('store selection: --database, then $VIGIL_DATABASE_URL, else the embedded file', () => {
  const env = { VIGIL_DATABASE_URL: 'postgres://u@h/d', VIGIL_DB: '/x.db' };
  assert.deepEqual(resolveStoreTarget({ database: 'postgres://a/b' }, env), {
    kind: 'postgres',
    url: 'postgres://a/b',
  });
  assert.deepEqual(resolveStoreTarget({}, env), { kind: 'postgres', url: 'postgres://u@h/d' });
  assert.deepEqual(resolveStoreTarget({ db: '/y.db' }, env), { kind: 'sqlite', path: '/y.db' });
  assert.deepEqual(resolveStoreTarget({}, { VIGIL_DB: '/x.db' }), { kind: 'sqlite', path: '/x.db' });
  assert.equal(redactUrl('postgres://u:secret@h:5432/d'), 'postgres://u:***@h:5432/d');
});

test('the services run unchanged on PostgreSQL', async (t) => {
  if (!(await postgresReachable())) return t.skip(PG_SKIP_MESSAGE);
  const store = await scratchPostgresStore(t);
  const deps = testDeps(store);
  await ingestReport(deps, report('CLAIM 2017-03-20 35.95 39.01 33 us-led-coalition'));
  await ingestReport(deps, report('again: CLAIM 2017-03-21 35.96 39.02 40 us-led-coalition'));
  await ingestReport(deps, report('CLAIM 2017-04-02 36.20 37.15 5 russia'));
  const again = await ingestReport(deps, report('CLAIM 2017-04-02 36.20 37.15 5 russia'));
  assert.equal(again.status, 'known');

  const list = await listIncidents(store.db, { grading: 'all' });
  assert.equal(list.length, 2);
  assert.deepEqual(list[0]?.civiliansKilled, { min: 33, max: 40 });
  const detail = await getIncident(store.db, list[0]?.code ?? '');
  assert.equal(detail.claims.length, 2);
  assert.equal(detail.claims[0]?.report.source?.sensitive, false);

  const months = await statsBy(store.db, 'month', { grading: 'all' });
  assert.deepEqual(
    months.map((m) => [m.key, m.incidents, m.civilians_killed.min, m.civilians_killed.max]),
    [
      ['2017-03', 1, 33, 40],
      ['2017-04', 1, 5, 5],
    ],
  );
  const byActor = await statsBy(store.db, 'belligerent', { grading: 'all', belligerent: ['russia'] });
  assert.deepEqual(
    byActor.map((r) => [r.key, r.incidents]),
    [['russia', 1]],
  );
  let csv = '';
  for await (const chunk of exportIncidents(store.db, 'csv', { grading: 'all' })) csv += chunk;
  assert.equal(csv.trim().split('\n').length, 3);
  assert.deepEqual((await verifyAudit(store.db)).problems, []);
});

test('with PostGIS, incidents carry a geometry kept in step with lat/lon', async (t) => {
  if (!(await postgresReachable())) return t.skip(PG_SKIP_MESSAGE);
  const store = await scratchPostgresStore(t);
  const has = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.columns
    where table_name = 'incidents' and column_name = 'geom'`.execute(store.db);
  if (!has.rows[0]?.n) return t.skip('PostGIS is not installed on this server');
  await ingestReport(testDeps(store), report('CLAIM 2017-03-20 35.95 39.01 33'));
  const read = () =>
    sql<{ x: number; y: number }>`select st_x(geom) as x, st_y(geom) as y from incidents`.execute(store.db);
  assert.deepEqual((await read()).rows, [{ x: 39.01, y: 35.95 }]);
  await store.db.updateTable('incidents').set({ lat: 36.5, lon: 40.25 }).execute();
  assert.deepEqual((await read()).rows, [{ x: 40.25, y: 36.5 }]);
});
