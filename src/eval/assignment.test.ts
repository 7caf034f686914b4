import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minCostAssignment } from './assignment.js';

function total(cost: number[][], a: number[]): number {
  return a.reduce((s, j, i) => s + (j >= 0 ? (cost[i]?.[j] ?? 0) : 0), 0);
}

test('minCostAssignment finds the optimum where greedy does not', () => {
  // Greedy takes (0,0)=1 and is left with (1,1)=100; the optimum is 2+3.
  const cost = [
    [1, 2],
    [3, 100],
  ];
  const a = minCostAssignment(cost);
  assert.deepEqual(a, [1, 0]);
  assert.equal(total(cost, a), 5);
});

test('minCostAssignment matches brute force on a 4x4 matrix', () => {
  const cost = [
    [9, 2, 7, 8],
    [6, 4, 3, 7],
    [5, 8, 1, 8],
    [7, 6, 9, 4],
  ];
  assert.equal(total(cost, minCostAssignment(cost)), 13);
});

test('minCostAssignment handles more rows than columns and empty input', () => {
  const cost = [[5], [1], [3]];
  assert.deepEqual(minCostAssignment(cost), [-1, 0, -1]);
  assert.deepEqual(minCostAssignment([[4, 1, 2]]), [1]);
  assert.deepEqual(minCostAssignment([]), []);
  assert.deepEqual(minCostAssignment([[], []]), [-1, -1]);
});
