/**
 * The map payload is kept between requests until the data it reads changes: these write through a
 * second connection (as another server, a worker or a CLI import would) and expect the next
 * payload to show the write, on both databases. The clusters worked out from it add up to the
 * totals and see what the points see.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { seedIncidents } from '../../../bench/web/seed.js';
import { scratchDir, testDeps } from '../../../test/support/fixtures.js';
import { PG_SKIP_MESSAGE, postgresReachable, scratchPostgresUrl } from '../../../test/support/postgres.js';
import { LocalJobQueue } from '../../jobs/local-queue.js';
import { ROUNDED_COORD_DECIMALS } from '../../policies/visibility.js';
import { createApiToken, createUser } from '../../services/accounts.js';
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

interface Clusters {
  level: number;
  incidents: number;
  located: number;
  totals: Record<string, { incidents: number; civilians: { min: number; max: number | null } }>;
  clusters: { lon: number; lat: number; count: number }[];
  points: { code: string; lon: number; lat: number }[];
  extent: [number, number, number, number] | null;
}

/** Totals by grading straight from the table, for the incidents `where` picks. */
async function totalsInTable(store: Store, where: string): Promise<Clusters['totals']> {
  const rows = (
    await sql<{ g: string; n: number; min: number; open: number; max: number }>`
      select coalesce(i.grading, 'ungraded') as g, count(*) as n,
             coalesce(sum(i.civ_min), 0) as min,
             sum(case when i.civ_min is not null and i.civ_max is null then 1 else 0 end) as open,
             coalesce(sum(case when i.civ_min is not null then i.civ_max end), 0) as max
      from incidents i where ${sql.raw(where)} group by 1`.execute(store.db)
  ).rows;
  return Object.fromEntries(
    rows.map((r) => [
      r.g,
      {
        incidents: Number(r.n),
        civilians: { min: Number(r.min), max: Number(r.open) ? null : Number(r.max) },
      },
    ]),
  );
}

