import type { ClaimDraft } from '../../src/domain/claim.js';
import type { CountRange } from '../../src/domain/range.js';
import type { ReportInput } from '../../src/domain/report.js';
import type { GoldClaim, GoldIncident, GoldReport, PredictedClaim } from '../../src/eval/gold.js';
import { type EvalResult, scoreCorpus } from '../../src/eval/score.js';
import type { Extractor } from '../../src/extract/types.js';
import { predictedFromClaim, reportInputFromGold } from '../../src/services/evaluate.js';
import { ingestReport } from '../../src/services/ingest.js';
import type { Store } from '../../src/store/database.js';
import { claimFromRow } from '../../src/store/rows.js';
import { testDeps } from './fixtures.js';

/**
 * Feeds a corpus' GOLD claims through the real linker, so linking is measured apart from
 * extraction: each report's text maps to its gold claims turned into drafts.
 */
export function goldDraft(c: GoldClaim): ClaimDraft {
  const date =
    typeof c.date === 'string'
      ? { from: c.date, to: c.date, precision: 'day' as const }
      : { from: c.date.from, to: c.date.to, precision: 'interval' as const };
  return {
    date,
    place: {
      name: c.place,
      gazetteerId: null,
      lat: c.lat,
      lon: c.lon,
      admin1: c.admin1,
      country: c.country,
      precision: c.geo_precision,
    },
    belligerents: [...c.belligerents],
    event: c.event,
    target: null,
    civiliansKilled: c.civilians_killed,
    killed: c.killed,
    injured: c.injured,
    children: null,
    women: null,
    hedged: c.hedged,
    strikes: c.strikes ?? null,
    evidence: [],
    confidence: 1,
  };
}

export function goldExtractor(reports: readonly GoldReport[]): Extractor {
  const byText = new Map(reports.map((r) => [r.text, r.gold.claims.map(goldDraft)]));
  return (input) => byText.get(input.text) ?? [];
}

export function reportInput(r: GoldReport): ReportInput {
  return reportInputFromGold(r, 'gold');
}

export interface GoldLinkingRun {
  result: EvalResult;
  /** The incidents as sets of "report-id#claim-ordinal", sorted: comparable across runs. */
  partition: string[][];
  /** Per incident of `partition` (same order), its civilian range. */
  ranges: (CountRange | null)[];
}

/** Ingests the reports in the order given, then scores the store's incidents against the gold. */
export async function runGoldLinking(
  store: Store,
  order: readonly GoldReport[],
  corpus: { reports: readonly GoldReport[]; incidents: readonly GoldIncident[] | null },
): Promise<GoldLinkingRun> {
  const deps = testDeps(store, goldExtractor(corpus.reports));
  for (const r of order) await ingestReport(deps, reportInput(r));
  const rows = await store.db
    .selectFrom('claims')
    .innerJoin('reports', 'reports.id', 'claims.report_id')
    .selectAll('claims')
    .select('reports.external_id as ext')
    .orderBy('claims.id')
    .execute();
  const incidents = await store.db
    .selectFrom('incidents')
    .selectAll()
    .where('deleted_at', 'is', null)
    .execute();
  const range = new Map<string, CountRange | null>(
    incidents.map((i) => [
      i.id,
      i.civ_min === null
        ? null
        : { min: Number(i.civ_min), max: i.civ_max === null ? null : Number(i.civ_max) },
    ]),
  );
  const byReport = new Map<string, PredictedClaim[]>();
  const groups = new Map<string, string[]>();
  for (const { ext, ...row } of rows) {
    const c = claimFromRow(row);
    const list = byReport.get(ext ?? '') ?? [];
    list[c.ordinal] = predictedFromClaim(c);
    byReport.set(ext ?? '', list);
    const g = groups.get(c.incidentId ?? c.id) ?? [];
    g.push(`${ext}#${c.ordinal}`);
    groups.set(c.incidentId ?? c.id, g);
  }
  const keyed = [...groups].map(([id, members]) => ({ id, members: members.sort() }));
  keyed.sort((a, b) => ((a.members[0] ?? '') < (b.members[0] ?? '') ? -1 : 1));
  const result = scoreCorpus(corpus.reports, byReport, corpus.incidents, range);
  return {
    result,
    partition: keyed.map((k) => k.members),
    ranges: keyed.map((k) => range.get(k.id) ?? null),
  };
}

/** The store's incidents as sorted sets of "origin#ordinal" with their civilian ranges. */
export async function incidentsOf(store: Store): Promise<string[]> {
  const rows = await store.db
    .selectFrom('claims')
    .innerJoin('reports', 'reports.id', 'claims.report_id')
    .innerJoin('incidents', 'incidents.id', 'claims.incident_id')
    .select([
      'reports.external_id',
      'claims.ordinal',
      'incidents.id',
      'incidents.civ_min',
      'incidents.civ_max',
    ])
    .where('incidents.deleted_at', 'is', null)
    .execute();
  const groups = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.id}|${r.civ_min}..${r.civ_max}`;
    groups.set(key, [...(groups.get(key) ?? []), `${r.external_id}#${r.ordinal}`]);
  }
  return [...groups].map(([k, m]) => `${m.sort().join(' ')} => ${k.split('|')[1]}`).sort();
}
