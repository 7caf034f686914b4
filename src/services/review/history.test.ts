import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { acceptClaim } from './accept-claim.js';
import { grade } from './grade.js';
import { incidentHistory } from './history.js';

test('history lists the incident’s and its claims’ audit entries in order', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  const v = (await grade(f.deps, inc.id, 'weak', by('amal', Number(inc.version), 'one source'))).incident
    .version;
  const [claim] = f.claims.get(inc.id) ?? [];
  assert.ok(claim);
  await acceptClaim(f.deps, claim, by('basel', v));
  const h = await incidentHistory(f.store.db, inc.code);
  const actions = h.map((e) => e.action);
  assert.equal(actions[0], 'incident.created');
  assert.deepEqual(actions.slice(-3), ['incident.graded', 'claim.accepted', 'incident.claim_accepted']);
  assert.ok(h.every((e, i) => i === 0 || e.seq > (h[i - 1]?.seq ?? 0)));
  assert.equal(h.find((e) => e.action === 'incident.graded')?.reason, 'one source');
});
