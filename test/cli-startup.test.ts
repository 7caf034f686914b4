import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from './support/cli.js';

// Every `vigil` command loads the module of every command to describe them. jsdom (HTML reading) and
// Fastify (the server) cost 0.85 s and 1.4 s of that start, so they load only where they are used.
test('the command modules load neither jsdom nor the HTTP server until a command needs them', () => {
  const entry = join(REPO_ROOT, 'src', 'cli', 'commands', 'index.ts');
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `import(${JSON.stringify(entry)}).then(() => console.log(JSON.stringify(Object.keys(require('node:module')._cache))))`,
    ],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  const loaded = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '[]') as string[];
  assert.ok(loaded.length > 0, 'CommonJS modules were loaded (the check sees them)');
  for (const pkg of ['jsdom', '@mozilla/readability', 'fastify'])
    assert.ok(!loaded.some((p) => p.includes(`/node_modules/${pkg}/`)), `${pkg} is not loaded`);
});
