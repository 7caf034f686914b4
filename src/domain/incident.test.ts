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
