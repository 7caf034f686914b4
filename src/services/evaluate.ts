import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CountRange } from '../domain/range.js';
import type { ReportInput } from '../domain/report.js';
import type { GoldReport, PredictedClaim } from '../eval/gold.js';
import { readCorpus } from '../eval/read-corpus.js';
import { type EvalResult, scoreCorpus } from '../eval/score.js';
import { openSqliteStore } from '../store/database.js';
import { type ClaimView, claimFromRow } from '../store/rows.js';
import { type IngestDeps, ingestReport } from './ingest.js';

export interface EvaluationRun {
  result: EvalResult;
  /** Per report, in corpus order: its predicted claims in the gold shape. */
  predictions: { id: string; claims: PredictedClaim[] }[];
}

/**
 * Runs the whole pipeline (archive, extract, link) on a corpus' reports in a scratch
 * database, then scores what that database holds against the gold.
 */
export async function evaluateCorpus(
  file: string,
  deps: Omit<IngestDeps, 'store'>,
  options: { keepDb?: string } = {},
): Promise<EvaluationRun> {
  const corpus = await readCorpus(file);
  const dir = options.keepDb ? null : mkdtempSync(join(tmpdir(), 'vigil-eval-'));
  const store = await openSqliteStore(options.keepDb ?? join(dir as string, 'eval.db'));
  try {
    const reportIds = new Map<string, string>();
    for (const report of corpus.reports) {
      const outcome = await ingestReport({ ...deps, store }, reportInputFromGold(report, file));
      reportIds.set(report.id, outcome.reportId);
    }
    const claimRows = await store.db
      .selectFrom('claims')
      .selectAll()
      .orderBy('report_id')
      .orderBy('ordinal')
      .execute();
    const byReport = new Map<string, ClaimView[]>();
    for (const row of claimRows) {
      const list = byReport.get(row.report_id) ?? [];
      list.push(claimFromRow(row));
      byReport.set(row.report_id, list);
    }
    const incidents = await store.db.selectFrom('incidents').select(['id', 'civ_min', 'civ_max']).execute();
    const ranges = new Map<string, CountRange | null>(
      incidents.map((i) => [
        i.id,
        i.civ_min === null
          ? null
          : { min: Number(i.civ_min), max: i.civ_max === null ? null : Number(i.civ_max) },
      ]),
    );
    const predictions = corpus.reports.map((r) => ({
      id: r.id,
      claims: (byReport.get(reportIds.get(r.id) ?? '') ?? []).map(predictedFromClaim),
    }));
    const result = scoreCorpus(
      corpus.reports,
      new Map(predictions.map((p) => [p.id, p.claims])),
      corpus.incidents,
      ranges,
    );
    return { result, predictions };
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** A gold report as the pipeline receives it, without its gold; `file` names its origin. */
export function reportInputFromGold(r: GoldReport, file: string): ReportInput {
  // The gold is what is being measured: it must never reach the pipeline.
  const { gold: _gold, ...visible } = r;
  return {
    bytes: Buffer.from(JSON.stringify(visible)),
    origin: `${file}#${r.id}`,
    externalId: r.id,
    url: null,
    title: r.title,
    published: r.published,
    language: r.language,
    source: r.source,
    text: r.text,
    mediaType: 'application/json',
  };
}

/** A stored claim in the corpus' gold shape, under the incident it belongs to. */
export function predictedFromClaim(c: ClaimView): PredictedClaim {
  return {
    incident: c.incidentId ?? c.id,
    date:
      c.date === null ? null : c.date.from === c.date.to ? c.date.from : { from: c.date.from, to: c.date.to },
    place: c.placeName,
    admin1: c.admin1,
    country: c.country,
    lat: c.lat,
    lon: c.lon,
    geo_precision: c.geoPrecision,
    belligerents: [...c.belligerents],
    event: c.event,
    civilians_killed: c.civiliansKilled,
    killed: c.killed,
    injured: c.injured,
    hedged: c.hedged,
    ...(c.strikes === null ? {} : { strikes: c.strikes }),
  };
}
