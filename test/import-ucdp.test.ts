import assert from 'node:assert/strict';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse';
import { SHARED_DIR, vigil } from './support/cli.js';
import { scratchDir } from './support/fixtures.js';

const UCDP = join(SHARED_DIR, 'data', 'ucdp-ged-syria-2016-2019.csv');

test('vigil import of the whole UCDP file: stats by year equal plain sums over the CSV', async (t) => {
  if (!existsSync(UCDP)) return t.skip(`UCDP GED file not found at ${UCDP} (../shared is absent)`);
  const db = join(scratchDir(t), 'ucdp.db');

  const expected = new Map<string, { incidents: number; low: number; high: number; civ: number }>();
  for await (const r of createReadStream(UCDP).pipe(parse({ columns: true, bom: true })) as AsyncIterable<
    Record<string, string>
  >) {
    const year = (r.date_start ?? '').slice(0, 4);
    const e = expected.get(year) ?? { incidents: 0, low: 0, high: 0, civ: 0 };
    e.incidents++;
    e.low += Number(r.low);
    e.high += Number(r.high);
    e.civ += Number(r.deaths_civilians);
    expected.set(year, e);
  }

  const run = vigil(['--db', db, 'import', '--format', 'ucdp', UCDP, '--json']);
  assert.equal(run.status, 0, run.stderr);
  const summary = JSON.parse(run.stdout) as { rows: number; created: number; failed: number };
  const total = [...expected.values()].reduce((n, e) => n + e.incidents, 0);
  assert.equal(summary.rows, total);
  assert.equal(summary.created, total);
  assert.equal(summary.failed, 0);

  const stats = vigil(['--db', db, 'stats', '--by', 'year', '--grading', 'all', '--json']);
  assert.equal(stats.status, 0, stats.stderr);
  const got = JSON.parse(stats.stdout) as {
    key: string;
    incidents: number;
    killed: { min: number; max: number; unreported: number };
    civilians_killed: { min: number; max: number; unreported: number };
    injured: { unreported: number };
  }[];
  assert.deepEqual(
    got.map((g) => g.key),
    [...expected.keys()].sort(),
  );
  for (const g of got) {
    const e = expected.get(g.key);
    assert.ok(e);
    assert.equal(g.incidents, e.incidents, g.key);
    assert.deepEqual(g.killed, { min: e.low, max: e.high, unreported: 0 }, g.key);
    assert.deepEqual(g.civilians_killed, { min: e.civ, max: e.civ, unreported: 0 }, g.key);
    // UCDP codes no injuries: every row says so, rather than adding up to a toll of 0.
    assert.equal(g.injured.unreported, e.incidents, g.key);
  }
});
