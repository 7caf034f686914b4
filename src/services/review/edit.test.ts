import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDeps } from '../../../test/support/fixtures.js';
import { by, lineReport, reviewFixture } from '../../../test/support/review.js';
import { ingestReport } from '../ingest.js';
import { editFields } from './edit.js';

test('edited fields need a reason and are kept when claims change the incident later', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  await assert.rejects(
    editFields(f.deps, inc.id, { place_name: 'al-Mansoura' }, by('amal', Number(inc.version))),
    /needs a reason/,
  );
  await assert.rejects(
    editFields(f.deps, inc.id, { code: 'X' } as never, by('amal', Number(inc.version), 'x')),
    /cannot be edited/,
  );
  await editFields(
    f.deps,
    inc.id,
    { place_name: 'al-Mansoura', event: 'air_drone_strike' },
    by('amal', Number(inc.version), 'school named by HRW'),
  );
  await ingestReport(testDeps(f.store), lineReport('later: CLAIM 2017-03-20 35.95 39.01 40'));
  const row = await f.reload(inc.id);
  assert.equal(row.place_name, 'al-Mansoura');
  assert.equal(row.civ_max, 40, 'the new claim joined and the figures were recomputed');
});
