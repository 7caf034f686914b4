import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { acceptClaim } from './accept-claim.js';
import { ReviewError } from './errors.js';
import { setCivilianRange } from './set-range.js';

test('an analyst sets the civilian range with a reason; it survives recomputation; clearing restores the rule', async (t) => {
  const f = await reviewFixture(t, [
    'CLAIM 2017-03-20 35.95 39.01 33 us-led-coalition',
    'CLAIM 2017-03-20 35.95 39.01 60 us-led-coalition',
    'CLAIM 2017-03-21 35.95 39.01 45',
  ]);
  const inc = f.incidents[0];
  assert.ok(inc);
  let v = Number(inc.version);
  await assert.rejects(
    setCivilianRange(f.deps, inc.id, { min: 40, max: 50 }, by('amal', v)),
    /needs a reason/,
  );
  await assert.rejects(setCivilianRange(f.deps, inc.id, { min: 50, max: 40 }, by('amal', v, 'x')), /maximum/);
  const set = await setCivilianRange(
    f.deps,
    inc.id,
    { min: 40, max: null },
    by('amal', v, 'hospital list of 40 names'),
  );
  v = set.incident.version;
  assert.deepEqual(set.incident.civiliansKilled, { min: 40, max: null });
  assert.equal(set.incident.civOverrideReason, 'hospital list of 40 names');
  const c33 = (
    await f.store.db.selectFrom('claims').select('id').where('civ_min', '=', 33).executeTakeFirstOrThrow()
  ).id;
  v = (await acceptClaim(f.deps, c33, by('amal', v))).incident.version;
  assert.deepEqual([(await f.reload(inc.id)).civ_min, (await f.reload(inc.id)).civ_max], [40, null]);
  const cleared = await setCivilianRange(f.deps, inc.id, null, by('amal', v, 'list superseded'));
  assert.deepEqual(cleared.incident.civiliansKilled, { min: 33, max: 33 });
  assert.equal(cleared.incident.civOverrideReason, null);
});

test('a hand-set range above 2,147,483,647 is refused on either database, naming the end', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  await assert.rejects(
    setCivilianRange(f.deps, inc.id, { min: 5, max: 99_999_999_999 }, by('amal', Number(inc.version), 'x')),
    (e: unknown) => e instanceof ReviewError && e.field === 'max' && /at most 2,147,483,647/.test(e.message),
  );
  await setCivilianRange(
    f.deps,
    inc.id,
    { min: 5, max: 2_147_483_647 },
    by('amal', Number(inc.version), 'x'),
  );
  assert.equal(Number((await f.reload(inc.id)).civ_max), 2_147_483_647);
});
