import assert from 'node:assert/strict';
import { test } from 'node:test';
import { counted, table } from './output.js';

test('a table aligns its columns under their names, whatever the script, with no trailing blanks', () => {
  const out = table(
    ['code', 'place', 'civilians'],
    [
      ['V-000001', 'Dūmā (SY)', '16'],
      ['V-000012', 'الرقة', null],
    ],
  ).split('\n');
  assert.equal(out.length, 4);
  assert.match(out[0] ?? '', /^code\s+place\s+civilians$/);
  assert.match(out[1] ?? '', /^-+ +-+ +-+$/);
  const column = (line: string, text: string) => line.indexOf(text);
  assert.equal(column(out[2] ?? '', 'Dūmā'), column(out[0] ?? '', 'place'));
  assert.equal(column(out[3] ?? '', 'الرقة'), column(out[0] ?? '', 'place'));
  assert.equal(column(out[2] ?? '', '16'), column(out[0] ?? '', 'civilians'));
  for (const line of out) assert.equal(line, line.trimEnd());
});

test('a table with no rows still names its columns', () => {
  assert.equal(table(['month', 'incidents'], []), 'month  incidents');
});

test('a long listing renders every row', () => {
  const rows = Array.from({ length: 20_000 }, (_, i) => [`V-${i}`, 'Raqqa (SY)']);
  const out = table(['code', 'place'], rows).split('\n');
  assert.equal(out.length, 20_002);
  assert.match(out.at(-1) ?? '', /^V-19999\s+Raqqa \(SY\)$/);
});

test('a count takes its noun in the number it names', () => {
  assert.equal(counted(1, 'claim'), '1 claim');
  assert.equal(counted(0, 'claim'), '0 claims');
  assert.equal(counted(13, 'claim'), '13 claims');
  assert.equal(counted(1, 'entry', 'entries'), '1 entry');
  assert.equal(counted(2, 'entry', 'entries'), '2 entries');
});
