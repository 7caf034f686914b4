import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { assign } from './assign.js';
import { grade } from './grade.js';
import { publish } from './publish.js';
import { reopen } from './reopen.js';
import { submitForReview } from './submit.js';

test('a published incident is reopened into review with a reason', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  let v = Number(inc.version);
  v = (await assign(f.deps, inc.id, 'amal', by('lead', v))).incident.version;
  v = (await grade(f.deps, inc.id, 'weak', by('amal', v))).incident.version;
  v = (await submitForReview(f.deps, inc.id, by('amal', v))).incident.version;
  v = (await publish(f.deps, inc.id, by('lead', v))).incident.version;
  await assert.rejects(reopen(f.deps, inc.id, by('lead', v)), /needs a reason/);
  assert.equal((await reopen(f.deps, inc.id, by('lead', v, 'new footage'))).incident.status, 'in_review');
});
