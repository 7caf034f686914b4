import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gold, report } from './test-fixtures.js';
import { FieldError, parseGoldIncidents, parseGoldReport, parsePredictedClaim } from './validate.js';

const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

function fieldError(fn: () => unknown, path: string, reason: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof FieldError, String(e));
    assert.equal(e.path, path);
    assert.match(e.reason, reason);
    return true;
  });
}

test('a well-formed report parses to the same value', () => {
  const r = report('r1', [gold({ date: { from: '2017-03-01', to: '2017-03-07' }, strikes: 19 })], 'ar');
  assert.deepEqual(parseGoldReport(roundTrip(r)), r);
});

test('errors name the field that is wrong', () => {
  const bad = (over: object, claim: object = {}): unknown =>
    roundTrip({ ...report('r1', [{ ...gold(), ...claim }]), ...over });
  fieldError(() => parseGoldReport(bad({ published: '2017-02-30' })), 'published', /YYYY-MM-DD/);
  fieldError(() => parseGoldReport(bad({ source: { name: 'X', kind: 'blog' } })), 'source.kind', /one of/);
  fieldError(() => parseGoldReport(bad({}, { lat: 'x' })), 'gold.claims[0].lat', /number/);
  fieldError(
    () => parseGoldReport(bad({}, { belligerents: ['nato'] })),
    'gold.claims[0].belligerents[0]',
    /nato/,
  );
  fieldError(
    () => parseGoldReport(bad({}, { killed: { min: 5, max: 2 } })),
    'gold.claims[0].killed',
    /below min/,
  );
  fieldError(
    () => parseGoldReport(bad({}, { date: { from: '2017-03-07', to: '2017-03-01' } })),
    'gold.claims[0].date',
    /before it starts/,
  );
  fieldError(
    () => parseGoldReport(bad({}, { geo_precision: 'city' })),
    'gold.claims[0].geo_precision',
    /one of/,
  );
});

test('incidents: ranges validated, duplicate keys refused', () => {
  const one = { incident: 'A', civilians_killed: { min: 3, max: null }, reports: ['r1'], note: 'n' };
  assert.deepEqual(parseGoldIncidents([one]), [one]);
  fieldError(() => parseGoldIncidents([one, one]), '[1].incident', /duplicate/);
  fieldError(
    () => parseGoldIncidents([{ ...one, civilians_killed: { min: -1, max: 2 } }]),
    '[0].civilians_killed.min',
    /≥ 0/,
  );
});

test('a predicted claim may lack date and place, but not half a coordinate', () => {
  const c = parsePredictedClaim({ incident: 'V-1', date: null, lat: null, lon: null, event: null });
  assert.deepEqual([c.date, c.lat, c.event, c.belligerents, c.hedged], [null, null, null, [], false]);
  fieldError(() => parsePredictedClaim({ incident: 'V-1', lat: 35 }), 'lat', /both/);
  fieldError(() => parsePredictedClaim({ date: '2017-01-01' }), 'incident', /string/);
});
