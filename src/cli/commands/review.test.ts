import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { cliArgs, REPO_ROOT, vigil } from '../../../test/support/cli.js';
import { scratchDir, testDeps } from '../../../test/support/fixtures.js';
import { lineReport } from '../../../test/support/review.js';
import { ingestReport } from '../../services/ingest.js';
import { grade } from '../../services/review/grade.js';
import { openSqliteStore } from '../../store/database.js';
import { CONFLICT_EXIT } from './review.js';

/** A database file with one incident from two reports, made in-process with the line extractor. */
async function seeded(t: { after: (fn: () => void) => void }): Promise<string> {
  const db = join(scratchDir(t), 'review.db');
  const store = await openSqliteStore(db);
  const deps = testDeps(store);
  await ingestReport(deps, lineReport('CLAIM 2017-03-20 35.95 39.01 33 us-led-coalition', '2017-03-21', 'A'));
  await ingestReport(deps, lineReport('CLAIM 2017-03-20 35.95 39.01 60', '2017-03-22', 'B'));
  await store.close();
  return db;
}

function vigilLater(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, cliArgs(args), {
      cwd: REPO_ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('two analysts grade the same incident version from two processes: one wins, the other is refused', async (t) => {
  const db = await seeded(t);
  const peek = new Database(db, { readonly: true });
  const { version } = peek.prepare("select version from incidents where code = 'V-000001'").get() as {
    version: number;
  };
  peek.close();
  const [a, b] = await Promise.all([
    vigilLater([
      '--db',
      db,
      'review',
      'grade',
      'V-000001',
      'fair',
      '--expect-version',
      String(version),
      '--actor',
      'amal',
    ]),
    vigilLater([
      '--db',
      db,
      'review',
      'grade',
      'V-000001',
      'weak',
      '--expect-version',
      String(version),
      '--actor',
      'basel',
    ]),
  ]);
  const statuses = [a.status, b.status].sort();
  assert.deepEqual(statuses, [0, CONFLICT_EXIT], `${a.stderr}\n${b.stderr}`);
  const loser = a.status === 0 ? b : a;
  const winner = a.status === 0 ? 'fair' : 'weak';
  assert.match(loser.stderr, /conflict: incident V-000001 is at version \d+, not \d+/);
  const check = new Database(db, { readonly: true });
  t.after(() => check.close());
  assert.equal(
    (check.prepare('select grading from incidents where code = ?').get('V-000001') as { grading: string })
      .grading,
    winner,
  );
  const graded = check
    .prepare("select count(*) as n from audit_log where action = 'incident.graded'")
    .get() as { n: number };
  assert.equal(graded.n, 1);
  const verify = vigil(['--db', db, 'audit', 'verify']);
  assert.equal(verify.status, 0, verify.stdout + verify.stderr);
});

test('the review commands run the workflow from the shell and the history shows every step', async (t) => {
  const db = await seeded(t);
  const run = (...args: string[]) => vigil(['--db', db, 'review', ...args, '--actor', 'amal']);
  assert.equal(run('assign', 'V-000001', 'amal').status, 0);
  const noReason = run('set-range', 'V-000001', '40', '+');
  assert.equal(noReason.status, 1);
  assert.match(noReason.stderr, /needs a reason/);
  const set = run('set-range', 'V-000001', '40', '+', '--reason', 'hospital list');
  assert.equal(set.status, 0, set.stderr);
  assert.match(set.stdout, /civilians 40\+ \(set by an analyst\)/);
  const stale = run('grade', 'V-000001', 'fair', '--expect-version', '1');
  assert.equal(stale.status, CONFLICT_EXIT);
  const history = vigil(['--db', db, 'review', 'history', 'V-000001']);
  assert.equal(history.status, 0, history.stderr);
  assert.match(history.stdout, /amal incident\.assigned incident/);
  assert.match(history.stdout, /amal incident\.range_set incident \S+ — hospital list/);
  assert.doesNotMatch(history.stdout, /incident\.graded/);
});

test('editing an audit row in the database file makes `vigil audit verify` fail and name the row', async (t) => {
  const db = await seeded(t);
  const store = await openSqliteStore(db);
  const inc = await store.db.selectFrom('incidents').select(['id', 'version']).executeTakeFirstOrThrow();
  await grade({ store }, inc.id, 'weak', { actor: 'amal', expectedVersion: Number(inc.version) });
  await store.close();
  const raw = new Database(db);
  const row = raw.prepare("select seq from audit_log where action = 'incident.graded'").get() as {
    seq: number;
  };
  raw.prepare('update audit_log set actor = ? where seq = ?').run('someone-else', row.seq);
  raw.close();
  const verify = vigil(['--db', db, 'audit', 'verify']);
  assert.equal(verify.status, 1);
  assert.match(verify.stdout, new RegExp(`audit entry ${row.seq}: contents changed`));
  assert.match(verify.stdout, /audit log BROKEN/);
});

test('review help says what each argument takes, and the queue marks an ungraded incident with –', async (t) => {
  const help = vigil(['review', 'set-range', '--help']);
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /^\s+min\s+lowest civilian deaths/m);
  assert.match(help.stdout, /^\s+max\s+highest; "\+" for open-ended/m);
  const db = await seeded(t);
  const list = vigil(['--db', db, 'review', 'list']);
  assert.equal(list.status, 0, list.stderr);
  const [row] = list.stdout.split('\n').filter((l) => /^V-\d+/.test(l));
  assert.match(row ?? '', /\s–$/, 'the grading column of an ungraded incident');
});
