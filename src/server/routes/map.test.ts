/**
 * The map payload is kept between requests until the data it reads changes: these write through a
 * second connection (as another server, a worker or a CLI import would) and expect the next
 * payload to show the write, on both databases.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { scratchDir, testDeps } from '../../../test/support/fixtures.js';
import { PG_SKIP_MESSAGE, postgresReachable, scratchPostgresUrl } from '../../../test/support/postgres.js';
import { LocalJobQueue } from '../../jobs/local-queue.js';
import { ingestReport } from '../../services/ingest.js';
import { openSqliteStore, type Store } from '../../store/database.js';
import { openPostgresStore } from '../../store/postgres.js';
import { buildServer } from '../app.js';

/** Incidents in a /api/map/points body (its second little-endian uint32), and the first one's fields. */
async function pointCount(
  app: FastifyInstance,
  query = '',
): Promise<{ n: number; etag: string; first?: { lon: number; lat: number; civMin: number; code: string } }> {
  const res = await app.inject({ method: 'GET', url: `/api/map/points${query}` });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.rawPayload;
  const n = body.readUInt32LE(4);
  const etag = String(res.headers.etag);
  if (n !== 1) return { n, etag };
  const codesAt = (8 + 25 + 3) & ~3;
  const first = {
    lon: body.readFloatLE(8),
    lat: body.readFloatLE(12),
    civMin: body.readInt32LE(8 + 16),
    code: body.subarray(codesAt).toString('utf8'),
  };
  return { n, etag, first };
}

async function cacheFollowsWrites(t: TestContext, server: Store, writer: Store): Promise<void> {
  const jobs = new LocalJobQueue(server, {});
  const app = await buildServer({ store: server, jobs });
  t.after(async () => {
    await app.close();
    await jobs.close();
  });
  const text = 'CLAIM 2017-03-20 35.9 39.0 12 russia\n';
  const ingested = await ingestReport(testDeps(server), {
    bytes: Buffer.from(text),
    origin: 'test',
    externalId: null,
    url: 'https://example.org/a',
    title: 'A',
    published: '2017-03-21',
    language: 'en',
    source: { name: 'Wire', kind: 'news' },
    text,
    mediaType: 'text/plain',
  });
  assert.ok(ingested.status === 'new');
  const id = ingested.incidents[0] as string;

  // Anonymous readers see published incidents only: none yet.
  const before = await pointCount(app);
  assert.equal(before.n, 0);
  assert.deepEqual(await pointCount(app), before, 'nothing written: the same payload');

  await writer.db.updateTable('incidents').set({ status: 'published' }).where('id', '=', id).execute();
  const published = await pointCount(app);
  assert.equal(published.n, 1);
  const code = await writer.db
    .selectFrom('incidents')
    .select('code')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(published.first, {
    lon: Math.fround(39),
    lat: Math.fround(35.9),
    civMin: 12,
    code: code.code,
  });
  assert.notEqual(published.etag, before.etag);

  // A belligerent filter reads incident_belligerents: a write there alone must show too.
  assert.equal((await pointCount(app, '?belligerent=turkey')).n, 0);
  await writer.db
    .insertInto('incident_belligerents')
    .values({ incident_id: id, belligerent: 'turkey', role: 'known', assessment: 'not_assessed' })
    .execute();
  assert.equal((await pointCount(app, '?belligerent=turkey')).n, 1);
}

test('map points on SQLite follow writes from another connection', async (t) => {
  const path = join(scratchDir(t), 'map.db');
  const server = await openSqliteStore(path);
  const writer = await openSqliteStore(path);
  t.after(async () => {
    await writer.close();
    await server.close();
  });
  await cacheFollowsWrites(t, server, writer);
});

test('map points on PostgreSQL follow writes from another connection', async (t) => {
  if (!(await postgresReachable())) return t.skip(PG_SKIP_MESSAGE);
  const url = await scratchPostgresUrl(t);
  const server = await openPostgresStore(url, { poolSize: 4 });
  const writer = await openPostgresStore(url, { poolSize: 2, migrate: false });
  t.after(async () => {
    await writer.close();
    await server.close();
  });
  await cacheFollowsWrites(t, server, writer);
  // One bump per writing transaction, however many rows it touched.
  const version = async () =>
    Number(
      (await sql<{ version: string }>`select version from data_version`.execute(writer.db)).rows[0]?.version,
    );
  const v = await version();
  await writer.db.transaction().execute(async (trx) => {
    await trx.updateTable('incidents').set({ civ_max: 20 }).execute();
    await trx.updateTable('incidents').set({ civ_max: 21 }).execute();
  });
  assert.equal(await version(), v + 1);
});
