import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import type { Grading } from '../../domain/codes.js';
import { ReviewError } from './errors.js';
import { grade } from './grade.js';

test('grading records who, when, before and after, and reason', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  const out = await grade(
    f.deps,
    inc.id,
    'contested',
    by('amal', Number(inc.version), 'Russia and the coalition both named'),
  );
  assert.equal(out.incident.grading, 'contested');
  const entry = await f.store.db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  assert.equal(entry.action, 'incident.graded');
  assert.equal(entry.actor, 'amal');
  assert.equal(entry.reason, 'Russia and the coalition both named');
  assert.deepEqual(JSON.parse(entry.before ?? '{}'), { version: Number(inc.version), grading: null });
  assert.deepEqual(JSON.parse(entry.after ?? '{}'), {
    version: Number(inc.version) + 1,
    grading: 'contested',
  });
});

test('an unknown grading is refused', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  await assert.rejects(
    grade(f.deps, inc.id, 'probable' as Grading, by('amal', Number(inc.version))),
    ReviewError,
  );
});
