import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { assign } from './assign.js';
import { ReviewError } from './errors.js';
import { grade } from './grade.js';
import { publish } from './publish.js';
import { submitForReview } from './submit.js';

test('assigning a new incident puts it in review with its assignee', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  await assign(f.deps, inc.id, 'amal', by('lead', Number(inc.version)));
  const row = await f.reload(inc.id);
  assert.equal(row.status, 'in_review');
  assert.equal(row.assignee, 'amal');
});

test('a published incident cannot be reassigned without reopening', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  let v = Number(inc.version);
  v = (await assign(f.deps, inc.id, 'amal', by('lead', v))).incident.version;
  v = (await grade(f.deps, inc.id, 'weak', by('amal', v))).incident.version;
  v = (await submitForReview(f.deps, inc.id, by('amal', v))).incident.version;
  v = (await publish(f.deps, inc.id, by('lead', v))).incident.version;
  await assert.rejects(assign(f.deps, inc.id, 'basel', by('lead', v)), ReviewError);
});
