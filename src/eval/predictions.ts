import type { ClaimDraft } from '../domain/claim.js';
import { type CountRange, envelope } from '../domain/range.js';
import type { PredictedClaim, PredictionLine } from './gold.js';

/** One line of a predictions .jsonl (with its newline), in the shape readPredictions reads back. */
export function writePredictionsLine(id: string, claims: readonly PredictedClaim[]): string {
  const line: PredictionLine = { id, claims: [...claims] };
  return `${JSON.stringify(line)}\n`;
}

/** An extracted claim in the corpus' shape, under the incident the system put it in. */
export function predictedClaimFromDraft(draft: ClaimDraft, incident: string): PredictedClaim {
  const d = draft.date;
  const p = draft.place;
  return {
    incident,
    date: d === null ? null : d.from === d.to ? d.from : { from: d.from, to: d.to },
    place: p?.name ?? null,
    admin1: p?.admin1 ?? null,
    country: p?.country ?? null,
    lat: p?.lat ?? null,
    lon: p?.lon ?? null,
    geo_precision: p?.precision ?? null,
    belligerents: [...draft.belligerents],
    event: draft.event,
    civilians_killed: draft.civiliansKilled,
    killed: draft.killed,
    injured: draft.injured,
    hedged: draft.hedged,
    ...(draft.strikes === null ? {} : { strikes: draft.strikes }),
  };
}

/**
 * Each predicted incident's civilian range by the default rule (lowest
 * minimum to highest maximum over its claims), for systems that have no
 * incident store of their own to ask.
 */
export function civilianRangesByIncident(
  predictions: ReadonlyMap<string, readonly PredictedClaim[]>,
): Map<string, CountRange | null> {
  const byIncident = new Map<string, (CountRange | null)[]>();
  for (const claims of predictions.values()) {
    for (const c of claims) {
      const list = byIncident.get(c.incident) ?? [];
      list.push(c.civilians_killed);
      byIncident.set(c.incident, list);
    }
  }
  return new Map([...byIncident].map(([id, ranges]) => [id, envelope(ranges)]));
}
