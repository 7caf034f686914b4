import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bcubed, detection, ratio } from './metrics.js';

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test('B-cubed on a hand-computed example', () => {
  // gold A={1,2,3,4}, B={5}; predicted X={1,2}, Y={3,4,5}.
  // P per item: 1, 1, 2/3, 2/3, 1/3 -> 11/15.  R per item: 1/2, 1/2, 1/2, 1/2, 1 -> 3/5.
  const items = [
    { gold: 'A', predicted: 'X' },
    { gold: 'A', predicted: 'X' },
    { gold: 'A', predicted: 'Y' },
    { gold: 'A', predicted: 'Y' },
    { gold: 'B', predicted: 'Y' },
  ];
  const b = bcubed(items);
  assert.equal(b.items, 5);
  close(b.precision, 11 / 15);
  close(b.recall, 3 / 5);
  close(b.f1, 0.66);
});

test('B-cubed: one cluster per item gives full precision, all in one gives full recall', () => {
  const gold = ['A', 'A', 'B'];
  const singletons = bcubed(gold.map((g, i) => ({ gold: g, predicted: `p${i}` })));
  close(singletons.precision, 1);
  close(singletons.recall, (1 / 2 + 1 / 2 + 1) / 3);
  const lumped = bcubed(gold.map((g) => ({ gold: g, predicted: 'all' })));
  close(lumped.recall, 1);
  close(lumped.precision, (2 / 3 + 2 / 3 + 1 / 3) / 3);
  assert.deepEqual(bcubed([]), { items: 0, precision: 0, recall: 0, f1: 0 });
});

test('detection and ratio give 0 rather than NaN on empty denominators', () => {
  const d = detection(3, 1, 2);
  close(d.precision, 0.75);
  close(d.recall, 0.6);
  close(d.f1, (2 * 0.75 * 0.6) / 1.35);
  assert.deepEqual(detection(0, 0, 0), { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 });
  assert.deepEqual(ratio(0, 0), { correct: 0, total: 0, value: 0 });
});
