/**
 * Runs a geoparser over a geoparsing corpus in one of the two settings the corpus
 * README defines, and scores it. Pure given the geoparser.
 */
import type { Geoparser } from '../gazetteer/types.js';
import type { GeoCorpus, GoldToponym } from './geo-corpus.js';
import {
  errorKm,
  matchSpans,
  type ResolutionScores,
  type SpanScores,
  scoreErrors,
  spanScores,
} from './geo-score.js';

export type GeoEvalMode = 'resolution' | 'end-to-end';

export interface GeoEvalResult {
  mode: GeoEvalMode;
  documents: number;
  resolution: ResolutionScores;
  /** End-to-end only: exact-offset span detection. */
  spans: SpanScores | null;
  /** Gold toponyms with coordinates that got no prediction at all. */
  unresolved: number;
}

function located(t: GoldToponym): t is GoldToponym & { lat: number; lon: number } {
  return t.lat !== null && t.lon !== null;
}

/** GWN annotates non-place expressions too ("church", "citizens"); only its located names are place-name gold. */
function spanGold(corpus: GeoCorpus, toponyms: GoldToponym[]): GoldToponym[] {
  return corpus.format === 'gwn' ? toponyms.filter(located) : toponyms;
}

export function evaluateGeoparser(parser: Geoparser, corpus: GeoCorpus, mode: GeoEvalMode): GeoEvalResult {
  const errors: number[] = [];
  let unresolved = 0;
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  for (const doc of corpus.documents) {
    if (mode === 'resolution') {
      const targets = doc.toponyms.filter(located);
      const mentions = parser.resolve(doc.text, targets);
      targets.forEach((t, i) => {
        const m = mentions[i];
        if (!m || m.lat === null) unresolved++;
        errors.push(errorKm(t, m ?? null));
      });
      continue;
    }
    const goldSpans = spanGold(corpus, doc.toponyms);
    const mentions = parser.parse(doc.text, { demonyms: true });
    const match = matchSpans(goldSpans, mentions);
    gold += goldSpans.length;
    predicted += mentions.length;
    goldSpans.forEach((t, i) => {
      const k = match[i] ?? -1;
      if (k < 0) return;
      matched++;
      if (located(t)) errors.push(errorKm(t, mentions[k] ?? null));
    });
  }
  return {
    mode,
    documents: corpus.documents.length,
    resolution: scoreErrors(errors),
    spans: mode === 'end-to-end' ? spanScores(gold, predicted, matched) : null,
    unresolved,
  };
}
