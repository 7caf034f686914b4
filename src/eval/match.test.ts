import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GeoPrecision } from '../domain/codes.js';
import { matchClaims } from './match.js';
import { gold, northKm, pred } from './test-fixtures.js';

const matches = (g: Parameters<typeof gold>[0], p: Parameters<typeof pred>[0]): boolean =>
  matchClaims([gold(g)], [pred(p)]).length === 1;

test('distance tolerance follows the gold precision', () => {
  const cases: [GeoPrecision, number][] = [
    ['point', 25],
    ['town', 25],
    ['district', 50],
    ['province', 150],
    ['country', 500],
  ];
  for (const [precision, km] of cases) {
    assert.ok(matches({ geo_precision: precision }, { lat: northKm(km - 1) }), `${precision} inside ${km}`);
    assert.ok(!matches({ geo_precision: precision }, { lat: northKm(km + 1) }), `${precision} beyond ${km}`);
  }
});

test("the gold precision decides, not the prediction's", () => {
  assert.ok(!matches({ geo_precision: 'town' }, { lat: northKm(40), geo_precision: 'province' }));
  assert.ok(matches({ geo_precision: 'district' }, { lat: northKm(40), geo_precision: 'point' }));
});

test('the gold date is widened by one day on each side, no more', () => {
  assert.ok(matches({ date: '2018-05-10' }, { date: '2018-05-09' }));
  assert.ok(matches({ date: '2018-05-10' }, { date: '2018-05-11' }));
  assert.ok(!matches({ date: '2018-05-10' }, { date: '2018-05-08' }));
  assert.ok(!matches({ date: '2018-05-10' }, { date: '2018-05-12' }));
  // Across a month end, by calendar not by string.
  assert.ok(matches({ date: '2018-03-01' }, { date: '2018-02-28' }));
});

test('date intervals match when they overlap the widened gold interval', () => {
  const g = { date: { from: '2018-05-10', to: '2018-05-12' } };
  assert.ok(matches(g, { date: '2018-05-13' }));
  assert.ok(!matches(g, { date: '2018-05-14' }));
  assert.ok(matches(g, { date: { from: '2018-05-01', to: '2018-05-09' } }));
  assert.ok(!matches(g, { date: { from: '2018-05-01', to: '2018-05-08' } }));
  assert.ok(matches({ date: '2018-05-20' }, { date: { from: '2018-05-01', to: '2018-05-31' } }));
});

test('a prediction without a date or coordinates never matches', () => {
  assert.ok(!matches({}, { date: null }));
  assert.ok(!matches({}, { lat: null, lon: null }));
});

test('matching maximises the number of pairs before distance', () => {
  // P0 is closest to G0 but is the only one that can reach G1; the greedy
  // choice (P0-G0) would leave G1 unmatched.
  const g = [gold({ incident: 'A', lat: northKm(0) }), gold({ incident: 'B', lat: northKm(20) })];
  const p = [pred({ lat: northKm(5) }), pred({ lat: northKm(-10) })];
  const m = matchClaims(g, p);
  assert.equal(m.length, 2);
  assert.deepEqual(
    m.map((x) => [x.goldIndex, x.predIndex]),
    [
      [0, 1],
      [1, 0],
    ],
  );
});

test('matching prefers the closest pairs among maximum matchings', () => {
  const g = [gold({ lat: northKm(0) }), gold({ lat: northKm(10) })];
  const p = [pred({ lat: northKm(9) }), pred({ lat: northKm(1) })];
  const m = matchClaims(g, p);
  assert.deepEqual(
    m.map((x) => [x.goldIndex, x.predIndex]),
    [
      [0, 1],
      [1, 0],
    ],
  );
  assert.ok(m.every((x) => x.distanceKm < 1.5));
});

test('two claims in one town pair by the nearer date', () => {
  const g = [gold({ date: '2018-05-10' }), gold({ date: '2018-05-11' })];
  const p = [pred({ date: '2018-05-11' }), pred({ date: '2018-05-10' })];
  const m = matchClaims(g, p);
  assert.deepEqual(
    m.map((x) => [x.goldIndex, x.predIndex]),
    [
      [0, 1],
      [1, 0],
    ],
  );
});

test('surplus predictions stay unmatched; one prediction matches at most one gold claim', () => {
  assert.equal(matchClaims([gold()], [pred(), pred(), pred()]).length, 1);
  assert.equal(matchClaims([gold(), gold()], [pred()]).length, 1);
  assert.deepEqual(matchClaims([], [pred()]), []);
});
