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
 *
 * A merge needs a mean of at least the threshold, so at least one cross pair at or above it: every
 * cluster therefore lies inside one component of the graph of such pairs (analyst-fixed groups
 * joined), and merges in one component never change the means in another. Each component is
 * clustered on its own, which gives the same result as clustering them all at once at the cost of
 * the components' sizes cubed rather than the whole neighbourhood's.
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
  // Plausible pairs only (a pair absent from both maps is impossible): neighbourhoods are sparse.
  const pairs: Map<number, number>[] = items.map(() => new Map());
  const components = new DisjointSets(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = items[i] as T;
      const b = items[j] as T;
      const s = a.reportId === b.reportId ? null : score(a, b);
      if (s === null) continue;
      (pairs[i] as Map<number, number>).set(j, s);
      (pairs[j] as Map<number, number>).set(i, s);
      if (s >= auto) components.union(i, j);
    }
  }
  const firstOfFixed = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const f = (items[i] as T).fixed;
    if (f === null) continue;
    const first = firstOfFixed.get(f);
    if (first === undefined) firstOfFixed.set(f, i);
    else components.union(first, i);
  }
  const byComponent = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = components.find(i);
    const list = byComponent.get(root);
    if (list) list.push(i);
    else byComponent.set(root, [i]);
  }
  const pairScoreOf = (i: number, j: number): number => (pairs[i] as Map<number, number>).get(j) ?? 0;

  // Each cluster as its members in merge order (the order its sums were taken in), by first member.
  const groups: number[][] = [];
  for (const component of byComponent.values()) groups.push(...mergeComponent(component, items, pairs, auto));
  groups.sort((x, y) => (x[0] as number) - (y[0] as number));

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
  const reportsOf = groups.map((m) => new Set(m.map((i) => (items[i] as T).reportId)));

  const linkScore = new Map<string, number | null>();
  const suggestions: Suggestion[] = [];
  for (let i = 0; i < n; i++) {
    const own = groups[clusterOf[i] as number] as number[];
    const others = own.filter((j) => j !== i);
    linkScore.set(
      (items[i] as T).id,
      others.length === 0 ? null : round(others.reduce((t, j) => t + pairScoreOf(i, j), 0) / others.length),
    );
    // Only clusters holding a plausible partner can be suggested; visited in cluster order so ties
    // go to the first, as a walk over every cluster would.
    const candidates = [
      ...new Set([...(pairs[i] as Map<number, number>).keys()].map((j) => clusterOf[j] as number)),
    ]
      .filter((k) => k !== clusterOf[i] && !(reportsOf[k] as Set<string>).has((items[i] as T).reportId))
      .sort((x, y) => x - y);
    let bestSuggestion: Suggestion | null = null;
    for (const k of candidates) {
      const m = groups[k] as number[];
      let total = 0;
      for (const j of m) total += pairScoreOf(i, j);
      const avg = round(total / m.length);
      if (avg >= suggest && (bestSuggestion === null || avg > bestSuggestion.score))
        bestSuggestion = { itemId: (items[i] as T).id, cluster: k, score: avg };
    }
    if (bestSuggestion) suggestions.push(bestSuggestion);
  }
  return { clusters, linkScore, suggestions };
}

/**
 * Best-first average-linkage merging within one component (`component` ascending indices into
 * `items`). Returns its clusters as member lists in merge order.
 */
function mergeComponent<T extends ClusterItem>(
  component: readonly number[],
  items: readonly T[],
  pairs: readonly Map<number, number>[],
  auto: number,
): number[][] {
  const n = component.length;
  if (n === 1) return [[component[0] as number]];
  const global = (local: number): number => component[local] as number;
  const pair = new Float64Array(n * n);
  const impossible = new Uint8Array(n * n).fill(1);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const s = (pairs[global(i)] as Map<number, number>).get(global(j));
      if (s === undefined) continue;
      pair[i * n + j] = s;
      impossible[i * n + j] = 0;
    }

  return agglomerate(n, pair, impossible, (i) => (items[global(i)] as T).fixed, auto).map((m) =>
    m.map(global),
  );
}

/**
 * The merge step over dense score matrices (`pair[i * n + j]`, `impossible[i * n + j]`): best-first
 * average linkage with cannot-links, ties to the smallest indices. Members of one fixed group start
 * as one cluster. Returns the clusters as member lists in merge order, by first member.
 */
export function agglomerate(
  n: number,
  pair: Float64Array,
  impossible: Uint8Array,
  fixed: (i: number) => string | null,
  auto: number,
): number[][] {
  // Cluster slots: a slot is named by the index of its first member and lives while `members` is set.
  const members: (number[] | null)[] = Array.from({ length: n }, () => null);
  const fixedOf: (string | null)[] = Array.from({ length: n }, () => null);
  const slotOfFixed = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const f = fixed(i);
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
  return live().map((slot) => members[slot] as number[]);
}

/** Union–find with path halving: components of the pairs that could merge. */
class DisjointSets {
  private readonly parent: Int32Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }

  find(i: number): number {
    let x = i;
    while (this.parent[x] !== x) {
      const up = this.parent[this.parent[x] as number] as number;
      this.parent[x] = up;
      x = up;
    }
    return x;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