test('map clusters add up to the totals, and follow the filter and the reader as the points do', async (t) => {
  const path = join(scratchDir(t), 'clusters.db');
  await seedIncidents(path, 3000);
  const store = await openSqliteStore(path);
  t.after(() => store.close());
  // Some drafts (hidden from the public), some without a position, some with flagged coordinates.
  await sql`update incidents set status = 'draft' where rowid % 7 = 0`.execute(store.db);
  await sql`update incidents set lat = null, lon = null where rowid % 50 = 0`.execute(store.db);
  await sql`update incidents set sensitive_coords = 1 where rowid % 11 = 0`.execute(store.db);
  const analyst = await createUser(
    store.db,
    { name: 'analyst', role: 'analyst', password: 'long enough password' },
    'test',
  );
  const token = (await createApiToken(store.db, analyst.id, 'test')).token;
  const jobs = new LocalJobQueue(store, {});
  const app = await buildServer({ store, jobs });
  t.after(async () => {
    await app.close();
    await jobs.close();
  });
  const get = async (url: string, auth = false) => {
    const res = await app.inject({
      method: 'GET',
      url,
      headers: auth ? { authorization: `Bearer ${token}` } : {},
    });
    assert.equal(res.statusCode, 200, res.body);
    return res;
  };
  const clusters = async (query: string, auth = false) =>
    (await get(`/api/map/clusters${query}`, auth)).json() as Clusters;
  const pointsIn = async (query: string, auth = false) =>
    (await get(`/api/map/points${query}`, auth)).rawPayload;

  const cases = [
    { query: '', auth: false, where: "i.status = 'published'" },
    {
      query: '?belligerent=turkey&zoom=7',
      auth: false,
      where: `i.status = 'published' and exists (select 1 from incident_belligerents b where b.incident_id = i.id and b.belligerent = 'turkey')`,
    },
    { query: '?zoom=3.4', auth: true, where: '1 = 1' },
  ];
  for (const c of cases) {
    const got = await clusters(c.query, c.auth);
    const where = `${c.auth ? 'analyst' : 'anonymous'} ${c.query}`;
    const body = await pointsIn(c.query.replace(/&?zoom=[\d.]+/, ''), c.auth);
    assert.equal(got.incidents, body.readUInt32LE(4), `${where}: as many incidents as the points`);
    const expected = await totalsInTable(store, c.where);
    const totals = Object.fromEntries(Object.entries(got.totals).filter(([, v]) => v.incidents > 0));
    assert.deepEqual(totals, expected, `${where}: totals by grading`);
    const sum = Object.values(got.totals).reduce((n, v) => n + v.incidents, 0);
    assert.equal(sum, got.incidents, `${where}: the totals add up to the incidents`);
    const drawn = got.clusters.reduce((n, k) => n + k.count, 0) + got.points.length;
    assert.equal(
      drawn,
      got.located,
      `${where}: cluster counts and lone points add up to the located incidents`,
    );
    const located = Number(
      (
        await sql<{
          n: number;
        }>`select count(*) as n from incidents i where ${sql.raw(c.where)} and i.lat is not null`.execute(
          store.db,
        )
      ).rows[0]?.n,
    );
    assert.equal(got.located, located, `${where}: located`);
    const box = (
      await sql<{ w: number; s: number; e: number; n: number }>`
        select min(i.lon) as w, min(i.lat) as s, max(i.lon) as e, max(i.lat) as n
        from incidents i where ${sql.raw(c.where)} and i.lat is not null`.execute(store.db)
    ).rows[0];
    // Float32 positions, and the public's rounding of flagged ones (ROUNDED_COORD_DECIMALS), move an edge a little.
    const [w, south, e, n] = got.extent ?? [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
    for (const [k, a, b] of [
      ['west', w, box?.w],
      ['south', south, box?.s],
      ['east', e, box?.e],
      ['north', n, box?.n],
    ] as const)
      assert.ok(
        Math.abs(a - Number(b)) <= 0.5 * 10 ** -ROUNDED_COORD_DECIMALS + 1e-4,
        `${where}: extent ${k} ${a} vs ${b}`,
      );
    assert.ok(got.clusters.length > 0 && got.clusters.every((k) => k.count >= 3), `${where}: clusters`);
  }
  assert.equal((await clusters('')).level, 5, 'the landing zoom by default');
  assert.equal((await clusters('?zoom=3.4')).level, 3);
  assert.equal((await clusters('?zoom=16')).level, 11, 'clustered at most at level 11');
  for (const bad of ['?zoom=x', '?zoom=-1', '?zoom=25', '?nope=1'])
    assert.equal((await app.inject({ method: 'GET', url: `/api/map/clusters${bad}` })).statusCode, 400, bad);

  // Lone incidents at the deepest level: flagged positions are rounded for the public, not for analysts.
  const flagged = new Map(
    (
      await sql<{
        code: string;
        lat: number;
      }>`select code, lat from incidents where sensitive_coords = 1 and lat is not null and status = 'published'`.execute(
        store.db,
      )
    ).rows.map((r) => [r.code, Number(r.lat)]),
  );
  const lone = async (auth: boolean) =>
    (await clusters('?zoom=11', auth)).points.filter((p) => flagged.has(p.code));
  // Float32 positions: a tenth of a degree comes back within a few millionths of it.
  const onTenth = (x: number) => Math.abs(x - Math.round(x * 10) / 10) < 1e-5;
  const publicLone = await lone(false);
  assert.ok(publicLone.length > 0);
  for (const p of publicLone) assert.ok(onTenth(p.lat) && onTenth(p.lon), `${p.code} rounded`);
  const exact = await lone(true);
  assert.ok(exact.some((p) => Math.abs(p.lat - (flagged.get(p.code) as number)) < 1e-5 && !onTenth(p.lat)));

  // Revalidation: the same data gives the same ETag and a 304; a write gives new clusters.
  const first = await get('/api/map/clusters');
  const etag = String(first.headers.etag);
  const again = await app.inject({
    method: 'GET',
    url: '/api/map/clusters',
    headers: { 'if-none-match': etag },
  });
  assert.equal(again.statusCode, 304);
  await sql`update incidents set status = 'published' where status = 'draft'`.execute(store.db);
  const after = await get('/api/map/clusters');
  assert.notEqual(after.headers.etag, etag);
  assert.equal((after.json() as Clusters).incidents, 3000);
});
