import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openSqliteStore } from '../src/store/database.js';
import { cliArgs, REPO_ROOT, vigil } from './support/cli.js';
import { scratchDir } from './support/fixtures.js';

/** A database file that exists, with nothing in it. */
async function emptyDb(t: { after: (fn: () => void) => void }): Promise<string> {
  const db = join(scratchDir(t), 'v.db');
  await (await openSqliteStore(db)).close();
  return db;
}

/** Bad input on the command line: a clear message naming the option or file, exit code 1, no stack trace. */
function refused(args: string[], expected: RegExp): void {
  const r = vigil(args);
  assert.equal(r.status, 1, `${args.join(' ')}: exit code\n${r.stderr}`);
  assert.match(r.stderr, expected, args.join(' '));
  assert.doesNotMatch(r.stderr, /\n\s+at /, `${args.join(' ')}: no stack trace`);
}

test('whole-number options refuse negative, fractional and non-numeric values, naming the option', async (t) => {
  const db = await emptyDb(t);
  for (const bad of ['-1', 'abc', '1.5'])
    refused(
      ['--db', db, 'incidents', '--limit', bad],
      new RegExp(`'--limit <n>' argument '${bad.replace('.', '\\.')}' is invalid`),
    );
  refused(
    ['--db', db, 'review', 'grade', 'V-000001', 'fair', '--expect-version', 'abc'],
    /'--expect-version <n>' argument 'abc'/,
  );
  refused(
    ['--db', db, 'import', '--format', 'ucdp', '--batch', '-5', 'x.csv'],
    /'--batch <rows>' argument '-5'/,
  );
  refused(['--db', db, 'serve', '--port', '99999'], /'--port <n>' argument '99999'/);
  const ok = vigil(['--db', db, 'incidents', '--limit', '3']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /0 incident\(s\)/);
});

test('an unknown status, event type or belligerent, or --from after --to, is refused, not an empty listing', async (t) => {
  const db = await emptyDb(t);
  refused(
    ['--db', db, 'incidents', '--status', 'publised'],
    /unknown status "publised"; expected new, in_review/,
  );
  refused(
    ['--db', db, 'export', '--format', 'csv', '--event', 'airstrike'],
    /unknown event type "airstrike"/,
  );
  refused(['--db', db, 'review', 'list', '--status', 'bogus'], /unknown status "bogus"/);
  refused(
    ['--db', db, 'stats', '--by', 'year', '--belligerent', 'rusia'],
    /unknown belligerent "rusia"; expected us-led-coalition, .*russia/,
  );
  refused(
    ['--db', db, 'stats', '--by', 'month', '--from', '2019-05-01', '--to', '2019-01-01'],
    /--from 2019-05-01 is after --to 2019-01-01/,
  );
});

test('an export that fails leaves the file -o names as it was; one that succeeds replaces it', async (t) => {
  const db = await emptyDb(t);
  const dir = scratchDir(t);
  const out = join(dir, 'incidents.csv');
  writeFileSync(out, 'yesterday’s export\n');
  const bad = vigil(['--db', db, 'export', '--format', 'csv', '--from', '2019-02-30', '-o', out]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--from must be a real date YYYY-MM-DD, got "2019-02-30"/);
  assert.equal(readFileSync(out, 'utf8'), 'yesterday’s export\n', 'not truncated to a header');
  const toStdout = vigil(['--db', db, 'export', '--format', 'csv', '--to', '2019-13-01']);
  assert.equal(toStdout.status, 1);
  assert.equal(toStdout.stdout, '', 'no header before the refusal');
  refused(['--db', db, 'export', '--format', 'csv', '-o', dir], /-o .*: is a directory; name a file/);
  refused(['--db', db, 'export', '--format', 'csv', '-o', join(dir, 'no', 'x.csv')], /no such directory/);
  const good = vigil(['--db', db, 'export', '--format', 'csv', '-o', out]);
  assert.equal(good.status, 0, good.stderr);
  assert.match(readFileSync(out, 'utf8'), /^code,status,grading,/);
  assert.deepEqual(readdirSync(dir), ['incidents.csv'], 'no partial file left');
});

test('a directory or a missing file where a file is expected is named; a feeds file’s error names its field', (t) => {
  const dir = scratchDir(t);
  const db = join(dir, 'v.db');
  refused(['--db', db, 'import', '--format', 'ucdp', dir], /: is a directory; name a file/);
  refused(['--db', db, 'import', '--format', 'ucdp', join(dir, 'none.csv')], /none\.csv: no such file/);
  refused(['--db', db, 'watch', dir, '--once'], /: is a directory; name a file/);
  refused(['--db', db, 'eval', dir], /: is a directory; name a file/);
  const feeds = join(dir, 'feeds.yaml');
  writeFileSync(feeds, 'feeds:\n  - url: https://example.org/feed.xml\n  - url: notaurl\n');
  refused(['--db', db, 'watch', feeds, '--once'], /feeds\.yaml \(feeds\[1\]\.url\): not a URL: "notaurl"/);
});

test('an empty dataset file is refused as lacking its header, not imported as zero rows', (t) => {
  const dir = scratchDir(t);
  const db = join(dir, 'v.db');
  const empty = join(dir, 'ged.csv');
  writeFileSync(empty, '');
  refused(
    ['--db', db, 'import', '--format', 'ucdp', empty],
    /ged\.csv:1: empty file: no header row with the UCDP columns/,
  );
  writeFileSync(empty, '\n\n');
  refused(
    ['--db', db, 'import', '--format', 'acled', empty],
    /ged\.csv:1: empty file: no header row with the ACLED columns/,
  );
  // Not empty, but its first row cannot be read (JSON saved as .csv): said so, not called empty.
  writeFileSync(empty, '{"relid":1}\n');
  refused(
    ['--db', db, 'import', '--format', 'ucdp', empty],
    /ged\.csv:1: malformed CSV header: a quote inside an unquoted cell/,
  );
});

