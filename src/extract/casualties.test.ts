import assert from 'node:assert/strict';
import { test } from 'node:test';
import { combine, findFigures } from './casualties.js';
import { LEXICONS } from './lexicon/index.js';
import type { Lexicon } from './lexicon/types.js';
import { findQuantities } from './numbers.js';
import { segment } from './segment.js';
import { fold } from './text.js';

function figures(text: string, lex: Lexicon = LEXICONS.en) {
  const f = fold(text);
  return findFigures(f.norm, lex, findQuantities(f.norm, lex), segment(f, null).sentences).figures;
}

test('a part of the toll named after it ("were among the dead") is a breakdown', () => {
  const fs = figures('The blast killed at least 60 people. At least 9 children were among the dead.');
  assert.deepEqual(combine(fs, 'killed')?.range, { min: 60, max: null });
  assert.deepEqual(combine(fs, 'children', true)?.range, { min: 9, max: null });
});

test('the wounded listed beside a breakdown of the dead are their own count', () => {
  const fs = figures('The toll reached 30 dead, including 4 nurses and 6 patients, as well as 12 wounded.');
  assert.deepEqual(combine(fs, 'killed')?.range, { min: 30, max: 30 });
  assert.deepEqual(combine(fs, 'injured')?.range, { min: 12, max: 12 });
  const ar = figures('ارتفع عدد الضحايا إلى 30 قتيلاً، بينهم 4 ممرضين، إضافة إلى 12 جريحاً.', LEXICONS.ar);
  assert.deepEqual(combine(ar, 'injured')?.range, { min: 12, max: 12 });
});

test('"95 of the dead" in a later sentence is part of the toll before it', () => {
  const fs = figures('Officials said 80 people died in the raid. Families have named 70 of the dead so far.');
  assert.deepEqual(combine(fs, 'killed')?.range, { min: 80, max: 80 });
});

test('parts after a colon do not replace the whole', () => {
  const fs = figures(
    'The inquiry found that 50 civilians died in the strike: 44 in the house and six next door.',
  );
  assert.deepEqual(combine(fs, 'civilians')?.range, { min: 50, max: 50 });
});

test('people "harmed" are injured', () => {
  const fs = figures('Nine people died and dozens of others were harmed by the gas.');
  assert.deepEqual(combine(fs, 'injured')?.range, { min: 24, max: null });
});

test('a count of the missing after a clean count of the wounded leaves the wounded clean', () => {
  const fs = figures("L'hôpital a reçu 52 blessés et reste sans nouvelles de dix infirmiers.", LEXICONS.fr);
  assert.deepEqual(combine(fs, 'injured')?.range, { min: 52, max: 52 });
  const en = figures('Officials counted 21 wounded and were still without news of 30 staff.');
  assert.deepEqual(combine(en, 'injured')?.range, { min: 21, max: 21 });
});

test('"three of them children" and "three of whom were children" are parts of the toll before them', () => {
  const a = figures('Shelling killed seven people, three of them children, and injured 18 others.');
  assert.deepEqual(combine(a, 'killed')?.range, { min: 7, max: 7 });
  assert.deepEqual(combine(a, 'children', true)?.range, { min: 3, max: 3 });
  assert.deepEqual(combine(a, 'injured')?.range, { min: 18, max: 18 });
  const b = figures('The strike killed seven civilians, four of whom were women.');
  assert.deepEqual(combine(b, 'women', true)?.range, { min: 4, max: 4 });
  assert.equal(combine(b, 'children', true), null);
});
