import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segment } from './segment.js';
import { fold } from './text.js';

function sentences(text: string, title: string | null = null): string[] {
  const f = fold(text);
  const layout = segment(f, title);
  return layout.sentences.map((s) => f.norm.slice(s.start, s.end).replace(/\s+/gu, ' '));
}

test('prose hard-wrapped onto the next line is one sentence, and its first line is no headline', () => {
  const text =
    'Dozens of civilians were killed yesterday when coalition warplanes struck a residential\n' +
    'building in the old city of Raqqa. Our correspondent counted the bodies of women and\n' +
    'children being carried out of the ruins.\n\n' +
    'The same aircraft hit a water station two streets away.';
  assert.deepEqual(sentences(text, 'Dozens dead after night raid on the old city'), [
    'dozens of civilians were killed yesterday when coalition warplanes struck a residential building in the old city of raqqa.',
    'our correspondent counted the bodies of women and children being carried out of the ruins.',
    'the same aircraft hit a water station two streets away.',
  ]);
});

test('Arabic prose wrapped onto the next line is one sentence', () => {
  const text =
    'قُتل ٣٣ مدنياً، بينهم ١٢ طفلاً، مساء يوم الاثنين جراء غارة جوية لطيران التحالف الدولي بقيادة\n' +
    'الولايات المتحدة استهدفت مبنى سكنياً في الرقة.';
  assert.equal(sentences(text, 'مقتل ٣٣ مدنياً بغارة للتحالف على مبنى سكني في الرقة').length, 1);
});

test('short lines, list items and a headline before the body stay apart', () => {
  assert.deepEqual(sentences('Killed: 5\nInjured: 3'), ['killed: 5', 'injured: 3']);
  const list =
    'The monitor recorded these strikes in the first week of the month across the province:\n' +
    '- a strike on the market in Ariha\n- shelling on the outskirts of Saraqeb';
  assert.equal(sentences(list).length, 3);
  const headline = 'Car bomb tears through Manbij market street\nA car packed with explosives blew up.';
  assert.deepEqual(sentences(headline), [
    'car bomb tears through manbij market street',
    'a car packed with explosives blew up.',
  ]);
});

test('with a title of its own, a wrapped first line going on with a name is no headline either', () => {
  const text =
    'Warplanes believed to be Russian struck a crowded vegetable market in the town of Ariha in\n' +
    'Idlib province on Tuesday evening, killing at least 12 civilians.';
  assert.equal(sentences(text, 'Air strike on Ariha market').length, 1);
  // Without a title, a line going on in capitals may be a headline: it stays one.
  assert.equal(sentences(text).length, 2);
});
