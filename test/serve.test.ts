import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { cliArgs, REPO_ROOT } from './support/cli.js';
import { scratchDir } from './support/fixtures.js';

test('vigil serve on a fresh database: OpenAPI, published incidents anonymously, review actions refused', async (t) => {
  const dir = scratchDir(t);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    process.execPath,
    cliArgs(['--db', join(dir, 'fresh.db'), 'serve', '--port', String(port)]),
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VIGIL_DATABASE_URL: '' } },
  );
  let log = '';
  child.stdout.on('data', (d) => {
    log += d;
  });
  child.stderr.on('data', (d) => {
    log += d;
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 600 && !log.includes('serving'); i++) await sleep(100);
    assert.match(log, /serving/, log);

    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: object;
    };
    assert.equal(doc.openapi, '3.1.0');
    assert.ok('/api/incidents' in doc.paths);

    const list = await fetch(`${base}/api/incidents`);
    assert.equal(list.status, 200);
    assert.deepEqual(await list.json(), { items: [], next: null });

    const review = await fetch(`${base}/api/incidents/V-000001/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ expectedVersion: 1 }),
    });
    assert.equal(review.status, 401);
    assert.equal(((await review.json()) as { error: { code: string } }).error.code, 'unauthenticated');
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});
