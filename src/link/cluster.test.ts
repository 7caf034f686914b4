import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ClusterItem, clusterClaims } from './cluster.js';

/** Scores from a table, so each test states exactly which pairs look alike. */
function scorer(table: Record<string, number | null>): (a: ClusterItem, b: ClusterItem) => number | null {
  return (a, b) => {
    const key = [a.id, b.id].sort().join('-');
    return key in table ? (table[key] as number | null) : null;
  };
}

const item = (id: string, reportId = `r${id}`, fixed: string | null = null): ClusterItem => ({
  id,
  reportId,
  fixed,
});

test('strong pairs join; the result is the same for every input order', () => {
  const items = ['a', 'b', 'c', 'd', 'e'].map((id) => item(id));
  const score = scorer({ 'a-b': 0.9, 'b-c': 0.8, 'a-c': 0.7, 'd-e': 0.6, 'c-d': 0.4 });
  const expected = clusterClaims(items, score);
  assert.deepEqual(expected.clusters, [
    ['a', 'b', 'c'],
    ['d', 'e'],
  ]);
  for (const order of [
    [4, 3, 2, 1, 0],
    [2, 0, 4, 1, 3],
    [1, 4, 0, 3, 2],
  ]) {
    const shuffled = order.map((i) => items[i] as ClusterItem);
    assert.deepEqual(clusterClaims(shuffled, score), expected);
  }
});

test('one impossible pair keeps two clusters apart however strong the rest (no chaining)', () => {
  const items = ['a', 'b', 'c'].map((id) => item(id));
  const { clusters } = clusterClaims(items, scorer({ 'a-b': 0.95, 'b-c': 0.95, 'a-c': null }));
  assert.deepEqual(clusters, [['a', 'b'], ['c']]);
});

test('claims of one report never join, and each finds its own counterpart', () => {
  // Report 1 names two events; report 2 names both again.
  const items = [item('j1', 'r1'), item('t1', 'r1'), item('j2', 'r2'), item('t2', 'r2')];
  const { clusters } = clusterClaims(
    items,
    scorer({ 'j1-j2': 0.9, 't1-t2': 0.9, 'j1-t2': 0.6, 'j2-t1': 0.6 }),
  );
  assert.deepEqual(clusters, [
    ['j1', 'j2'],
    ['t1', 't2'],
  ]);
});

test('two analyst-fixed groups never merge; a free claim may join one', () => {
  const items = [item('a', 'ra', 'I1'), item('b', 'rb', 'I2'), item('c')];
  const { clusters, suggestions } = clusterClaims(items, scorer({ 'a-b': 0.99, 'a-c': 0.9, 'b-c': 0.5 }));
  assert.deepEqual(clusters, [['a', 'c'], ['b']]);
  // b looks like the other group, so an analyst is asked.
  assert.deepEqual(
    suggestions.find((s) => s.itemId === 'b'),
    { itemId: 'b', cluster: 0, score: 0.745 },
  );
});

test('a plausible but weak pair becomes a suggestion, with the link scores recorded', () => {
  const items = [item('a'), item('b'), item('c')];
  const out = clusterClaims(items, scorer({ 'a-b': 0.8, 'b-c': 0.4, 'a-c': 0.35 }));
  assert.deepEqual(out.clusters, [['a', 'b'], ['c']]);
  assert.equal(out.linkScore.get('a'), 0.8);
  assert.equal(out.linkScore.get('c'), null);
  assert.deepEqual(
    out.suggestions.find((s) => s.itemId === 'c'),
    { itemId: 'c', cluster: 0, score: 0.375 },
  );
});
