/** A share with its parts kept, so a table can show "12/16" beside 0.750. */
export interface Ratio {
  correct: number;
  total: number;
  /** correct / total; 0 when total is 0. */
  value: number;
}

export interface Detection {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface BCubed {
  /** Matched claims the figures are computed over. */
  items: number;
  precision: number;
  recall: number;
  f1: number;
}

const share = (num: number, den: number): number => (den === 0 ? 0 : num / den);

export function f1(precision: number, recall: number): number {
  return share(2 * precision * recall, precision + recall);
}

export function ratio(correct: number, total: number): Ratio {
  return { correct, total, value: share(correct, total) };
}

export function detection(tp: number, fp: number, fn: number): Detection {
  const precision = share(tp, tp + fp);
  const recall = share(tp, tp + fn);
  return { tp, fp, fn, precision, recall, f1: f1(precision, recall) };
}

/**
 * B-cubed over items each carrying a gold and a predicted cluster key: per
 * item, the share of its predicted cluster that shares its gold cluster
 * (precision) and the share of its gold cluster that shares its predicted
 * cluster (recall), averaged over items.
 */
export function bcubed(items: ReadonlyArray<{ gold: string; predicted: string }>): BCubed {
  if (items.length === 0) return { items: 0, precision: 0, recall: 0, f1: 0 };
  const tally = (keys: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const goldSize = tally(items.map((i) => i.gold));
  const predSize = tally(items.map((i) => i.predicted));
  // JSON keeps the pair unambiguous whatever characters the ids contain.
  const both = tally(items.map((i) => JSON.stringify([i.gold, i.predicted])));
  let p = 0;
  let r = 0;
  for (const i of items) {
    const overlap = both.get(JSON.stringify([i.gold, i.predicted])) ?? 0;
    p += overlap / (predSize.get(i.predicted) ?? 1);
    r += overlap / (goldSize.get(i.gold) ?? 1);
  }
  const precision = p / items.length;
  const recall = r / items.length;
  return { items: items.length, precision, recall, f1: f1(precision, recall) };
}
