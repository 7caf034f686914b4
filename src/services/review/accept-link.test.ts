import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { acceptLink } from './accept-link.js';
import { dismissLink } from './dismiss-link.js';

const BLAME = ['CLAIM 2018-02-10 33.5 36.3 9 russia', 'CLAIM 2018-02-10 33.5 36.3 11 us-led-coalition'];

test('accepting a suggested link moves the claim and absorbs the emptied automatic incident', async (t) => {
  const f = await reviewFixture(t, BLAME);
  assert.equal(f.incidents.length, 2);
  const [a, b] = f.incidents;
  assert.ok(a && b);
  const suggestion = await f.store.db
    .selectFrom('link_suggestions')
    .selectAll()
    .where('incident_id', '=', a.id)
    .executeTakeFirstOrThrow();
  const out = await acceptLink(
    f.deps,
    suggestion.claim_id,
    a.id,
    by('amal', Number(a.version), 'same strike, contested'),
  );
  assert.deepEqual(out.incident.civiliansKilled, { min: 9, max: 11 });
  assert.notEqual((await f.reload(b.id)).deleted_at, null);
  const s = await f.store.db
    .selectFrom('link_suggestions')
    .selectAll()
    .where('claim_id', '=', suggestion.claim_id)
    .where('incident_id', '=', a.id)
    .executeTakeFirstOrThrow();
  assert.equal(s.status, 'accepted');
});

test('a dismissed suggestion is kept as decided', async (t) => {
  const f = await reviewFixture(t, BLAME);
  const [a] = f.incidents;
  assert.ok(a);
  const suggestion = await f.store.db
    .selectFrom('link_suggestions')
    .selectAll()
    .where('incident_id', '=', a.id)
    .executeTakeFirstOrThrow();
  await dismissLink(f.deps, suggestion.claim_id, a.id, by('amal', Number(a.version), 'different strikes'));
  await assert.rejects(
    dismissLink(f.deps, suggestion.claim_id, a.id, by('amal', Number(a.version) + 1)),
    /no open suggestion/,
  );
  const s = await f.store.db
    .selectFrom('link_suggestions')
    .select('status')
    .where('claim_id', '=', suggestion.claim_id)
    .executeTakeFirstOrThrow();
  assert.equal(s.status, 'dismissed');
});
