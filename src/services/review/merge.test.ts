import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { ConflictError } from './errors.js';
import { merge } from './merge.js';

test('merging moves the claims, closes and soft-deletes the source, and recomputes the target', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33', 'CLAIM 2017-03-20 36.2 37.1 5']);
  const [a, b] = f.incidents;
  assert.ok(a && b);
  await assert.rejects(
    merge(f.deps, a.id, b.id, Number(b.version) + 5, by('amal', Number(a.version), 'same')),
    ConflictError,
  );
  assert.equal((await f.reload(b.id)).deleted_at, null, 'a refused merge changes nothing');
  const out = await merge(
    f.deps,
    a.id,
    b.id,
    Number(b.version),
    by('amal', Number(a.version), 'one strike, two places named'),
  );
  assert.deepEqual(out.incident.civiliansKilled, { min: 5, max: 33 });
  const src = await f.reload(b.id);
  assert.equal(src.status, 'duplicate');
  assert.equal(src.merged_into, a.id);
  assert.notEqual(src.deleted_at, null);
  const claims = await f.store.db
    .selectFrom('claims')
    .select(['incident_id', 'civ_min', 'link_pinned'])
    .execute();
  assert.ok(claims.every((c) => c.incident_id === a.id));
  assert.equal(Number(claims.find((c) => c.civ_min === 5)?.link_pinned), 1, 'moved claims are pinned');
});