test('show on an imported UCDP row: its figures are the dataset’s, with its credit and the sources it cites', (t) => {
  const dir = scratchDir(t);
  const db = join(dir, 'v.db');
  const sample = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'ucdp-ged-syria-sample.csv'), 'utf8');
  const ged = join(dir, 'ged.csv');
  writeFileSync(ged, sample.split('\n').slice(0, 2).join('\n'));
  const imported = vigil(['--db', db, 'import', '--format', 'ucdp', ged]);
  assert.equal(imported.status, 0, imported.stderr);
  const show = vigil(['--db', db, 'show', 'UCDP-214797']);
  assert.equal(show.status, 0, show.stderr);
  assert.match(show.stdout, /figures as coded in the imported UCDP GED row 214797, not from claims/);
  assert.doesNotMatch(
    show.stdout,
    /rule: Civilian deaths run from/,
    'no claims: the claims rule does not apply',
  );
  assert.match(show.stdout, /data: Uppsala Conflict Data Program \(UCDP\)/);
  assert.match(
    show.stdout,
    /1 source\(s\) cited by the dataset:\n- SOHR, 2015-01-01: "14 shells hit Dahya al-Assad/,
  );
  // --json gives what the text gives: the dataset row, the sources it cites, and the belligerents' roles.
  const json = vigil(['--db', db, 'show', '--json', 'UCDP-214797']);
  assert.equal(json.status, 0, json.stderr);
  const detail = JSON.parse(json.stdout) as {
    dataset: { name: string; id: string; sources: { name: string; published: string }[] } | null;
    belligerentRoles: { belligerent: string; role: string }[];
  };
  assert.equal(detail.dataset?.name, 'ucdp');
  assert.equal(detail.dataset?.id, '214797');
  assert.deepEqual(
    detail.dataset?.sources.map((c) => [c.name, c.published]),
    [['SOHR', '2015-01-01']],
  );
  assert.ok(detail.belligerentRoles.length > 0 && detail.belligerentRoles.every((b) => b.role === 'known'));
});

test('user: every subcommand is described in --help, and an unknown role is refused before any password prompt', (t) => {
  const db = join(scratchDir(t), 'v.db');
  const help = vigil(['user', '--help']);
  for (const sub of ['add', 'list', 'token'])
    assert.match(help.stdout, new RegExp(`\\n  ${sub} \\S[^\\n]*[ ]{2}\\w`), sub);
  refused(
    ['--db', db, 'user', 'add', 'bob', '--role', 'boss'],
    /'--role <role>' argument 'boss' is invalid\. Allowed choices are viewer, analyst, admin/,
  );
});

test('a command that only reads refuses a database file that does not exist, and does not create it', (t) => {
  const db = join(scratchDir(t), 'typo.db');
  for (const args of [
    ['incidents'],
    ['show', 'V-000001'],
    ['stats', '--by', 'year'],
    ['export', '--format', 'csv'],
    ['audit', 'verify'],
    ['review', 'list'],
  ])
    refused(['--db', db, ...args], /no database at .*typo\.db: nothing has been ingested or imported there/);
  assert.equal(existsSync(db), false);
});

test('output into a pipe closed early (vigil … | head) ends quietly, with no stack trace', async (t) => {
  const db = await emptyDb(t);
  const child = spawn(process.execPath, cliArgs(['--db', db, 'incidents']), { cwd: REPO_ROOT });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const [status] = (await once(child, 'close')) as [number | null];
  assert.equal(stderr, '');
  assert.equal(status, 0);
});

test('show gives the strike status, target and belligerent entries an analyst set', (t) => {
  const dir = scratchDir(t);
  const db = join(dir, 'v.db');
  const list = join(dir, 'list.csv');
  writeFileSync(
    list,
    'code,date,location,latitude,longitude,country,civilian_deaths\nCS1,2017-03-16,Al Jinah,36.1,36.8,SY,38–49\n',
  );
  assert.equal(vigil(['--db', db, 'import', '--format', 'airwars', list]).status, 0);
  const before = vigil(['--db', db, 'show', 'CS1']);
  assert.match(before.stdout, /\n {2}status published; strike status not set; grading not graded\n/);
  assert.doesNotMatch(before.stdout, /target:/);
  for (const args of [
    ['strike-status', 'CS1', 'single_source'],
    ['edit', 'CS1', '--set', 'target=mosque', '--reason', 'the sources name the mosque'],
    ['belligerent', 'CS1', 'russia', '--role', 'suspected', '--assessment', 'non_credible'],
  ]) {
    const r = vigil(['--db', db, 'review', ...args, '--actor', 'tester']);
    assert.equal(r.status, 0, r.stderr);
  }
  const after = vigil(['--db', db, 'show', 'CS1']);
  assert.match(after.stdout, /\n {2}status published; strike status single source; grading not graded\n/);
  assert.match(after.stdout, /\n {2}target: mosque\n/);
  assert.match(after.stdout, /\n {2}belligerents: russia \(suspected; its own assessment: non-credible\)\n/);
});
