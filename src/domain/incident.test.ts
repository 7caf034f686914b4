import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ClaimFacts, summariseIncident } from './incident.js';

function claim(over: Partial<ClaimFacts>): ClaimFacts {
  return {
    status: 'candidate',
    date: { from: '2017-03-20', to: '2017-03-20', precision: 'day' },
    placeName: 'Raqqa',
    placeId: null,
    lat: 35.95,
    lon: 39.01,
    admin1: null,
    country: 'SY',
    geoPrecision: 'town',
    event: 'air_drone_strike',
    target: null,
    belligerents: [],
    civiliansKilled: null,
    killed: null,
    injured: null,
    ...over,
  };
}

test('the civilian range runs from the lowest minimum to the highest maximum; open-ended stays open', () => {
  const s = summariseIncident([
    claim({ civiliansKilled: { min: 33, max: 33 } }),
    claim({ civiliansKilled: { min: 40, max: null } }),
    claim({ civiliansKilled: { min: 24, max: null } }),
  ]);
  assert.deepEqual(s.civiliansKilled, { min: 24, max: null });
});

test('accepted claims alone count once any is accepted; rejected never count', () => {
  const s = summariseIncident([
    claim({ status: 'accepted', civiliansKilled: { min: 33, max: 33 } }),
    claim({ status: 'candidate', civiliansKilled: { min: 10, max: 80 } }),
    claim({ status: 'rejected', civiliansKilled: { min: 1, max: 500 } }),
  ]);
  assert.deepEqual(s.civiliansKilled, { min: 33, max: 33 });
});

test('"unknown" gives way when another claim names the attacker', () => {
  assert.deepEqual(
    summariseIncident([claim({ belligerents: ['unknown'] }), claim({ belligerents: ['us-led-coalition'] })])
      .belligerents,
    ['us-led-coalition'],
  );
  assert.deepEqual(summariseIncident([claim({ belligerents: ['unknown'] })]).belligerents, ['unknown']);
  assert.deepEqual(
    summariseIncident([claim({ belligerents: ['russia'] }), claim({ belligerents: ['syrian-government'] })])
      .belligerents,
    ['russia', 'syrian-government'],
  );
});

test('the summary does not depend on the order of the claims', () => {
  const claims = [
    claim({
      date: { from: '2017-03-14', to: '2017-03-21', precision: 'week' },
      civiliansKilled: { min: 5, max: 9 },
    }),
    claim({ geoPrecision: 'province', lat: 35.9, lon: 38.9, belligerents: ['russia'] }),
    claim({ event: 'shelling_artillery_missile', killed: { min: 2, max: 2 } }),
  ];
  assert.deepEqual(summariseIncident(claims), summariseIncident([...claims].reverse()));
});

test('the place is the one most of the best-placed claims name, not the first in alphabetical order', () => {
  const s = summariseIncident([
    claim({ placeName: 'Raqqa' }),
    claim({ placeName: 'Ar Raqqah', lat: 35.95, lon: 39.02 }),
    claim({ placeName: 'Raqqa' }),
    claim({ placeName: 'Al Mishlab', geoPrecision: 'province' }),
  ]);
  assert.equal(s.placeName, 'Raqqa');
  assert.equal(s.lon, 39.01);
  // A more precise place still wins over a more common one.
  const p = summariseIncident([
    claim({ placeName: 'Raqqa' }),
    claim({ placeName: 'Raqqa' }),
    claim({ placeName: 'Old city, Raqqa', geoPrecision: 'point', lat: 35.94 }),
  ]);
  assert.equal(p.placeName, 'Old city, Raqqa');
});
