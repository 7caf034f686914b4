import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../test/support/random.js';
import {
  agglomerate,
  type ClusterItem,
  type Clustering,
  type ClusterOptions,
  clusterClaims,
  type Suggestion,
} from './cluster.js';
import { AUTO_LINK_THRESHOLD, SUGGEST_THRESHOLD } from './pair-score.js';

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

/**
 * The plain definition, clustering the whole neighbourhood at once (cubic in its size) with the
 * same merge step: the component-wise implementation must give exactly what this gives.
 */
function referenceClustering<T extends ClusterItem>(
  input: readonly T[],
  score: (a: T, b: T) => number | null,
  options: ClusterOptions = {},
): Clustering {
  const auto = options.autoThreshold ?? AUTO_LINK_THRESHOLD;
  const suggest = options.suggestThreshold ?? SUGGEST_THRESHOLD;
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  const items = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = items.length;
  const pair = new Float64Array(n * n);
  const impossible = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = items[i] as T;
      const b = items[j] as T;
      const s = a.reportId === b.reportId ? null : score(a, b);
      if (s === null) {
        impossible[i * n + j] = 1;
        impossible[j * n + i] = 1;
      } else {
        pair[i * n + j] = s;
        pair[j * n + i] = s;
      }
    }
  }

  const groups = agglomerate(n, pair, impossible, (i) => (items[i] as T).fixed, auto);
  const clusters = groups.map((m) =>
    m
      .slice()
      .sort((x, y) => x - y)
      .map((i) => (items[i] as T).id),
  );
  const clusterOf = new Int32Array(n);
  groups.forEach((m, k) => {
    for (const i of m) clusterOf[i] = k;
  });

  const linkScore = new Map<string, number | null>();
  const suggestions: Suggestion[] = [];
  for (let i = 0; i < n; i++) {
    const own = groups[clusterOf[i] as number] as number[];
    const others = own.filter((j) => j !== i);
    linkScore.set(
      (items[i] as T).id,
      others.length === 0
        ? null
        : round(others.reduce((t, j) => t + (pair[i * n + j] as number), 0) / others.length),
    );
    let bestSuggestion: Suggestion | null = null;
    groups.forEach((m, k) => {
      if (k === clusterOf[i]) return;
      let plausible = false;
      let total = 0;
      for (const j of m) {
        if ((items[j] as T).reportId === (items[i] as T).reportId) return;
        if (!impossible[i * n + j]) plausible = true;
        total += pair[i * n + j] as number;
      }
      const avg = round(total / m.length);
      if (plausible && avg >= suggest && (bestSuggestion === null || avg > bestSuggestion.score))
        bestSuggestion = { itemId: (items[i] as T).id, cluster: k, score: avg };
    });
    if (bestSuggestion) suggestions.push(bestSuggestion);
  }
  return { clusters, linkScore, suggestions };
}

test('clustering component by component gives exactly what clustering the whole neighbourhood gives', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const rnd = seededRandom(seed);
    const n = 2 + Math.floor(rnd() * 28);
    const items = Array.from({ length: n }, (_, i) =>
      item(
        `c${String(i).padStart(2, '0')}`,
        `r${Math.floor(rnd() * n * 0.8)}`,
        rnd() < 0.15 ? `I${Math.floor(rnd() * 3)}` : null,
      ),
    );
    const table: Record<string, number | null> = {};
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const r = rnd();
        // Mostly impossible pairs, some weak, some strong, and exact ties at the thresholds.
        table[[items[i]?.id, items[j]?.id].sort().join('-')] =
          r < 0.5
            ? null
            : r < 0.6
              ? AUTO_LINK_THRESHOLD
              : r < 0.65
                ? SUGGEST_THRESHOLD
                : Math.round(rnd() * 20) / 20;
      }
    const score = scorer(table);
    assert.deepEqual(clusterClaims(items, score), referenceClustering(items, score), `seed ${seed}`);
  }
});
