import { AUTO_LINK_THRESHOLD, SUGGEST_THRESHOLD } from './pair-score.js';

export interface ClusterItem {
  /** Stable across arrival orders (claim ids derive from report content). */
  id: string;
  /** Claims of one report are distinct events by construction: never put together. */
  reportId: string;
  /** Key of a group an analyst fixed (a reviewed incident, a pinned claim's incident); null when free. */
  fixed: string | null;
}

export interface Suggestion {
  itemId: string;
  /** Index into `clusters`. */
  cluster: number;
  score: number;
}

export interface Clustering {
  /** Each sorted by id; clusters sorted by their first id. */
  clusters: string[][];
  /** Per item, its average score to the rest of its cluster; null when alone. */
  linkScore: Map<string, number | null>;
  /** Per item at most one: the best other cluster it plausibly belongs to, below the automatic threshold. */
  suggestions: Suggestion[];
}

export interface ClusterOptions {
  autoThreshold?: number;
  suggestThreshold?: number;
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Deterministic average-linkage clustering with cannot-links. Two clusters merge when the mean
 * score over all their cross pairs reaches the threshold and no cross pair is impossible (scored
 * null, same report, or two different analyst-fixed groups): complete linkage on plausibility,
 * so a chain of near neighbours never strings distant events together. The best merge goes first,
 * ties to the smallest ids, and the input is sorted first, so the result depends only on the set
 * of items and their scores, never on the order they arrived in.
 */
export function clusterClaims<T extends ClusterItem>(
  input: readonly T[],
  score: (a: T, b: T) => number | null,
  options: ClusterOptions = {},
): Clustering {
  const auto = options.autoThreshold ?? AUTO_LINK_THRESHOLD;
  const suggest = options.suggestThreshold ?? SUGGEST_THRESHOLD;
  const items = [...input].sort(byId);
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

  // Cluster slots: a slot is named by the index of its first member and lives while `members` is set.
  const members: (number[] | null)[] = items.map(() => null);
  const fixedOf: (string | null)[] = items.map(() => null);
  const slotOfFixed = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const f = (items[i] as T).fixed;
    const slot = f === null ? undefined : slotOfFixed.get(f);
    if (slot === undefined) {
      members[i] = [i];
      fixedOf[i] = f;
      if (f !== null) slotOfFixed.set(f, i);
    } else (members[slot] as number[]).push(i);
  }
  const sum = new Float64Array(n * n);
  const blocked = new Uint8Array(n * n);
  const live = (): number[] => members.flatMap((m, i) => (m ? [i] : []));
  for (const a of live())
    for (const b of live()) {
      if (a >= b) continue;
      let s = 0;
      let block = fixedOf[a] !== null && fixedOf[b] !== null ? 1 : 0;
      for (const i of members[a] as number[])
        for (const j of members[b] as number[]) {
          s += pair[i * n + j] as number;
          if (impossible[i * n + j]) block = 1;
        }
      sum[a * n + b] = sum[b * n + a] = s;
      blocked[a * n + b] = blocked[b * n + a] = block;
    }

  for (;;) {
    const slots = live();
    let best: { a: number; b: number; avg: number } | null = null;
    for (const a of slots)
      for (const b of slots) {
        if (a >= b || blocked[a * n + b]) continue;
        const avg =
          (sum[a * n + b] as number) / ((members[a] as number[]).length * (members[b] as number[]).length);
        // Slots are visited in id order, so on a tie the first pair found is the one with the smallest ids.
        if (avg >= auto && (best === null || avg > best.avg + 1e-12)) best = { a, b, avg };
      }
    if (!best) break;
    const { a, b } = best;
    (members[a] as number[]).push(...(members[b] as number[]));
    members[b] = null;
    fixedOf[a] = fixedOf[a] ?? fixedOf[b] ?? null;
    for (const c of live()) {
      if (c === a) continue;
      const s = (sum[a * n + c] as number) + (sum[b * n + c] as number);
      sum[a * n + c] = sum[c * n + a] = s;
      const block = blocked[a * n + c] || blocked[b * n + c] ? 1 : 0;
      blocked[a * n + c] = blocked[c * n + a] = block;
    }
  }

  const finalSlots = live();
  const clusters = finalSlots.map((s) =>
    (members[s] as number[])
      .slice()
      .sort((x, y) => x - y)
      .map((i) => (items[i] as T).id),
  );
  const clusterOf = new Int32Array(n);
  finalSlots.forEach((s, k) => {
    for (const i of members[s] as number[]) clusterOf[i] = k;
  });

  const linkScore = new Map<string, number | null>();
  const suggestions: Suggestion[] = [];
  for (let i = 0; i < n; i++) {
    const own = members[finalSlots[clusterOf[i] as number] as number] as number[];
    const others = own.filter((j) => j !== i);
    linkScore.set(
      (items[i] as T).id,
      others.length === 0
        ? null
        : round(others.reduce((t, j) => t + (pair[i * n + j] as number), 0) / others.length),
    );
    let bestSuggestion: Suggestion | null = null;
    finalSlots.forEach((slot, k) => {
      if (k === clusterOf[i]) return;
      const m = members[slot] as number[];
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

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
