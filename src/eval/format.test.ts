import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatEvalTable } from './format.js';
import { scoreCorpus } from './score.js';
import { gold, pred, report } from './test-fixtures.js';

test('the table ends with the headline line, three decimals, two spaces between fields', () => {
  const r = scoreCorpus(
    [report('r1', [gold({ civilians_killed: { min: 3, max: 3 } }), gold({ date: '2018-07-01' })], 'ar')],
    new Map([['r1', [pred({ civilians_killed: { min: 3, max: 3 } }), pred({ date: '2019-01-01' })]]]),
    [{ incident: 'G1', civilians_killed: { min: 3, max: 3 }, reports: ['r1'] }],
    new Map([['P1', { min: 3, max: 3 }]]),
  );
  const lines = formatEvalTable(r).split('\n');
  assert.equal(lines.at(-1), 'claim-F1 0.500  casualty-exact 1.000  incident-B3-F1 1.000');
  const table = lines.join('\n');
  assert.match(table, /^\s+casualty-exact\s+1\.000 \(1\/1\)$/m);
  assert.match(table, /^\s+ar\s+1\s+0\.500\s+0\.500\s+0\.500\s+1\.000 \(1\/1\)$/m);
  assert.match(table, /^\s+G1\s+3\s+3\s+P1\s+ok$/m);
});

test('without an incidents file the table says so instead of a figure', () => {
  const r = scoreCorpus([report('r1', [])], new Map(), null);
  const text = formatEvalTable(r);
  assert.match(text, /n\/a \(no incidents file\)/);
  assert.equal(text.split('\n').at(-1), 'claim-F1 0.000  casualty-exact 0.000  incident-B3-F1 0.000');
});
