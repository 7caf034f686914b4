import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyChunks, copyValue } from './pg-copy.js';

test('COPY text values: NULL is \\N, the four special characters are escaped, a literal "\\N" stays text', () => {
  assert.equal(copyValue(null), '\\N');
  assert.equal(copyValue(12.5), '12.5');
  assert.equal(copyValue('a\tb\nc\rd\\e'), 'a\\tb\\nc\\rd\\\\e');
  assert.equal(copyValue('\\N'), '\\\\N');
  assert.equal(copyValue('قصف "جوي", حلب'), 'قصف "جوي", حلب');
});

test('COPY chunks: one line a row, tab-separated, split only between rows', () => {
  const rows = Array.from({ length: 50 }, (_, i) => [i, `row ${i}`, null]);
  const chunks = [...copyChunks(rows, 100)];
  assert.ok(chunks.length > 1);
  for (const c of chunks) assert.ok(c.endsWith('\n'));
  const lines = chunks.join('').split('\n').slice(0, -1);
  assert.equal(lines.length, 50);
  assert.equal(lines[7], '7\trow 7\t\\N');
});
