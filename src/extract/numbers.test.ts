import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LEXICONS } from './lexicon/index.js';
import { findNumbers } from './numbers.js';
import { fold } from './text.js';

const values = (text: string) => findNumbers(fold(text).norm, LEXICONS.ar).map((n) => n.value);

test('Arabic Monday (الاثنين, "the two") is a weekday, not a count; two (اثنين) still is', () => {
  assert.deepEqual(values('قتل 33 مدنيا مساء يوم الاثنين'), [33]);
  assert.deepEqual(values('غارة يوم الإثنين'), []);
  assert.deepEqual(values('قتل اثنين من المدنيين'), [2]);
});
