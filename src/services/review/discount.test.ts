import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { assign } from './assign.js';
import { discount } from './discount.js';
import { submitForReview } from './submit.js';

test('discounting records the reason in the audit trail', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  let v = Number(inc.version);
  v = (await assign(f.deps, inc.id, 'amal', by('lead', v))).incident.version;
  v = (await submitForReview(f.deps, inc.id, by('amal', v))).incident.version;
  await discount(f.deps, inc.id, by('lead', v, 'the dead were fighters'));
  const last = await f.store.db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  assert.equal(last.action, 'incident.discounted');
  assert.equal(last.reason, 'the dead were fighters');
  assert.deepEqual(JSON.parse(last.after ?? '{}').status, 'discounted');
});
