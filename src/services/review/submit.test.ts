import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { assign } from './assign.js';
import { submitForReview } from './submit.js';

test('an assigned incident can be submitted; a new one cannot', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  let v = Number(inc.version);
  await assert.rejects(submitForReview(f.deps, inc.id, by('amal', v)), /cannot move to ready_for_review/);
  v = (await assign(f.deps, inc.id, 'amal', by('lead', v))).incident.version;
  assert.equal((await submitForReview(f.deps, inc.id, by('amal', v))).incident.status, 'ready_for_review');
});
