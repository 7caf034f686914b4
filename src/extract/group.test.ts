import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeGeoparser } from './fake-geoparser.js';
import { extractClaims } from './index.js';

const ctx = {
  geoparser: fakeGeoparser({
    Zarqa: { lat: 35.5, lon: 36.5, country: 'SY' },
    Hadar: { lat: 36.0, lon: 37.0, country: 'SY' },
    Kassab: { lat: 35.9, lon: 35.98, country: 'SY' },
    Syria: { lat: 35, lon: 38, country: 'SY', precision: 'country' },
  }),
};
const run = (text: string) => extractClaims({ text, published: '2019-06-05', language: 'en' }, ctx);

test('a landmark near a later mention of the attack does not split the event', () => {
  const claims = run(
    [
      'Jets bombed a bakery in Zarqa, Syria, on Tuesday, killing 11 civilians.',
      'Families fled toward the countryside north of Hadar after the bombing, and activists blamed the regime for the bombing.',
    ].join(' '),
  );
  assert.equal(claims.length, 1);
  assert.equal(claims[0]?.place?.name, 'Zarqa');
  assert.deepEqual(claims[0]?.belligerents, ['syrian-government']);
});

test('"the aircraft" after an aside refers back to the air strike', () => {
  const claims = run(
    [
      'An air strike hit a school in Zarqa, Syria, on Tuesday, killing 7 civilians.',
      'The victims had fled fighting in Kassab.',
      'Witnesses said the aircraft belonged to Russia.',
    ].join(' '),
  );
  const zarqa = claims.find((c) => c.place?.name === 'Zarqa');
  assert.deepEqual(zarqa?.belligerents, ['russia']);
});

test('a toll keeps the story going: an attribution four sentences on still counts', () => {
  const claims = run(
    [
      'Missiles hit a wedding in Zarqa, Syria, on Tuesday.',
      'Residents counted 20 dead.',
      'A doctor said 25 had died.',
      'The groom was a teacher.',
      'Russia denied any involvement.',
    ].join(' '),
  );
  assert.equal(claims.length, 1);
  assert.deepEqual(claims[0]?.belligerents, ['russia']);
  assert.equal(claims[0]?.hedged, true);
});

test('the actor after "by" belongs to the means before it, not to a verb after it', () => {
  const claims = run(
    'Air strikes by Russian jets fighting rebels hit Zarqa, Syria, on Tuesday, killing 5 people.',
  );
  assert.equal(claims.length, 1);
  assert.deepEqual(claims[0]?.belligerents, ['russia']);
});
