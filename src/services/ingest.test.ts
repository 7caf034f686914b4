import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scratchStore, testDeps } from '../../test/support/fixtures.js';
import type { ReportInput } from '../domain/report.js';
import { verifyAudit } from '../store/audit.js';
import { ingestReport } from './ingest.js';

function report(text: string, published = '2017-03-22'): ReportInput {
  return {
    bytes: Buffer.from(text),
    origin: 'test',
    externalId: null,
    url: null,
    title: null,
    published,
    language: 'en',
    source: { name: 'Test Wire', kind: 'news' },
    text,
    mediaType: 'text/plain',
  };
}

test('re-ingesting the same bytes adds nothing', async (t) => {
  const store = await scratchStore(t);
  const deps = testDeps(store);
  const first = await ingestReport(deps, report('CLAIM 2017-03-20 35.95 39.01 33'));
  assert.equal(first.status, 'new');
  const counts = async () => ({
    reports: (
      await store.db
        .selectFrom('reports')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
    claims: (
      await store.db
        .selectFrom('claims')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
    incidents: (
      await store.db
        .selectFrom('incidents')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
    audit: (
      await store.db
        .selectFrom('audit_log')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  });
  const before = await counts();
  const again = await ingestReport(deps, report('CLAIM 2017-03-20 35.95 39.01 33'));
  assert.equal(again.status, 'known');
  assert.deepEqual(await counts(), before);
});

test('claims of one event from two reports join one incident with the envelope range', async (t) => {
  const store = await scratchStore(t);
  const deps = testDeps(store);
  const a = await ingestReport(deps, report('CLAIM 2017-03-20 35.95 39.01 33 us-led-coalition'));
  const b = await ingestReport(deps, report('wire copy: CLAIM 2017-03-21 35.96 39.02 40 us-led-coalition'));
  assert.equal(a.status, 'new');
  assert.equal(b.status, 'new');
  if (a.status !== 'new' || b.status !== 'new') return;
  assert.deepEqual(a.incidents, b.incidents);
  const inc = await store.db.selectFrom('incidents').selectAll().executeTakeFirstOrThrow();
  assert.equal(inc.civ_min, 33);
  assert.equal(inc.civ_max, 40);
});

test('claims far apart stay separate incidents', async (t) => {
  const store = await scratchStore(t);
  const deps = testDeps(store);
  await ingestReport(deps, report('CLAIM 2017-03-20 35.95 39.01 33'));
  await ingestReport(deps, report('CLAIM 2017-03-20 36.34 43.13 12'));
  await ingestReport(deps, report('CLAIM 2017-05-20 35.95 39.01 5'));
  const n = await store.db
    .selectFrom('incidents')
    .select((e) => e.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(n.n), 3);
});

test('every ingest is in the audit chain, and the chain verifies', async (t) => {
  const store = await scratchStore(t);
  const deps = testDeps(store);
  await ingestReport(deps, report('CLAIM 2017-03-20 35.95 39.01 33'));
  await ingestReport(deps, report('CLAIM 2017-03-21 35.95 39.01 40'));
  const v = await verifyAudit(store.db);
  assert.ok(v.entries >= 4, `expected entries for reports and incidents, got ${v.entries}`);
  assert.deepEqual(v.problems, []);
});

test('a report that names its source as protected flags the source, new or known, in the audit chain; none unflags it', async (t) => {
  const store = await scratchStore(t);
  const deps = testDeps(store);
  const sensitive = async () =>
    Number(
      (
        await store.db
          .selectFrom('sources')
          .select('sensitive')
          .where('name', '=', 'Test Wire')
          .executeTakeFirstOrThrow()
      ).sensitive,
    );
  await ingestReport(deps, report('CLAIM 2017-03-20 35.95 39.01 33'));
  assert.equal(await sensitive(), 0);
  const flagged = report('CLAIM 2017-03-21 35.95 39.01 4');
  flagged.source = { name: 'Test Wire', kind: 'news', sensitive: true };
  await ingestReport(deps, flagged);
  assert.equal(await sensitive(), 1, 'a known source is flagged');
  await ingestReport(deps, report('CLAIM 2017-03-22 35.95 39.01 5'));
  assert.equal(await sensitive(), 1, 'a later report that does not say so leaves it protected');
  const audit = await store.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'source.sensitivity')
    .execute();
  assert.equal(audit.length, 1);
  assert.deepEqual((await verifyAudit(store.db)).problems, []);
});
