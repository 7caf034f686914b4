import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demonymBases } from './demonym-forms.js';

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
