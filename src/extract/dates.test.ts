import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDates } from './dates.js';
import { LEXICONS } from './lexicon/index.js';
import { fold } from './text.js';

test('a weekday in apposition to the reporting day is the reporting day, not the event day', () => {
  const norm = fold(
    'قالت مصادر طبية محلية، اليوم الجمعة، إن القصف الذي وقع يوم الثلاثاء الماضي أودى بحياة 12 شخصا.',
  ).norm;
  const dates = findDates(norm, LEXICONS.ar, '2019-04-12');
  const event = dates.filter((d) => !d.reporting).map((d) => d.interval.from);
  assert.deepEqual(event, ['2019-04-09']);
});
