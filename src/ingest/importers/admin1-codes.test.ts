import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAdmin1Names } from '../../gazetteer/admin1-names.js';
import { testGazetteer } from '../../gazetteer/test-gazetteer.js';
import { admin1Namer, createAdmin1Resolver } from './admin1-codes.js';

testGazetteer(); // builds the index the names are read from, where a test runs before the build
const names = readAdmin1Names();
const code = createAdmin1Resolver(names);

test("datasets' division names resolve to the GeoNames codes incidents store", () => {
  // Every governorate as UCDP's Syria file writes it, and ACLED's spellings of some.
  const cases: [string, string][] = [
    ['Aleppo Governorate', '09'],
    ['Rif Dimashq Governorate', '08'],
    ['Deir ez Zor Governorate', '07'],
    ['Idlib Governorate', '12'],
    ['Ar Raqqah Governorate', '04'],
    ['Hamah Governorate', '10'],
    ['Homs Governorate', '11'],
    ['Daraa Governorate', '06'],
    ['Damascus Governorate', '13'],
    ['Al Hasakah Governorate', '01'],
    ['Latakia Governorate', '02'],
    ['Quneitra Governorate', '03'],
    ['As Suwayda Governorate', '05'],
    ['Tartus Governorate', '14'],
    ['Idleb', '12'],
    ['Lattakia', '02'],
    ['Ar-Raqqa', '04'],
    ['Deir-ez-Zor', '07'],
    ['09', '09'],
    ['SY.12', '12'],
  ];
  for (const [name, want] of cases) assert.equal(code('SY', name), want, name);
  assert.equal(code('IQ', 'Nineveh Governorate'), '15');
  assert.equal(code('IQ', 'Anbar'), '01');
  // Unknown, another country's, or no country: no code rather than a guess.
  assert.equal(code('SY', 'Atlantis Governorate'), null);
  assert.equal(code('IQ', 'Aleppo Governorate'), null);
  assert.equal(code(null, 'Aleppo Governorate'), null);
  assert.equal(code('SY', 'SY.99'), null);
});

test('exports name a division by its own GeoNames name', () => {
  const name = admin1Namer(names);
  assert.equal(name('SY', '09'), 'Aleppo');
  assert.equal(name('SY', '13'), 'Dimashq');
  assert.equal(name('SY', '99'), null);
});
