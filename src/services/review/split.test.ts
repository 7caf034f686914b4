import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDeps } from '../../../test/support/fixtures.js';
import { by, lineReport, reviewFixture } from '../../../test/support/review.js';
import { ingestReport } from '../ingest.js';
import { split } from './split.js';

test('splitting moves the named claims to a new incident; later ingests never merge the two back', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33', 'CLAIM 2017-03-20 35.95 39.01 60']);
  assert.equal(f.incidents.length, 1);
  const inc = f.incidents[0];
  assert.ok(inc);
  const [c1, c2] = f.claims.get(inc.id) ?? [];
  assert.ok(c1 && c2);
  await assert.rejects(
    split(f.deps, inc.id, [c1, c2], by('amal', Number(inc.version), 'x')),
    /leave at least one/,
  );
  const out = await split(f.deps, inc.id, [c2], by('amal', Number(inc.version), 'two strikes that night'));
  const created = await f.reload(out.created);
  assert.notEqual(created.reviewed_at, null);
  // A third report of the same strike arrives: it may join one of them, but the two stay apart.
  await ingestReport(testDeps(f.store), lineReport('third: CLAIM 2017-03-20 35.95 39.01 45'));
  const live = await f.store.db
    .selectFrom('incidents')
    .select('id')
    .where('deleted_at', 'is', null)
    .execute();
  assert.equal(live.length, 2);
  const c1Now = await f.store.db
    .selectFrom('claims')
    .select('incident_id')
    .where('id', '=', c1)
    .executeTakeFirstOrThrow();
  const c2Now = await f.store.db
    .selectFrom('claims')
    .select('incident_id')
    .where('id', '=', c2)
    .executeTakeFirstOrThrow();
  assert.equal(c1Now.incident_id, inc.id);
  assert.equal(c2Now.incident_id, out.created);
});
