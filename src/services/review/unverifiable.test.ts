import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { assign } from './assign.js';
import { submitForReview } from './submit.js';
import { markUnverifiable } from './unverifiable.js';

test('an incident is closed as unverifiable only with a reason', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  let v = Number(inc.version);
  v = (await assign(f.deps, inc.id, 'amal', by('lead', v))).incident.version;
  v = (await submitForReview(f.deps, inc.id, by('amal', v))).incident.version;
  await assert.rejects(markUnverifiable(f.deps, inc.id, by('lead', v)), /needs a reason/);
  assert.equal(
    (await markUnverifiable(f.deps, inc.id, by('lead', v, 'no second source'))).incident.status,
    'unverifiable',
  );
});
