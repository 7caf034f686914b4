import assert from 'node:assert/strict';
import { test } from 'node:test';
import { remembered } from './remembered.js';

test('remembered works each key out once, null answers included', () => {
  const calls: string[] = [];
  const f = remembered((k: string) => {
    calls.push(k);
    return k === 'none' ? null : k.length;
  });
  assert.equal(f('abc'), 3);
  assert.equal(f('abc'), 3);
  assert.equal(f('none'), null);
  assert.equal(f('none'), null);
  assert.deepEqual(calls, ['abc', 'none']);
});

test('remembered forgets everything once full, and still answers', () => {
  let calls = 0;
  const f = remembered((k: string) => {
    calls++;
    return k.toUpperCase();
  }, 2);
  f('a');
  f('b');
  f('c'); // full: forgets a and b
  assert.equal(f('a'), 'A');
  assert.equal(calls, 4);
});
