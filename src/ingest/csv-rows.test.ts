import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { REPO_ROOT } from '../../test/support/cli.js';
import { type CsvRow, CsvSplitter } from './csv-rows.js';

/** All rows of `text` fed in pieces cut at `cuts`. */
function split(text: string, cuts: number[] = [], maxRowChars?: number): CsvRow[] {
  const s = new CsvSplitter(maxRowChars);
  const rows: CsvRow[] = [];
  let from = 0;
  for (const at of [...cuts, text.length]) {
    rows.push(...s.push(text.slice(from, at)));
    from = at;
  }
  rows.push(...s.end());
  return rows;
}

const cellsOf = (r: CsvRow) => (r.error === undefined ? r.cells : r.error);

const TRICKY =
  '\uFEFFid,name,note\r\n' +
  '1,"Aleppo, city","said ""hello"""\r\n' +
  '\r\n' +
  '2,Idlib,"two\nlines"\n' +
  '3,,""\n' +
  '\n' +
  '4,"x",last';

test('quoted commas, doubled quotes, line breaks in cells, CRLF, a BOM and empty lines, cut anywhere', () => {
  const whole = split(TRICKY);
  assert.deepEqual(whole, [
    { cells: ['id', 'name', 'note'], line: 1 },
    { cells: ['1', 'Aleppo, city', 'said "hello"'], line: 2 },
    { cells: ['2', 'Idlib', 'two\nlines'], line: 4 },
    { cells: ['3', '', ''], line: 6 },
    { cells: ['4', 'x', 'last'], line: 8 },
  ]);
  assert.deepEqual(
    whole.map(cellsOf),
    parse(TRICKY, { bom: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n'] }),
    'the same cells as csv-parse',
  );
  for (let i = 0; i <= TRICKY.length; i++)
    for (const j of [i, i + 1, i + 7])
      assert.deepEqual(split(TRICKY, j > TRICKY.length ? [i] : [i, j]), whole, `cut at ${i} and ${j}`);
});

test('a malformed row is reported with its line and skipped; the rows after it are read', () => {
  const rows = split('a,b\n1,x"y\n2,"ok"\n3,"z"w\n4,"never closed\n5,v\n');
  assert.deepEqual(rows, [
    { cells: ['a', 'b'], line: 1 },
    { error: 'a quote inside an unquoted cell', line: 2 },
    { cells: ['2', 'ok'], line: 3 },
    { error: 'text after the closing quote of a cell', line: 4 },
    {
      error: 'a quoted cell is not closed before the end of the file; read again from the next line',
      line: 5,
    },
    { cells: ['5', 'v'], line: 6 },
  ]);
});

test('a quote left open in a large file costs its row, not the rest of the file, and is found without holding the file', () => {
  const good = Array.from({ length: 200 }, (_, i) => `${i + 3},row ${i + 3}`);
  const text = ['a,b', '1,"open', '2,fine', ...good].join('\n');
  const whole = split(text, [], 100);
  // Fed 7 characters at a time, the splitter gives up on the open row once 100 characters pass.
  const cut = split(
    text,
    Array.from({ length: Math.floor(text.length / 7) }, (_, k) => (k + 1) * 7),
    100,
  );
  for (const rows of [whole, cut]) {
    assert.deepEqual(rows[1], {
      error: 'no row ends within 100 characters (a quote left open?); read again from the next line',
      line: 2,
    });
    assert.deepEqual(rows[2], { cells: ['2', 'fine'], line: 3 });
    assert.equal(rows.length, 203);
    assert.deepEqual(rows.at(-1), { cells: ['202', 'row 202'], line: 203 });
  }
  // A line with no break at all is dropped up to its end, however many chunks it spans.
  const noBreak = split(`a,b\n1,"${'x'.repeat(500)}\n2,after`, [20, 40, 300], 100);
  assert.deepEqual(noBreak.slice(1), [
    {
      error: 'no row ends within 100 characters (a quote left open?); read again from the next line',
      line: 2,
    },
    { cells: ['2', 'after'], line: 3 },
  ]);
});

test('the UCDP sample splits into the same cells as csv-parse gives', () => {
  const text = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'ucdp-ged-syria-sample.csv'), 'utf8');
  const expected = parse(text, { bom: true, skip_empty_lines: true }) as string[][];
  const cuts = Array.from({ length: 40 }, (_, k) => Math.floor(((k + 1) * text.length) / 41) + (k % 7));
  const rows = split(text, cuts);
  assert.deepEqual(rows.map(cellsOf), expected);
  assert.ok(rows.every((r, k) => k === 0 || r.line > (rows[k - 1]?.line ?? 0)));
});

test('a quote left open and closed by chance in a later row costs its own row only', () => {
  // Row 3's quote runs into row 4 and is closed by the quote opening row 4's third cell.
  const text = 'a,b,c\n1,x,y\n2,"open,z\n3,x,"q, r"\n4,x,y\n';
  assert.deepEqual(split(text), [
    { cells: ['a', 'b', 'c'], line: 1 },
    { cells: ['1', 'x', 'y'], line: 2 },
    { error: 'text after the closing quote of a cell; read again from the next line', line: 3 },
    { cells: ['3', 'x', 'q, r'], line: 4 },
    { cells: ['4', 'x', 'y'], line: 5 },
  ]);
  for (let i = 0; i <= text.length; i++) assert.deepEqual(split(text, [i]), split(text), `cut at ${i}`);
});
