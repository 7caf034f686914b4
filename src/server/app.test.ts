import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { REPO_ROOT } from '../../test/support/cli.js';
import { lineExtractor, scratchDir, scratchStore } from '../../test/support/fixtures.js';
import { PG_SKIP_MESSAGE, postgresReachable, scratchPostgresStore } from '../../test/support/postgres.js';
import type { ReportInput } from '../domain/report.js';
import type { Extractor } from '../extract/types.js';
import { jobHandlers } from '../jobs/handlers.js';
import { LocalJobQueue } from '../jobs/local-queue.js';
import { createApiToken, createUser } from '../services/accounts.js';
import { importFile } from '../services/import.js';
import { ingestReport } from '../services/ingest.js';
import type { Store } from '../store/database.js';
import { buildServer } from './app.js';
import type { ServerLimits } from './context.js';

const SECRET_SOURCE = 'Secret Witness Network';
const EXACT_LAT = '35.95123';
const EXACT_LON = '39.01234';
const PASSWORD = 'long enough password';
const pipeline = {
  extract: lineExtractor,
  context: () => ({ geoparser: { parse: () => [], resolve: () => [] } }),
};

/** Claims keyed by a token in the text, so that no secret is in the report text or its quoted spans. */
const EVENTS: Record<string, { date: string; lat: number; lon: number; place: string; civ: number }> = {
  A: { date: '2017-03-20', lat: Number(EXACT_LAT), lon: Number(EXACT_LON), place: 'Tabqa', civ: 33 },
  B: { date: '2017-05-01', lat: 36.2, lon: 37.1, place: 'Aleppo', civ: 4 },
};
const keyedExtractor: Extractor = (input, ctx) =>
  [...input.text.matchAll(/EVENT:(\w)/g)].flatMap((m) => {
    const e = EVENTS[m[1] ?? ''];
    if (!e) return [];
    const [claim] = lineExtractor(
      { ...input, text: `CLAIM ${e.date} ${e.lat} ${e.lon} ${e.civ} russia` },
      ctx,
    );
    if (!claim?.place) return [];
    const start = m.index ?? 0;
    return [
      {
        ...claim,
        place: { ...claim.place, name: e.place },
        evidence: [{ field: 'civiliansKilled', span: { start, end: start + m[0].length } }],
      },
    ];
  });

function report(text: string, source: string, kind: 'local' | 'news'): ReportInput {
  return {
    bytes: Buffer.from(text),
    origin: 'test',
    externalId: null,
    url: `https://example.org/${source.replaceAll(' ', '-')}`,
    title: `${source} report`,
    published: '2017-03-22',
    language: 'en',
    source: { name: source, kind },
    text,
    mediaType: 'text/plain',
  };
}

interface World {
  app: FastifyInstance;
  store: Store;
  published: string;
  unpublished: string;
  secretReport: string;
  sourceId: string;
  tokens: Record<'viewer' | 'analyst' | 'admin', string>;
}

async function world(
  t: { after: (fn: () => void | Promise<void>) => void },
  store: Store,
  limits: Partial<ServerLimits> = {},
): Promise<World> {
  const deps = { store, extract: keyedExtractor, context: pipeline.context, actor: 'test' };
  const a = await ingestReport(deps, report('A strike on Tabqa killed 33. EVENT:A', SECRET_SOURCE, 'local'));
  const b = await ingestReport(deps, report('Shelling in Aleppo killed 4. EVENT:B', 'Open Wire', 'news'));
  assert.ok(a.status === 'new' && b.status === 'new');
  const [published, unpublished] = [a.incidents[0] ?? '', b.incidents[0] ?? ''];
  await store.db
    .updateTable('incidents')
    .set({ status: 'published', grading: 'fair', sensitive_coords: 1 })
    .where('id', '=', published)
    .execute();
  await store.db.updateTable('sources').set({ sensitive: 1 }).where('name', '=', SECRET_SOURCE).execute();
  const src = await store.db
    .selectFrom('sources')
    .select('id')
    .where('name', '=', SECRET_SOURCE)
    .executeTakeFirstOrThrow();
  const tokens = {} as World['tokens'];
  for (const role of ['viewer', 'analyst', 'admin'] as const) {
    const u = await createUser(store.db, { name: role, role, password: PASSWORD }, 'test');
    tokens[role] = (await createApiToken(store.db, u.id, 'test')).token;
  }
  const jobs = new LocalJobQueue(store, jobHandlers(store, pipeline));
  const app = await buildServer({ store, jobs, limits });
  t.after(async () => {
    await app.close();
    await jobs.close();
  });
  return { app, store, published, unpublished, secretReport: a.reportId, sourceId: src.id, tokens };
}

