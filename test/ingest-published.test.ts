import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { vigil } from './support/cli.js';
import { scratchDir } from './support/fixtures.js';

// "March 3" has no year and "Sunday" no week: without a publication date the event cannot be dated.
const UNDATED =
  'GAZA CITY, March 3 - An air strike on a house in Gaza killed five people, medics said on Sunday.\n';
// Dated in its own text: claims come without a publication date.
const DATED = 'An air strike on a house in Khan Younis on 3 March 2024 killed five civilians, medics said.\n';

function ingest(db: string, file: string, args: string[] = [], json = true) {
  return vigil(['--db', db, 'ingest', ...(json ? ['--json'] : []), '--no-progress', ...args, file]);
}

test('a report with no publication date that gives no claim is named, and --published dates it when ingested again', (t) => {
  const dir = scratchDir(t);
  const db = join(dir, 'v.db');
  const file = join(dir, 'gaza.txt');
  writeFileSync(file, UNDATED);

  const first = ingest(db, file, [], false);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /^1 new, 0 already known, 0 failed; 0 claims extracted/);
  assert.match(first.stderr, /1 report with no publication date gave no claim/);
  assert.match(first.stderr, /--published/);
  assert.ok(first.stderr.includes(file), first.stderr);

  const dated = ingest(db, file, ['--published', '2024-03-05']);
  assert.equal(dated.status, 0, dated.stderr);
  const summary = JSON.parse(dated.stdout);
  assert.equal(summary.new, 0);
  assert.equal(summary.dated, 1);
  assert.equal(summary.claims, 1);
  assert.deepEqual(summary.undated, []);

  const list = JSON.parse(vigil(['--db', db, 'incidents', '--json']).stdout);
  const incidents = list.incidents ?? list;
  assert.equal(incidents.length, 1);
  assert.equal(incidents[0].dateFrom ?? incidents[0].date?.from, '2024-03-03', JSON.stringify(incidents[0]));

  const sqlite = new Database(db, { readonly: true });
  try {
    const report = sqlite.prepare('select published from reports').all() as { published: string | null }[];
    assert.deepEqual(report, [{ published: '2024-03-05' }], 'one report, dated; no second copy stored');
    const audit = sqlite.prepare("select after from audit_log where action = 'report.dated'").all() as {
      after: string;
    }[];
    assert.equal(audit.length, 1);
    assert.equal(JSON.parse(audit[0]?.after ?? '{}').published, '2024-03-05');
  } finally {
    sqlite.close();
  }

  // Dated once, the report is known: another date changes nothing.
  const again = JSON.parse(ingest(db, file, ['--published', '2024-04-01']).stdout);
  assert.equal(again.known, 1);
  assert.equal(again.dated, 0);
  assert.equal(again.claims, 0);
});

test('--published leaves a report that gave claims as it is, and is refused unless a real day', (t) => {
  const dir = scratchDir(t);
  const db = join(dir, 'v.db');
  const file = join(dir, 'khan-younis.txt');
  writeFileSync(file, DATED);

  const first = JSON.parse(ingest(db, file).stdout);
  assert.equal(first.claims, 1);
  assert.deepEqual(first.undated, [], 'dated by its own text: not named as undated');
  const again = JSON.parse(ingest(db, file, ['--published', '2024-03-04']).stdout);
  assert.equal(again.known, 1, 'claims an analyst may have reviewed are not extracted again');
  assert.equal(again.dated, 0);

  const bad = ingest(db, file, ['--published', '2024-02-30']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /--published.*not a real date: 2024-02-30/s);
  const word = ingest(db, file, ['--published', 'yesterday']);
  assert.notEqual(word.status, 0);
  assert.match(word.stderr, /--published.*YYYY-MM-DD/s);
});
