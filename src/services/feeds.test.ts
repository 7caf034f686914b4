import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { cliArgs, REPO_ROOT } from '../../test/support/cli.js';
import { scratchDir, scratchStore, testDeps } from '../../test/support/fixtures.js';
import { InputError } from '../ingest/errors.js';
import { type FeedConfig, parseWatchConfig } from '../ingest/feeds/config.js';
import { isPrivateAddress } from '../ingest/feeds/net-policy.js';
import { itemKey, parseFeed } from '../ingest/feeds/parse-feed.js';
import type { Store } from '../store/database.js';
import { type FeedDeps, feedStates, pollFeed } from './feeds.js';

/** The CLI, asynchronously: the feed server lives in this process and must keep answering. */
async function vigil(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, cliArgs(args), {
      cwd: REPO_ROOT,
      timeout: 120_000,
    });
    return { status: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { status: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A feed server on 127.0.0.1; counts requests by path. */
async function serve(t: { after: (fn: () => Promise<void>) => void }, routes: Record<string, Handler>) {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const h = routes[path];
    if (h) h(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => server.close(() => r())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, hits };
}

const article = (n: number, civ: number) =>
  `<html lang="en"><head><title>Strike ${n}</title></head><body><article><h1>Strike ${n}</h1>` +
  `<p>Local sources said an air strike hit the town. CLAIM 2017-03-2${n} 35.9${n} 39.0${n} ${civ}</p>` +
  `<p>${'Residents described the damage to homes and a market in detail. '.repeat(8)}</p></article></body></html>`;

function rss(base: string, ids: number[]): string {
  const items = ids
    .map((n) => `<item><title>Strike ${n}</title><link>${base}/a/${n}</link><guid>a-${n}</guid></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;
}

function feed(url: string): FeedConfig {
  return {
    url,
    name: 'Test',
    kind: 'feed',
    intervalSeconds: 60,
    linkPattern: null,
    source: null,
    language: null,
    country: null,
  };
}

function deps(store: Store, allowPrivate: boolean): FeedDeps {
  return {
    store,
    ingest: testDeps(store),
    allowPrivate,
    maxItemsPerPoll: 10,
    fetchOptions: { backoffMs: 1, timeoutMs: 5000 },
  };
}

test('a feed is polled with conditional GET; new articles are read and ingested once', async (t) => {
  const store = await scratchStore(t);
  let base = '';
  const { base: b, hits } = await serve(t, {
    '/feed.xml': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss(base, [1, 2]));
    },
    '/a/1': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(article(1, 33)),
    '/a/2': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(article(2, 5)),
  });
  base = b;
  const first = await pollFeed(deps(store, true), feed(`${base}/feed.xml`));
  assert.equal(first.status, 'ok', first.errors.join('; '));
  assert.equal(first.items, 2);
  assert.equal(first.reportsNew, 2);
  const second = await pollFeed(deps(store, true), feed(`${base}/feed.xml`));
  assert.equal(second.status, 'not-modified');
  assert.equal(hits.get('/a/1'), 1, 'an article is fetched once');
  const [state] = await feedStates(store.db);
  assert.equal(state?.etag, '"v1"');
  assert.ok(state?.last_success_at);
  assert.equal(Number(state?.reports_new), 2);
  const reports = await store.db.selectFrom('reports').select('url').orderBy('url').execute();
  assert.deepEqual(
    reports.map((r) => r.url),
    [`${base}/a/1`, `${base}/a/2`],
  );
});

test('loopback and private addresses are refused unless allowed; the refusal is the feed’s last error', async (t) => {
  const store = await scratchStore(t);
  const { base, hits } = await serve(t, { '/feed.xml': (_q, res) => res.end(rss('', [])) });
  const o = await pollFeed(deps(store, false), feed(`${base}/feed.xml`));
  assert.equal(o.status, 'error');
  assert.match(o.errors[0] ?? '', /refused: 127\.0\.0\.1 is a private or loopback address/);
  assert.equal(hits.size, 0, 'no request left the process');
  const [state] = await feedStates(store.db);
  assert.match(state?.last_error ?? '', /refused/);
  assert.equal(Number(state?.failures), 1);
  for (const ip of [
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '::1',
    'fd00::1',
    '::ffff:127.0.0.1',
  ])
    assert.ok(isPrivateAddress(ip), ip);
  for (const ip of ['8.8.8.8', '93.184.216.34', '2606:4700::1111']) assert.ok(!isPrivateAddress(ip), ip);
});

test('a failing feed is retried with backoff; a broken article does not stop the rest', async (t) => {
  const store = await scratchStore(t);
  let base = '';
  let calls = 0;
  const { base: b, hits } = await serve(t, {
    '/feed.xml': (_q, res) => {
      calls++;
      if (calls <= 2) return void res.writeHead(503).end();
      res.writeHead(200).end(rss(base, [1, 3]));
    },
    '/a/1': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(article(1, 7)),
  });
  base = b;
  const o = await pollFeed(deps(store, true), feed(`${base}/feed.xml`));
  assert.equal(o.status, 'ok');
  assert.equal(hits.get('/feed.xml'), 3);
  assert.equal(o.reportsNew, 1);
  assert.equal(o.errors.length, 1);
  assert.match(o.errors[0] ?? '', /\/a\/3: HTTP 404/);
});

test('Atom feeds parse; FEEDS.yaml errors name the field', () => {
  const atom =
    '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>tag:x,1</id><title>A</title>' +
    '<link rel="alternate" href="/news/1"/><published>2017-03-22T10:00:00Z</published></entry></feed>';
  assert.deepEqual(parseFeed(atom, 'https://example.org/feed'), [
    { key: 'tag:x,1', url: 'https://example.org/news/1', title: 'A', published: '2017-03-22' },
  ]);
  // A guid too long to index is kept by its digest: stable across polls, and short.
  const guid = `urn:x:${'g'.repeat(3000)}`;
  const [long] = parseFeed(
    `<rss><channel><item><guid>${guid}</guid><link>https://example.org/a/1</link></item></channel></rss>`,
    'https://example.org/feed',
  );
  assert.equal(long?.key, itemKey(guid));
  assert.match(long?.key ?? '', /^sha256:[0-9a-f]{64}$/);
  assert.throws(
    () => parseWatchConfig('feeds:\n  - url: https://x.org/f\n    interval: soon\n', 'f.yaml'),
    (e: unknown) => e instanceof InputError && e.where === 'f.yaml (feeds[0].interval)',
  );
});

test('a feed names the country its articles report on; a name that is no country code is refused', () => {
  const config = parseWatchConfig('feeds:\n  - url: https://x.org/f\n    country: sy\n', 'f.yaml');
  assert.equal(config.feeds[0]?.country, 'SY');
  assert.throws(
    () => parseWatchConfig('feeds:\n  - url: https://x.org/f\n    country: Syria\n', 'f.yaml'),
    (e: unknown) => e instanceof InputError && e.where === 'f.yaml (feeds[0].country)',
  );
});

test('vigil watch --once ingests a feed; vigil feeds shows its state', async (t) => {
  const dir = scratchDir(t);
  let base = '';
  const { base: b } = await serve(t, {
    '/feed.xml': (_q, res) => res.writeHead(200).end(rss(base, [1])),
    '/a/1': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(article(1, 12)),
  });
  base = b;
  const yaml = join(dir, 'feeds.yaml');
  writeFileSync(yaml, `allow_private: true\nfeeds:\n  - url: ${base}/feed.xml\n    name: Local test\n`);
  const db = join(dir, 'v.db');
  const run = await vigil(['--db', db, 'watch', yaml, '--once']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /1 item, 1 fetched, 1 new report,/);
  const feeds = await vigil(['--db', db, 'feeds', '--json']);
  const [state] = JSON.parse(feeds.stdout) as {
    name: string;
    last_success_at: string;
    reports_new: number;
  }[];
  assert.equal(state?.name, 'Local test');
  assert.ok(state?.last_success_at);
  assert.equal(Number(state?.reports_new), 1);
});
