import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { generateReports } from '../bench/ingest/generate.js';
import { vigil, vigilAsync } from './support/cli.js';
import { scratchDir } from './support/fixtures.js';

const REPORTS = 1500;

function countReports(dbPath: string): number {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('select count(*) as n from reports').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

test('kill -9 in the middle of a large ingest, then re-running it, stores every report once', async (t) => {
  const dir = scratchDir(t);
  const db = join(dir, 'crash.db');
  const file = join(dir, 'reports.jsonl');
  writeFileSync(
    file,
    `${generateReports(REPORTS, 7)
      .map((r) => JSON.stringify(r))
      .join('\n')}\n`,
  );

  const child = vigilAsync(['--db', db, 'ingest', '--no-progress', file]);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let seen = 0;
  for (let i = 0; i < 1200 && seen < 50; i++) {
    await sleep(100);
    seen = countReports(db);
  }
  child.kill('SIGKILL');
  await exited;
  const atKill = countReports(db);
  assert.ok(
    atKill > 0 && atKill < REPORTS,
    `the kill should land mid-ingest (stored ${atKill} of ${REPORTS})`,
  );

  const rerun = vigil(['--db', db, 'ingest', '--json', '--no-progress', file]);
  assert.equal(rerun.status, 0, rerun.stderr);
  const summary = JSON.parse(rerun.stdout) as { new: number; known: number; failed: unknown[] };
  assert.equal(summary.new + summary.known, REPORTS);
  assert.ok(summary.known >= atKill);
  assert.deepEqual(summary.failed, []);

  const check = new Database(db, { readonly: true });
  t.after(() => check.close());
  const row = check
    .prepare(
      'select count(*) as n, count(distinct sha256) as d, count(distinct external_id) as e from reports',
    )
    .get() as { n: number; d: number; e: number };
  assert.deepEqual(row, { n: REPORTS, d: REPORTS, e: REPORTS });
  const orphans = check
    .prepare('select count(*) as n from claims where report_id not in (select id from reports)')
    .get() as { n: number };
  assert.equal(orphans.n, 0);
});
