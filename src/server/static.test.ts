/** The web app's static files: basemap tiles come from their own route, empty where none was built. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Fastify from 'fastify';
import { scratchDir } from '../../test/support/fixtures.js';
import { registerWebApp, wantsAppPage } from './static.js';

test('basemap tiles: the built ones as files, the ocean empty, anything else not found', async (t) => {
  const root = scratchDir(t);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Vigil</title>');
  mkdirSync(join(root, 'basemap', 'tiles', '5', '19'), { recursive: true });
  const tile = Buffer.from([0x1a, 0x02, 0x78, 0x02]);
  writeFileSync(join(root, 'basemap', 'tiles', '5', '19', '12.pbf'), tile);
  const app = Fastify();
  t.after(() => app.close());
  assert.equal(await registerWebApp(app, root), true);
  await app.ready();

  const built = await app.inject('/basemap/tiles/5/19/12.pbf');
  assert.equal(built.statusCode, 200);
  assert.deepEqual(built.rawPayload, tile);
  assert.equal(built.headers['cache-control'], 'no-cache');
  const again = await app.inject({
    url: '/basemap/tiles/5/19/12.pbf',
    headers: { 'if-none-match': String(built.headers.etag) },
  });
  assert.equal(again.statusCode, 304, 'revalidated, not sent again');

  const ocean = await app.inject('/basemap/tiles/5/0/0.pbf');
  assert.equal(ocean.statusCode, 200);
  assert.equal(ocean.rawPayload.length, 0);
  for (const junk of ['/basemap/tiles/5/0/0.json', '/basemap/tiles/5/../0.pbf', '/basemap/tiles/a/0/0.pbf'])
    assert.equal((await app.inject(junk)).statusCode, 404, junk);
});

test('a browser opening an unknown page gets the web app; API paths and file fetches keep JSON', () => {
  const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
  assert.equal(wantsAppPage('GET', '/nowhere', html), true);
  assert.equal(wantsAppPage('GET', '/incidents/V-1/claims?lang=ar', html), true);
  assert.equal(wantsAppPage('HEAD', '/nowhere', html), true);
  assert.equal(wantsAppPage('GET', '/api/nowhere', html), false);
  assert.equal(wantsAppPage('GET', '/api', html), false);
  assert.equal(wantsAppPage('POST', '/nowhere', html), false);
  assert.equal(wantsAppPage('GET', '/assets/gone.js', '*/*'), false);
  assert.equal(wantsAppPage('GET', '/basemap/gone.json', undefined), false);
});
