import { type CountRange, rangesEqual } from '../domain/range.js';
import {
  COUNT_FIELDS,
  type GoldClaim,
  type GoldIncident,
  type GoldReport,
  type PredictedClaim,
} from './gold.js';
import { matchClaims } from './match.js';
import { type BCubed, bcubed, type Detection, detection, type Ratio, ratio } from './metrics.js';

export const ATTRIBUTES = ['event', 'belligerents', 'hedged', ...COUNT_FIELDS] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** One matched pair, kept for error analysis. */
export interface MatchedPair {
  reportId: string;
  goldIndex: number;
  predIndex: number;
  distanceKm: number;
  goldIncident: string;
  predictedIncident: string;
}

export interface IncidentRangeResult {
  incident: string;
  gold: CountRange | null;
  /** The predicted incident holding most of this incident's matched claims; null if none matched. */
  predictedIncident: string | null;
  predicted: CountRange | null;
  correct: boolean;
}

export interface LanguageResult {
  language: string;
  reports: number;
  detection: Detection;
  casualtyExact: Ratio;
}

export interface EvalResult {
  reports: number;
  detection: Detection;
  /** Accuracy of each attribute over matched pairs. */
  attributes: Record<Attribute, Ratio>;
  casualtyExact: Ratio;
  bcubed: BCubed;
  /** Null when no incidents file was given. */
  incidentRanges: { accuracy: Ratio; incidents: IncidentRangeResult[] } | null;
  /** Sorted by language code. */
  languages: LanguageResult[];
  matches: MatchedPair[];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

function attributeCorrect(attr: Attribute, gold: GoldClaim, pred: PredictedClaim): boolean {
  switch (attr) {
    case 'event':
      return gold.event === pred.event;
    case 'belligerents':
      return sameSet(gold.belligerents, pred.belligerents);
    case 'hedged':
      return gold.hedged === pred.hedged;
    default:
      return rangesEqual(gold[attr], pred[attr]);
  }
}

const hasCount = (c: GoldClaim): boolean => COUNT_FIELDS.some((f) => c[f] !== null);

/** Every count field equal, nulls included: a toll the gold lacks is as wrong as one it misses. */
const countsExact = (gold: GoldClaim, pred: PredictedClaim): boolean =>
  COUNT_FIELDS.every((f) => rangesEqual(gold[f], pred[f]));

class Tally {
  tp = 0;
  fp = 0;
  fn = 0;
  countBearing = 0;
  countExact = 0;
  reports = 0;
}

/** The id that occurs most often; ties go to the smallest id so results do not depend on input order. */
function mostCommon(ids: readonly string[]): string | null {
  const n = new Map<string, number>();
  for (const id of ids) n.set(id, (n.get(id) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  for (const [id, k] of n) {
    if (k > bestN || (k === bestN && best !== null && id < best)) {
      best = id;
      bestN = k;
    }
  }
  return best;
}

function scoreIncidentRanges(
  incidents: readonly GoldIncident[],
  matches: readonly MatchedPair[],
  predictedIncidentRanges: ReadonlyMap<string, CountRange | null>,
): EvalResult['incidentRanges'] {
  const results = incidents.map((gi): IncidentRangeResult => {
    const held = matches.filter((m) => m.goldIncident === gi.incident).map((m) => m.predictedIncident);
    const predictedIncident = mostCommon(held);
    if (predictedIncident === null) {
      return {
        incident: gi.incident,
        gold: gi.civilians_killed,
        predictedIncident,
        predicted: null,
        correct: false,
      };
    }
    if (!predictedIncidentRanges.has(predictedIncident)) {
      throw new Error(`predictedIncidentRanges has no entry for predicted incident "${predictedIncident}"`);
    }
    const predicted = predictedIncidentRanges.get(predictedIncident) ?? null;
    const correct = rangesEqual(gi.civilians_killed, predicted);
    return { incident: gi.incident, gold: gi.civilians_killed, predictedIncident, predicted, correct };
  });
  return { accuracy: ratio(results.filter((r) => r.correct).length, results.length), incidents: results };
}

/**
 * Scores predictions against a gold corpus by the rules of
 * ../shared/eval/README.md. `predictions` maps report id to that report's
 * predicted claims (a report absent from the map predicted nothing);
 * `predictedIncidentRanges` gives the civilian range of each predicted
 * incident, as the system under test computes it.
 */
export function scoreCorpus(
  reports: readonly GoldReport[],
  predictions: ReadonlyMap<string, readonly PredictedClaim[]>,
  incidents: readonly GoldIncident[] | null,
  predictedIncidentRanges: ReadonlyMap<string, CountRange | null> = new Map(),
): EvalResult {
  const known = new Set(reports.map((r) => r.id));
  const unknown = [...predictions.keys()].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(`predictions for reports not in the corpus: ${unknown.slice(0, 5).join(', ')}`);
  }

  const overall = new Tally();
  const byLanguage = new Map<string, Tally>();
  const attrCorrect = Object.fromEntries(ATTRIBUTES.map((a) => [a, 0])) as Record<Attribute, number>;
  const matches: MatchedPair[] = [];

  for (const report of reports) {
    const gold = report.gold.claims;
    const predicted = predictions.get(report.id) ?? [];
    const pairs = matchClaims(gold, predicted);
    let lang = byLanguage.get(report.language);
    if (!lang) {
      lang = new Tally();
      byLanguage.set(report.language, lang);
    }
    const exactCounts = pairs.filter((m) => {
      const g = gold[m.goldIndex] as GoldClaim;
      return hasCount(g) && countsExact(g, predicted[m.predIndex] as PredictedClaim);
    }).length;
    for (const t of [overall, lang]) {
      t.reports++;
      t.tp += pairs.length;
      t.fp += predicted.length - pairs.length;
      t.fn += gold.length - pairs.length;
      t.countBearing += gold.filter(hasCount).length;
      t.countExact += exactCounts;
    }
    for (const m of pairs) {
      // Indices come from matchClaims over these very arrays.
      const g = gold[m.goldIndex] as GoldClaim;
      const p = predicted[m.predIndex] as PredictedClaim;
      for (const a of ATTRIBUTES) if (attributeCorrect(a, g, p)) attrCorrect[a]++;
      matches.push({ reportId: report.id, ...m, goldIncident: g.incident, predictedIncident: p.incident });
    }
  }

  const attributes = Object.fromEntries(
    ATTRIBUTES.map((a) => [a, ratio(attrCorrect[a], matches.length)]),
  ) as Record<Attribute, Ratio>;

  return {
    reports: reports.length,
    detection: detection(overall.tp, overall.fp, overall.fn),
    attributes,
    casualtyExact: ratio(overall.countExact, overall.countBearing),
    bcubed: bcubed(matches.map((m) => ({ gold: m.goldIncident, predicted: m.predictedIncident }))),
    incidentRanges:
      incidents === null ? null : scoreIncidentRanges(incidents, matches, predictedIncidentRanges),
    languages: [...byLanguage.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([language, t]) => ({
        language,
        reports: t.reports,
        detection: detection(t.tp, t.fp, t.fn),
        casualtyExact: ratio(t.countExact, t.countBearing),
      })),
    matches,
  };
}
