import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdHeapSteady } from './heap-growth.js';

test('the heap is held steady from the first holder until the last lets go, once each', () => {
  const set: string[] = [];
  const record = (flags: string) => set.push(flags);
  const first = holdHeapSteady(record);
  const second = holdHeapSteady(record);
  assert.deepEqual(set, ['--heap-growing-percent=100']);
  first();
  first();
  assert.deepEqual(set, ['--heap-growing-percent=100'], 'a second release by the same holder counts once');
  second();
  assert.deepEqual(set, ['--heap-growing-percent=100', '--heap-growing-percent=0']);
  holdHeapSteady(record)();
  assert.deepEqual(set.slice(2), ['--heap-growing-percent=100', '--heap-growing-percent=0']);
});
