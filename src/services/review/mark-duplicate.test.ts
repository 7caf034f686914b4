import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { assign } from './assign.js';
import { markDuplicate } from './mark-duplicate.js';
import { submitForReview } from './submit.js';

test('an incident is closed as a duplicate of another, keeping its claims', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33', 'CLAIM 2017-05-20 36.2 37.1 5']);
  const [a, b] = f.incidents;
  assert.ok(a && b);
  let v = Number(b.version);
  v = (await assign(f.deps, b.id, 'amal', by('lead', v))).incident.version;
  v = (await submitForReview(f.deps, b.id, by('amal', v))).incident.version;
  await assert.rejects(markDuplicate(f.deps, b.id, b.id, by('lead', v, 'same')), /cannot duplicate itself/);
  await markDuplicate(f.deps, b.id, a.code, by('lead', v, 'same event, misdated'));
  const row = await f.reload(b.id);
  assert.equal(row.status, 'duplicate');
  assert.equal(row.merged_into, a.id);
  const claims = await f.store.db.selectFrom('claims').select('id').where('incident_id', '=', b.id).execute();
  assert.equal(claims.length, 1);
});
