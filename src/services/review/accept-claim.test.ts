import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { acceptClaim } from './accept-claim.js';

test('once a claim is accepted only accepted claims count, and the range follows', async (t) => {
  const f = await reviewFixture(t, [
    'CLAIM 2017-03-20 35.95 39.01 33 us-led-coalition',
    'CLAIM 2017-03-20 35.95 39.01 60 us-led-coalition',
    'CLAIM 2017-03-21 35.95 39.01 45',
  ]);
  const inc = f.incidents[0];
  assert.ok(inc && f.incidents.length === 1);
  assert.deepEqual([inc.civ_min, inc.civ_max], [33, 60]);
  const ids = f.claims.get(inc.id) ?? [];
  const c45 = (
    await f.store.db.selectFrom('claims').select('id').where('civ_min', '=', 45).executeTakeFirstOrThrow()
  ).id;
  assert.ok(ids.includes(c45));
  const out = await acceptClaim(f.deps, c45, by('amal', Number(inc.version), 'named victims'));
  assert.deepEqual(out.incident.civiliansKilled, { min: 45, max: 45 });
  assert.equal(out.incident.version, Number(inc.version) + 1, 'one change, one version');
  const claim = await f.store.db
    .selectFrom('claims')
    .select('status')
    .where('id', '=', c45)
    .executeTakeFirstOrThrow();
  assert.equal(claim.status, 'accepted');
  const audit = await f.store.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', c45)
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['claim.accepted'],
  );
});