type Role = 'anonymous' | 'viewer' | 'analyst' | 'admin';
const ROLES: Role[] = ['anonymous', 'viewer', 'analyst', 'admin'];

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  route: string;
  url: string;
  body?: unknown;
  contentType?: string;
  /** Expected status per role. */
  expect: Record<Role, number>;
}

const all = (s: number): Record<Role, number> => ({ anonymous: s, viewer: s, analyst: s, admin: s });
const members = (s: number): Record<Role, number> => ({ anonymous: 401, viewer: s, analyst: s, admin: s });
const analysts = (s: number): Record<Role, number> => ({ anonymous: 401, viewer: 403, analyst: s, admin: s });
const admins = (s: number): Record<Role, number> => ({ anonymous: 401, viewer: 403, analyst: 403, admin: s });

function calls(w: World): Call[] {
  return [
    { method: 'GET', route: '/api/incidents', url: '/api/incidents', expect: all(200) },
    { method: 'GET', route: '/api/incidents/{id}', url: `/api/incidents/${w.published}`, expect: all(200) },
    {
      method: 'GET',
      route: '/api/incidents/{id}',
      url: `/api/incidents/${w.unpublished}`,
      expect: { ...members(200), anonymous: 404 },
    },
    {
      method: 'POST',
      route: '/api/incidents/{id}/{action}',
      url: `/api/incidents/${w.published}/no-such-action`,
      body: { expectedVersion: 1 },
      expect: analysts(404),
    },
    { method: 'GET', route: '/api/claims', url: '/api/claims', expect: all(200) },
    { method: 'GET', route: '/api/reports', url: '/api/reports', expect: members(200) },
    {
      method: 'GET',
      route: '/api/reports/{id}',
      url: `/api/reports/${w.secretReport}`,
      expect: members(200),
    },
    {
      method: 'POST',
      route: '/api/reports',
      url: '/api/reports?wait=10',
      body: 'CLAIM 2017-06-01 33.5 36.3 2',
      contentType: 'text/plain',
      expect: analysts(202),
    },
    { method: 'GET', route: '/api/jobs/{id}', url: '/api/jobs/j_missing', expect: analysts(404) },
    { method: 'GET', route: '/api/stats', url: '/api/stats?by=month&grading=all', expect: all(200) },
    { method: 'GET', route: '/api/attributions', url: '/api/attributions', expect: all(200) },
    {
      method: 'GET',
      route: '/api/exports/incidents',
      url: '/api/exports/incidents?format=csv',
      expect: all(200),
    },
    {
      method: 'GET',
      route: '/api/exports/incidents',
      url: '/api/exports/incidents?format=geojson',
      expect: all(200),
    },
    {
      method: 'GET',
      route: '/api/exports/incidents',
      url: '/api/exports/incidents?format=jsonl',
      expect: all(200),
    },
    { method: 'GET', route: '/api/sources', url: '/api/sources', expect: members(200) },
    {
      method: 'PATCH',
      route: '/api/sources/{id}',
      url: `/api/sources/${w.sourceId}`,
      body: { sensitive: true },
      expect: analysts(200),
    },
    { method: 'GET', route: '/api/users', url: '/api/users', expect: admins(200) },
    {
      method: 'POST',
      route: '/api/users',
      url: '/api/users',
      body: { name: `new-${Math.random().toString(36).slice(2, 8)}`, role: 'viewer', password: PASSWORD },
      expect: admins(201),
    },
    { method: 'GET', route: '/api/tokens', url: '/api/tokens', expect: members(200) },
    { method: 'POST', route: '/api/tokens', url: '/api/tokens', body: { label: 'x' }, expect: members(201) },
    { method: 'DELETE', route: '/api/tokens/{id}', url: '/api/tokens/t_missing', expect: members(404) },
    { method: 'GET', route: '/api/me', url: '/api/me', expect: all(200) },
    {
      method: 'POST',
      route: '/api/auth/login',
      url: '/api/auth/login',
      body: { name: 'viewer', password: 'wrong password!' },
      expect: all(401),
    },
    { method: 'POST', route: '/api/auth/logout', url: '/api/auth/logout', expect: all(200) },
    { method: 'GET', route: '/api/auth/csrf', url: '/api/auth/csrf', expect: all(200) },
    { method: 'GET', route: '/api/health', url: '/api/health', expect: all(200) },
  ];
}

