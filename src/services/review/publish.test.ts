import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { assign } from './assign.js';
import { grade } from './grade.js';
import { publish } from './publish.js';
import { submitForReview } from './submit.js';

test('publishing needs a grading and a submitted incident', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  let v = Number(inc.version);
  v = (await assign(f.deps, inc.id, 'amal', by('lead', v))).incident.version;
  await assert.rejects(publish(f.deps, inc.id, by('lead', v)), /cannot move to published/);
  v = (await submitForReview(f.deps, inc.id, by('amal', v))).incident.version;
  await assert.rejects(publish(f.deps, inc.id, by('lead', v)), /only once graded/);
  await assert.rejects(grade(f.deps, inc.id, 'fair', by('amal', v - 1)), /version/);
  v = (await grade(f.deps, inc.id, 'fair', by('amal', v))).incident.version;
  const out = await publish(f.deps, inc.id, by('lead', v));
  assert.equal(out.incident.status, 'published');
});
