import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adjectivalStems, demonymBases } from './demonym-forms.js';

test('resident demonyms give the names they are formed from', () => {
  assert.ok(demonymBases('Ohioans').includes('Ohio'));
  assert.ok(demonymBases('Iowans').includes('Iowa'));
  assert.ok(demonymBases('Texan').includes('Texas'));
  assert.ok(demonymBases('Ontarians').includes('Ontario'));
  assert.ok(demonymBases('Floridian').includes('Florida'));
  assert.ok(demonymBases('New Londoners').includes('New London'));
  assert.ok(demonymBases('Richmondites').includes('Richmond'));
});

test('words that are not capitalised demonyms give nothing', () => {
  assert.deepEqual(demonymBases('residents'), []);
  assert.deepEqual(demonymBases('Tom'), []);
  assert.deepEqual(demonymBases('Makeen'), []);
});

test('adjectival stems strip the endings that form adjectives and peoples from place names', () => {
  assert.deepEqual(adjectivalStems('Sicilian'), ['sicilian', 'sicil', 'sicili']);
  assert.deepEqual(adjectivalStems('Serb'), ['serb']);
  assert.deepEqual(adjectivalStems('Austro'), ['austro', 'austr']);
  assert.deepEqual(adjectivalStems('Ian'), []);
});
