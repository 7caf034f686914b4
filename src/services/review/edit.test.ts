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

test('an edit is refused, naming the field, when the value cannot be that field; nothing changes', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  const v = Number(inc.version);
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ lat: 91 }, /lat must be between -90 and 90/],
    [{ lon: -180.5 }, /lon must be between -180 and 180/],
    [{ lat: '36' }, /lat must be a number/],
    [{ date_from: '2017-02-30' }, /date_from must be a real day/],
    [{ date_to: '2017-03' }, /date_to must be a real day/],
    [{ date_to: '2017-03-01' }, /date_from 2017-03-20 is after date_to 2017-03-01/],
    [{ date_precision: 'fortnight' }, /date_precision must be one of day, week/],
    [{ geo_precision: 'street' }, /geo_precision must be one of point/],
    [{ event: 'bombing' }, /event must be one of/],
    [{ country: 'Syria' }, /country must be an ISO 3166 two-letter code/],
    [{ country: 'XX' }, /country must be an ISO 3166 two-letter code/],
    [{ place_name: { name: 'x' } }, /place_name must be text/],
    [{ target: 'x'.repeat(501) }, /target may be at most 500 characters, got 501/],
  ];
  for (const [fields, message] of cases)
    await assert.rejects(
      editFields(f.deps, inc.id, fields as never, by('amal', v, 'checking')),
      message,
      JSON.stringify(fields).slice(0, 60),
    );
  const row = await f.reload(inc.id);
  assert.equal(Number(row.version), v, 'no refused edit changed the incident');
  // The bounds themselves are accepted, and a null clears a field.
  await editFields(
    f.deps,
    inc.id,
    { lat: -90, lon: 180, country: 'SY', target: 'x'.repeat(500), date_to: null },
    by('amal', v, 'checking'),
  );
  const after = await f.reload(inc.id);
  assert.deepEqual([after.lat, after.lon, after.country, after.date_to], [-90, 180, 'SY', null]);
});
