import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUTO_LINK_THRESHOLD, type LinkFacts, pairScore, SUGGEST_THRESHOLD } from './pair-score.js';

function claim(over: Partial<LinkFacts> = {}): LinkFacts {
  return {
    date: { from: '2017-03-20', to: '2017-03-20', precision: 'day' },
    lat: 35.83,
    lon: 38.75,
    geoPrecision: 'town',
    placeId: null,
    country: 'SY',
    event: 'air_drone_strike',
    belligerents: ['us-led-coalition'],
    ...over,
  };
}

test('the same strike reported twice links automatically, and the score is symmetric', () => {
  const a = claim();
  const b = claim({ date: { from: '2017-03-21', to: '2017-03-21', precision: 'day' }, belligerents: [] });
  const s = pairScore(a, b);
  assert.ok(s !== null && s >= AUTO_LINK_THRESHOLD, `score ${s}`);
  assert.equal(pairScore(b, a), s);
});

test('dates beyond the slack of their precision, or places beyond tolerance, cannot be one event', () => {
  assert.equal(
    pairScore(claim(), claim({ date: { from: '2017-03-23', to: '2017-03-23', precision: 'day' } })),
    null,
  );
  // Jableh and Tartus: same day, same bombers, 52 km apart at town precision.
  assert.equal(pairScore(claim({ lat: 35.36, lon: 35.93 }), claim({ lat: 34.89, lon: 35.89 })), null);
  // ...but a province-level mention 25 km off is within its tolerance.
  assert.notEqual(
    pairScore(claim({ lat: 35.93, lon: 36.63, geoPrecision: 'province' }), claim({ lat: 36.11, lon: 36.8 })),
    null,
  );
  assert.equal(pairScore(claim(), claim({ country: 'IQ' })), null);
  assert.equal(pairScore(claim(), claim({ date: null })), null);
});

test('a month-precise date may overlap a day within it', () => {
  const s = pairScore(claim(), claim({ date: { from: '2017-03-01', to: '2017-03-31', precision: 'month' } }));
  assert.ok(s !== null && s > 0);
});

test('competing event types or attributions are at most a suggestion', () => {
  const bomb = pairScore(
    claim({ event: 'suicide_bomb', belligerents: ['isis'] }),
    claim({ event: 'remote_explosive', belligerents: ['unknown'] }),
  );
  assert.ok(bomb !== null && bomb < AUTO_LINK_THRESHOLD && bomb >= SUGGEST_THRESHOLD, `score ${bomb}`);
  const blame = pairScore(claim({ belligerents: ['russia'] }), claim({ belligerents: ['us-led-coalition'] }));
  assert.ok(blame !== null && blame < AUTO_LINK_THRESHOLD, `score ${blame}`);
  // Allies named for one another's strikes are not competing claims.
  const allied = pairScore(
    claim({ belligerents: ['united-states'] }),
    claim({ belligerents: ['us-led-coalition'] }),
  );
  assert.ok(allied !== null && allied >= AUTO_LINK_THRESHOLD);
});

test('two towns 18 km apart two days apart do not link automatically', () => {
  const s = pairScore(
    claim(),
    claim({ lat: 35.84, lon: 38.55, date: { from: '2017-03-22', to: '2017-03-22', precision: 'day' } }),
  );
  assert.ok(s === null || s < AUTO_LINK_THRESHOLD, `score ${s}`);
});
