import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClaimDraft } from '../domain/claim.js';
import { civilianRangesByIncident, predictedClaimFromDraft, writePredictionsLine } from './predictions.js';
import { pred } from './test-fixtures.js';
import { parsePredictionLine } from './validate.js';

test('writePredictionsLine writes one JSON line that parses back to the same claims', () => {
  const claims = [
    pred({ incident: 'V-1', strikes: 4 }),
    pred({ incident: 'V-2', date: null, lat: null, lon: null }),
  ];
  const line = writePredictionsLine('r7', claims);
  assert.ok(line.endsWith('\n'));
  assert.equal(line.indexOf('\n'), line.length - 1);
  assert.deepEqual(parsePredictionLine(JSON.parse(line)), { id: 'r7', claims });
});

test('predictedClaimFromDraft maps a draft into the corpus shape', () => {
  const draft: ClaimDraft = {
    date: { from: '2017-03-20', to: '2017-03-21', precision: 'interval' },
    place: {
      name: 'Tabqa',
      gazetteerId: 'gn:1',
      lat: 35.84,
      lon: 38.55,
      admin1: 'Raqqa',
      country: 'SY',
      precision: 'town',
    },
    belligerents: ['us-led-coalition'],
    event: 'air_drone_strike',
    target: 'market',
    civiliansKilled: { min: 24, max: null },
    killed: null,
    injured: { min: 8, max: 8 },
    children: null,
    women: null,
    hedged: true,
    strikes: null,
    evidence: [],
    confidence: 0.5,
  };
  const c = predictedClaimFromDraft(draft, 'V-9');
  assert.deepEqual(c.date, { from: '2017-03-20', to: '2017-03-21' });
  assert.deepEqual(
    [c.incident, c.place, c.lat, c.lon, c.geo_precision],
    ['V-9', 'Tabqa', 35.84, 38.55, 'town'],
  );
  assert.deepEqual(c.civilians_killed, { min: 24, max: null });
  assert.equal('strikes' in c, false);
  const oneDay = predictedClaimFromDraft(
    { ...draft, date: { from: '2017-03-20', to: '2017-03-20', precision: 'day' }, place: null },
    'V-9',
  );
  assert.equal(oneDay.date, '2017-03-20');
  assert.deepEqual([oneDay.lat, oneDay.lon, oneDay.geo_precision], [null, null, null]);
});

test('civilianRangesByIncident: lowest min to highest max per predicted incident, open max wins', () => {
  const ranges = civilianRangesByIncident(
    new Map([
      ['r1', [pred({ incident: 'A', civilians_killed: { min: 33, max: 33 } }), pred({ incident: 'B' })]],
      ['r2', [pred({ incident: 'A', civilians_killed: { min: 40, max: null } }), pred({ incident: 'A' })]],
    ]),
  );
  assert.deepEqual(ranges.get('A'), { min: 33, max: null });
  assert.equal(ranges.get('B'), null);
  assert.equal(ranges.has('B'), true);
});