async function call(w: World, c: Call, role: Role) {
  const headers: Record<string, string> = {};
  if (role !== 'anonymous') headers.authorization = `Bearer ${w.tokens[role]}`;
  let payload: string | undefined;
  if (c.body !== undefined) {
    payload = typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
    headers['content-type'] = c.contentType ?? 'application/json';
  }
  return w.app.inject({ method: c.method, url: c.url, headers, payload });
}

function bothDatabases(name: string, body: (t: TestContext, store: Store) => Promise<void>) {
  // With a reader thread, as `vigil serve` runs: the API's reads then go through the read pool.
  test(`${name} (embedded)`, async (t) => body(t, await scratchStore(t, { readers: 1 })));
  test(`${name} (PostgreSQL)`, async (t) => {
    if (!(await postgresReachable())) return t.skip(PG_SKIP_MESSAGE);
    await body(t, await scratchPostgresStore(t));
  });
}

bothDatabases(
  'every role against every endpoint: statuses, and no sensitive field leaks',
  async (t, store) => {
    const w = await world(t, store);
    const list = calls(w);
    const doc = (await w.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    // Endpoints other modules add: walked the same way when present.
    if (doc.paths['/api/map/incidents'])
      list.push({ method: 'GET', route: '/api/map/incidents', url: '/api/map/incidents', expect: all(200) });
    if (doc.paths['/api/map/points'])
      list.push({ method: 'GET', route: '/api/map/points', url: '/api/map/points', expect: all(200) });
    if (doc.paths['/api/map/clusters'])
      list.push({
        method: 'GET',
        route: '/api/map/clusters',
        url: '/api/map/clusters?zoom=11',
        expect: all(200),
      });
    if (doc.paths['/api/review/queue'])
      list.push({
        method: 'GET',
        route: '/api/review/queue',
        url: '/api/review/queue',
        expect: analysts(200),
      });
    for (const sub of ['history', 'belligerents'])
      if (doc.paths[`/api/incidents/{id}/${sub}`])
        list.push(
          {
            method: 'GET',
            route: `/api/incidents/{id}/${sub}`,
            url: `/api/incidents/${w.published}/${sub}`,
            expect: all(200),
          },
          {
            method: 'GET',
            route: `/api/incidents/{id}/${sub}`,
            url: `/api/incidents/${w.unpublished}/${sub}`,
            expect: { ...members(200), anonymous: 404 },
          },
        );
    const walked = new Set(list.map((c) => `${c.method} ${c.route}`));
    assert.deepEqual(
      documented.filter((r) => !walked.has(r)),
      [],
      'every documented endpoint is walked',
    );

    for (const role of ROLES)
      for (const c of list) {
        const res = await call(w, c, role);
        const where = `${role} ${c.method} ${c.url}: ${res.body.slice(0, 300)}`;
        assert.equal(res.statusCode, c.expect[role], where);
        if (res.statusCode >= 400) {
          const body = res.json() as { error: { code: string; message: string } };
          assert.equal(typeof body.error.code, 'string', where);
          assert.equal(typeof body.error.message, 'string', where);
        }
        const sensitiveReader = role === 'analyst' || role === 'admin';
        if (!sensitiveReader) {
          for (const secret of [SECRET_SOURCE, EXACT_LAT, EXACT_LON, 'Secret-Witness'])
            assert.ok(!res.body.includes(secret), `${where} leaks "${secret}"`);
        }
        if (role === 'anonymous' && res.statusCode === 200 && c.method === 'GET')
          assert.ok(!res.body.includes(w.unpublished), `${where} shows an unpublished incident`);
      }

    // Those who may see sensitive fields do see them.
    for (const role of ['analyst', 'admin'] as const) {
      const res = await call(w, { ...list[1], expect: all(200) } as Call, role);
      assert.ok(res.body.includes(SECRET_SOURCE) && res.body.includes(EXACT_LAT), `${role} sees the detail`);
    }
    const anon = (await call(w, list[1] as Call, 'anonymous')).json() as {
      incident: { lat: number; lon: number };
    };
    assert.deepEqual([anon.incident.lat, anon.incident.lon], [36, 39], 'flagged coordinates are rounded');
  },
);

bothDatabases('cursor pagination walks every incident once, in order, both ways', async (t, store) => {
  const w = await world(t, store);
  const deps = { store, extract: lineExtractor, context: pipeline.context, actor: 'test' };
  for (let i = 0; i < 12; i++)
    await ingestReport(
      deps,
      report(`CLAIM 2018-0${1 + (i % 9)}-1${i % 10} ${30 + i} ${40 + i} ${i}`, 'Open Wire', 'news'),
    );
  for (const sort of ['date', '-date', 'code', '-code']) {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(
        w,
        {
          method: 'GET',
          route: '',
          url: `/api/incidents?limit=5&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
          expect: all(200),
        },
        'viewer',
      );
      const body = res.json() as {
        items: { code: string; date: { from: string } | null }[];
        next: string | null;
      };
      seen.push(...body.items.map((i) => `${i.date?.from ?? ''}|${i.code}`));
      cursor = body.next;
    } while (cursor);
    assert.equal(seen.length, 14, sort);
    assert.equal(new Set(seen).size, 14, sort);
    const key = (s: string) => (sort.includes('date') ? s : (s.split('|')[1] ?? ''));
    const sorted = [...seen].sort((x, y) => key(x).localeCompare(key(y)));
    assert.deepEqual(seen, sort.startsWith('-') ? sorted.reverse() : sorted, sort);
  }
});

test('bad requests get 4xx in the one error shape, never a 500', async (t) => {
  const w = await world(t, await scratchStore(t), { bodyLimit: 2000, uploadLimit: 5000 });
  const admin = { authorization: `Bearer ${w.tokens.admin}` };
  const cases: [string, InjectOptions, number, string][] = [
    ['unknown route', { url: '/api/nope' }, 404, 'not_found'],
    ['bad grading', { url: '/api/incidents?grading=great' }, 400, 'invalid_filter'],
    ['impossible date', { url: '/api/incidents?from=2017-02-30' }, 400, 'invalid_request'],
    ['bad cursor', { url: '/api/incidents?cursor=zzz' }, 400, 'invalid_filter'],
    ['unknown parameter', { url: '/api/incidents?colour=red' }, 400, 'invalid_request'],
    ['stats without by', { url: '/api/stats' }, 400, 'invalid_request'],
    ['bad export format', { url: '/api/exports/incidents?format=xls' }, 400, 'invalid_request'],
    [
      'broken JSON',
      {
        method: 'POST',
        url: '/api/users',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: '{"name":',
      },
      400,
      'invalid_request',
    ],
    [
      'NUL in a JSON body',
      {
        method: 'POST',
        url: '/api/users',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'ed\u0000', role: 'viewer', password: 'a long enough password' }),
      },
      400,
      'invalid_request',
    ],
    ['NUL in a query', { url: '/api/incidents?country=SY%00' }, 400, 'invalid_request'],
    [
      'body too large',
      {
        method: 'POST',
        url: '/api/users',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'x', role: 'viewer', password: 'y'.repeat(5000) }),
      },
      413,
      'payload_too_large',
    ],
    [
      'upload too large',
      {
        method: 'POST',
        url: '/api/reports',
        headers: { ...admin, 'content-type': 'text/plain' },
        payload: 'x'.repeat(6000),
      },
      413,
      'payload_too_large',
    ],
    [
      'upload of an unknown type',
      {
        method: 'POST',
        url: '/api/reports',
        headers: { ...admin, 'content-type': 'image/png' },
        payload: 'x',
      },
      415,
      'unsupported_media_type',
    ],
    [
      'upload with an impossible date',
      {
        method: 'POST',
        url: '/api/reports',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: JSON.stringify({ text: 'x', published: '2017-02-30' }),
      },
      400,
      'invalid_input',
    ],
    [
      'upload with a country that is no ISO code',
      {
        method: 'POST',
        url: '/api/reports',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: JSON.stringify({ text: 'x', country: 'Syria' }),
      },
      400,
      'invalid_input',
    ],
    ['empty upload', { method: 'POST', url: '/api/reports', headers: admin }, 400, 'invalid_input'],
    [
      'bad token',
      { url: '/api/incidents', headers: { authorization: 'Bearer vgl_nope' } },
      401,
      'unauthenticated',
    ],
    [
      'weak password',
      {
        method: 'POST',
        url: '/api/users',
        headers: admin,
        payload: { name: 'bob', role: 'viewer', password: 'short' },
      },
      400,
      'weak_password',
    ],
    [
      'duplicate user',
      {
        method: 'POST',
        url: '/api/users',
        headers: admin,
        payload: { name: 'viewer', role: 'viewer', password: PASSWORD },
      },
      409,
      'user_exists',
    ],
  ];
  for (const [name, req, status, code] of cases) {
    const res = await w.app.inject(req);
    assert.equal(res.statusCode, status, `${name}: ${res.body}`);
    assert.equal((res.json() as { error: { code: string } }).error.code, code, name);
  }
});

test('sessions: login sets an httpOnly SameSite cookie; writes need the CSRF token; logins are rate-limited', async (t) => {
  const w = await world(t, await scratchStore(t), { loginPerMinute: 3 });
  const login = await w.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { name: 'analyst', password: PASSWORD },
  });
  assert.equal(login.statusCode, 200, login.body);
  const session = login.cookies.find((c) => c.name === 'vigil_session');
  assert.ok(session?.httpOnly && session.sameSite === 'Strict', JSON.stringify(session));
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = login.json() as { csrfToken: string };

  const me = await w.app.inject({ url: '/api/me', headers: { cookie } });
  assert.equal((me.json() as { user: { role: string } }).user.role, 'analyst');
  const noCsrf = await w.app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: { cookie },
    payload: { label: 'a' },
  });
  assert.equal(noCsrf.statusCode, 403, noCsrf.body);
  assert.equal((noCsrf.json() as { error: { code: string } }).error.code, 'csrf_failed');
  const review = await w.app.inject({
    method: 'POST',
    url: `/api/incidents/${w.published}/publish`,
    headers: { cookie },
    payload: { expectedVersion: 1 },
  });
  assert.equal(review.statusCode, 403, 'a review action without the CSRF token is refused');
  const withCsrf = await w.app.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: { cookie, 'x-csrf-token': csrfToken },
    payload: { label: 'a' },
  });
  assert.equal(withCsrf.statusCode, 201, withCsrf.body);
  const logout = await w.app.inject({
    method: 'POST',
    url: '/api/auth/logout',
    headers: { cookie, 'x-csrf-token': csrfToken },
  });
  assert.equal(logout.statusCode, 200);
  const after = await w.app.inject({ url: '/api/me', headers: { cookie } });
  assert.equal((after.json() as { user: unknown }).user, null, 'the session ended');

  const codes: number[] = [];
  for (let i = 0; i < 4; i++)
    codes.push(
      (await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'x', password: 'y' } }))
        .statusCode,
    );
  assert.deepEqual(
    codes,
    [401, 401, 429, 429],
    'the fourth login within a minute is refused (one was used above)',
  );
});

test('the OpenAPI document is valid OpenAPI 3.1', async (t) => {
  const w = await world(t, await scratchStore(t));
  const doc = (await w.app.inject('/api/openapi.json')).json();
  const validator = new Validator();
  const result = await validator.validate(doc);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
  assert.equal(validator.version, '3.1');
});

test('review over HTTP: an analyst grades and publishes; a stale version gets 409; a bad value 400', async (t) => {
  const w = await world(t, await scratchStore(t));
  const analyst = { authorization: `Bearer ${w.tokens.analyst}` };
  const post = (action: string, body: Record<string, unknown>) =>
    w.app.inject({
      method: 'POST',
      url: `/api/incidents/${w.unpublished}/${action}`,
      headers: analyst,
      payload: body,
    });
  const version = async (): Promise<number> => {
    const res = await w.app.inject({
      method: 'GET',
      url: `/api/incidents/${w.unpublished}`,
      headers: analyst,
    });
    const body = res.json() as { incident?: { version: number }; version?: number };
    return body.incident?.version ?? body.version ?? 0;
  };

  const v1 = await version();
  const graded = await post('grade', {
    expectedVersion: v1,
    grading: 'fair',
    reason: 'two credible sources',
  });
  assert.equal(graded.statusCode, 200, graded.body);
  const stale = await post('publish', { expectedVersion: v1 });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'conflict');
  const bad = await post('grade', { expectedVersion: await version(), grading: 'excellent', reason: 'x' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'invalid_request');

  for (const [action, extra] of [
    ['assign', { assignee: 'analyst' }],
    ['submit', {}],
    ['publish', {}],
  ] as const) {
    const res = await post(action, { expectedVersion: await version(), ...extra });
    assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  }
  const anon = await w.app.inject({ method: 'GET', url: `/api/incidents/${w.unpublished}` });
  assert.equal(anon.statusCode, 200, 'published incidents are public');
});

test('an imported incident’s detail gives its dataset row, the sources it cites (protected ones to analysts only) and the belligerents’ roles', async (t) => {
  const w = await world(t, await scratchStore(t));
  const sample = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'ucdp-ged-syria-sample.csv'), 'utf8');
  const ged = join(scratchDir(t), 'ged.csv');
  writeFileSync(ged, sample.split('\n').slice(0, 2).join('\n'));
  const summary = await importFile(w.store, { format: 'ucdp', path: ged, actor: 'test' });
  assert.equal(summary.created, 1);
  await w.store.db
    .updateTable('incidents')
    .set({ status: 'published' })
    .where('code', '=', 'UCDP-214797')
    .execute();
  type Detail = {
    dataset: { name: string; id: string; sources: { name: string }[] } | null;
    belligerentRoles: { belligerent: string; role: string; assessment: string }[];
  };
  const detail = async (headers: Record<string, string> = {}): Promise<Detail> => {
    const res = await w.app.inject({ method: 'GET', url: '/api/incidents/UCDP-214797', headers });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Detail>();
  };
  const open = await detail();
  assert.equal(open.dataset?.name, 'ucdp');
  assert.equal(open.dataset?.id, '214797');
  assert.deepEqual(
    open.dataset?.sources.map((s) => s.name),
    ['SOHR'],
  );
  assert.ok(open.belligerentRoles.length > 0 && open.belligerentRoles.every((b) => b.role === 'known'));
  await w.store.db.updateTable('sources').set({ sensitive: 1 }).where('name', '=', 'SOHR').execute();
  assert.deepEqual(
    (await detail()).dataset?.sources,
    [],
    'a protected source is not shown to anonymous readers',
  );
  const analyst = await detail({ authorization: `Bearer ${w.tokens.analyst}` });
  assert.deepEqual(
    analyst.dataset?.sources.map((s) => s.name),
    ['SOHR'],
  );
  const extracted = await w.app.inject({ method: 'GET', url: `/api/incidents/${w.published}` });
  assert.equal(extracted.json<Detail>().dataset, null, 'an incident built from reports has no dataset row');
});
