import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { assign } from './assign.js';
import { discount } from './discount.js';
import { ReviewError } from './errors.js';
import { reopen } from './reopen.js';
import { submitForReview } from './submit.js';
import { markUnverifiable } from './unverifiable.js';

test('only allowed transitions: new cannot jump to a decision; a decision can only be reopened', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  let v = Number(inc.version);
  await assert.rejects(discount(f.deps, inc.id, by('amal', v, 'combatants')), /cannot move to discounted/);
  v = (await assign(f.deps, inc.id, 'amal', by('lead', v))).incident.version;
  v = (await submitForReview(f.deps, inc.id, by('amal', v))).incident.version;
  await assert.rejects(discount(f.deps, inc.id, by('amal', v)), ReviewError, 'a discount needs a reason');
  v = (await discount(f.deps, inc.id, by('amal', v, 'the dead were fighters'))).incident.version;
  assert.equal((await f.reload(inc.id)).status, 'discounted');
  await assert.rejects(
    markUnverifiable(f.deps, inc.id, by('amal', v, 'no access')),
    /from discounted it can move to in_review/,
  );
  v = (await reopen(f.deps, inc.id, by('lead', v, 'new witness'))).incident.version;
  assert.equal((await f.reload(inc.id)).status, 'in_review');
});
