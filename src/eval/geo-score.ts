/**
 * Geoparsing metrics exactly as ../shared/data/geoparsing/README.md defines them, so
 * figures compare with published tables (CamCoder's AUC). Pure.
 */

/** Error charged to a toponym left unresolved: half the Earth's circumference, as in CamCoder. */
export const MAX_ERROR_KM = 20039;

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(Math.min(1, a)));
}

export interface ResolutionScores {
  n: number;
  /** Share (0..1) of errors within 161 km. */
  acc161: number;
  /** Area under the sorted log-error curve, 0 (perfect) to 1. */
  auc: number;
  meanKm: number;
  medianKm: number;
}

/** Error of one prediction: the distance, or MAX_ERROR_KM when there is none. */
export function errorKm(
  gold: { lat: number; lon: number },
  predicted: { lat: number | null; lon: number | null } | null,
): number {
  if (!predicted || predicted.lat === null || predicted.lon === null) return MAX_ERROR_KM;
  return Math.min(MAX_ERROR_KM, distanceKm(gold.lat, gold.lon, predicted.lat, predicted.lon));
}

export function scoreErrors(errors: number[]): ResolutionScores {
  const n = errors.length;
  if (n === 0) return { n, acc161: 0, auc: 0, meanKm: 0, medianKm: 0 };
  const sorted = [...errors].sort((a, b) => a - b);
  const within = sorted.filter((e) => e <= 161).length;
  // numpy.trapz with unit spacing over log(error + 1), normalised by log(MAX) * (n - 1).
  let area = 0;
  for (let i = 0; i + 1 < n; i++)
    area += (Math.log((sorted[i] ?? 0) + 1) + Math.log((sorted[i + 1] ?? 0) + 1)) / 2;
  const auc =
    n > 1
      ? area / (Math.log(MAX_ERROR_KM) * (n - 1))
      : Math.log((sorted[0] ?? 0) + 1) / Math.log(MAX_ERROR_KM);
  const mid = n >> 1;
  const medianKm = n % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const meanKm = sorted.reduce((s, e) => s + e, 0) / n;
  return { n, acc161: within / n, auc, meanKm, medianKm };
}

export interface Span {
  start: number;
  end: number;
}

export interface SpanScores {
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Exact-offset span matching: returns the index of the matching prediction per gold span (or -1). */
export function matchSpans(gold: Span[], predicted: Span[]): number[] {
  const byKey = new Map<string, number>();
  predicted.forEach((p, i) => {
    const k = `${p.start}:${p.end}`;
    if (!byKey.has(k)) byKey.set(k, i);
  });
  return gold.map((g) => {
    const k = `${g.start}:${g.end}`;
    const i = byKey.get(k);
    if (i === undefined) return -1;
    byKey.delete(k);
    return i;
  });
}

export function spanScores(gold: number, predicted: number, matched: number): SpanScores {
  const precision = predicted > 0 ? matched / predicted : 0;
  const recall = gold > 0 ? matched / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold, predicted, matched, precision, recall, f1 };
}
