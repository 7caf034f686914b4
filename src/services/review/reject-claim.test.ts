import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { rejectClaim } from './reject-claim.js';

test('a rejected claim stays with its incident but its figure no longer counts', async (t) => {
  const f = await reviewFixture(t, [
    'CLAIM 2017-03-20 35.95 39.01 33 us-led-coalition',
    'CLAIM 2017-03-20 35.95 39.01 60 us-led-coalition',
    'CLAIM 2017-03-21 35.95 39.01 45',
  ]);
  const inc = f.incidents[0];
  assert.ok(inc);
  const c60 = (
    await f.store.db.selectFrom('claims').select('id').where('civ_min', '=', 60).executeTakeFirstOrThrow()
  ).id;
  const out = await rejectClaim(f.deps, c60, by('amal', Number(inc.version), 'double-counts the wounded'));
  assert.deepEqual(out.incident.civiliansKilled, { min: 33, max: 45 });
  const claim = await f.store.db
    .selectFrom('claims')
    .select(['status', 'incident_id'])
    .where('id', '=', c60)
    .executeTakeFirstOrThrow();
  assert.deepEqual(claim, { status: 'rejected', incident_id: inc.id });
});
