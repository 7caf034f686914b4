import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { verifyAudit } from '../../store/audit.js';
import { ConflictError } from './errors.js';
import { grade } from './grade.js';

test('two concurrent writers on one incident: one wins, the other is refused, nothing is lost', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  const v = Number(inc.version);
  const auditBefore = (await verifyAudit(f.store.db)).entries;
  const results = await Promise.allSettled([
    grade(f.deps, inc.id, 'fair', by('amal', v, 'two sources')),
    grade(f.deps, inc.id, 'weak', by('basel', v, 'one source')),
  ]);
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r) => r.status === 'rejected');
  assert.equal(won.length, 1);
  assert.equal(lost.length, 1);
  const err = (lost[0] as PromiseRejectedResult).reason;
  assert.ok(err instanceof ConflictError, String(err));
  assert.equal(err.expectedVersion, v);
  assert.equal(err.actualVersion, v + 1);
  assert.match(err.message, /changed it since you read it/);
  const after = await f.reload(inc.id);
  assert.equal(Number(after.version), v + 1);
  assert.equal(after.grading, 'fair', 'the first writer kept its change; the second did not overwrite it');
  const audit = await verifyAudit(f.store.db);
  assert.deepEqual(audit.problems, []);
  assert.equal(audit.entries, auditBefore + 1, 'exactly one change was recorded');
});

test('a stale version is refused even when nobody else is writing at that moment', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  await grade(f.deps, inc.id, 'weak', by('amal', Number(inc.version)));
  await assert.rejects(grade(f.deps, inc.id, 'fair', by('basel', Number(inc.version))), ConflictError);
  assert.equal((await f.reload(inc.id)).grading, 'weak');
});

test('the first analyst change marks the incident reviewed', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  assert.equal(inc.reviewed_at, null);
  await grade(f.deps, inc.code, 'weak', by('amal', Number(inc.version)));
  assert.notEqual((await f.reload(inc.id)).reviewed_at, null);
});
