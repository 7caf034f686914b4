import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adjectivalReading, innerReading, isNationalName, partedArea } from './fallback.js';
import { testGazetteer } from './test-gazetteer.js';

const g = testGazetteer();

test('a country, division or demonym inside an organisation name says where it is', () => {
  const japan = innerReading(g, 'Bank of Japan');
  assert.equal(japan.tier, 'region');
  assert.equal(japan.entries[0]?.country, 'JP');
  const england = innerReading(g, 'Bank of England');
  assert.equal(england.tier, 'division');
  assert.equal(england.entries[0]?.name, 'England');
  const ministry = innerReading(g, 'Russian Foreign Ministry');
  assert.equal(ministry.tier, 'region');
  assert.equal(ministry.entries[0]?.country, 'RU');
  const europe = innerReading(g, 'European Investment Bank');
  assert.equal(europe.entries[0]?.featureCode, 'CONT');
  const uni = innerReading(g, 'Arizona State University');
  assert.equal(uni.tier, 'division');
  assert.equal(uni.entries[0]?.admin1, 'AZ');
});

test('a town inside a name, or a name borrowed by a street, embassy or river, says little', () => {
  assert.equal(innerReading(g, 'Stonewall Golf Club').tier, 'town');
  assert.equal(innerReading(g, 'Atlantic Avenue').tier, 'town');
  assert.equal(innerReading(g, 'Russian Embassy').tier, 'town');
  assert.equal(innerReading(g, 'Niger Delta').tier, 'town');
  // A mall named after a continent lies in one of its towns, which the story names.
  assert.equal(innerReading(g, 'SM Mall of Asia').tier, 'town');
  assert.equal(innerReading(g, 'European Investment Bank').tier, 'region');
  assert.deepEqual(innerReading(g, 'Zorbington Fooquux').entries, []);
});

test('a quarter named after a people borrows the name', () => {
  assert.equal(innerReading(g, 'French Quarter').tier, 'town');
});

test('a place written after the kind of building says where the building is', () => {
  const tokyo = innerReading(g, 'British Embassy Tokyo');
  assert.equal(tokyo.tier, 'region');
  assert.equal(tokyo.entries[0]?.country, 'JP');
  const cambridge = innerReading(g, 'Robinson College Cambridge');
  assert.equal(cambridge.tier, 'region');
  assert.ok(cambridge.entries.some((e) => e.country === 'GB'));
  // A compass word after a street, or Saint before a name, is part of the name.
  assert.notEqual(innerReading(g, 'Eglinton Avenue West').tier, 'region');
});

test('names of peoples and states, not of spots', () => {
  for (const n of ['Bosnian', 'Yugoslavist', 'Havanese', 'Soviet Union', 'Islamic Republic']) {
    assert.ok(isNationalName(n), n);
  }
  for (const n of ['Appalachians', 'Sherman', 'Tamarasheni', 'Royal Street', 'Union']) {
    assert.ok(!isNationalName(n), n);
  }
});

test('a people or adjectival name reads as the country, division or capital it is formed from', () => {
  const of = (n: string): string[] => adjectivalReading(g, n).map((e) => `${e.country}/${e.kind}`);
  assert.deepEqual(of('Bosnian'), ['BA/country']);
  assert.deepEqual(of('Serb'), ['RS/country']);
  assert.deepEqual(of('Sicilian'), ['IT/admin1']);
  assert.deepEqual(of('KAZAKH'), ['KZ/country']);
  assert.deepEqual(of('Tamil'), ['IN/admin1']);
  assert.ok(of('Havanese').every((c) => c.startsWith('CU/')));
  // A stem that only starts a longer name ("Cali", California) or an alternate name ("Pleasant", Nauru) is no adjective.
  assert.deepEqual(of('Cali'), []);
  assert.deepEqual(of('Pleasant'), []);
  assert.deepEqual(of('Rongo'), []);
});

test('a country qualified by the words before it is the country itself', () => {
  const nazi = innerReading(g, 'Nazi Germany');
  assert.equal(nazi.tier, 'region');
  assert.equal(nazi.entries[0]?.country, 'DE');
  // Not where a connector makes it a complement, nor where the head is only an alternate name.
  assert.notEqual(innerReading(g, 'Stade de France').tier, 'region');
  assert.notEqual(innerReading(g, 'Plum Island').entries[0]?.country, 'IS');
});

test('a country written in capitals inside a name says where it is', () => {
  const fed = innerReading(g, 'US Federal Reserve');
  assert.equal(fed.tier, 'region');
  assert.equal(fed.entries[0]?.country, 'US');
  assert.equal(innerReading(g, 'UK Parliament').entries[0]?.country, 'GB');
  // Still a borrowed name where the last word says so.
  assert.equal(innerReading(g, 'US Embassy').tier, 'town');
});

test('partedArea joins compass-named second-level parts of one division, not parts named after a town there', () => {
  const sussex = partedArea(g, 'Sussex');
  assert.equal(sussex?.country, 'GB');
  assert.ok(sussex && Math.abs(sussex.lat - 50.94) < 0.3, 'between East and West Sussex');
  assert.equal(partedArea(g, 'Baton Rouge'), null);
  assert.equal(partedArea(g, 'Province'), null);
});

test('partedArea reads a county the gazetteer keeps only one compass-named part of as that part', () => {
  const berkshire = partedArea(g, 'Berkshire');
  assert.equal(berkshire?.country, 'GB');
  assert.ok(berkshire && Math.abs(berkshire.lat - 51.46) < 0.3 && Math.abs(berkshire.lon + 1.28) < 0.3);
});

test('partedArea makes no area of a landform word ("Central Desert", "Central Highlands")', () => {
  assert.equal(partedArea(g, 'Desert'), null);
  assert.equal(partedArea(g, 'Highlands'), null);
  assert.equal(partedArea(g, 'Coast'), null);
});
