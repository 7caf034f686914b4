import type { ClaimDraft, Evidence } from '../domain/claim.js';
import type { Belligerent, ClaimStatus, DatePrecision, EventType, GeoPrecision } from '../domain/codes.js';
import type { ClaimFacts, IncidentSummary } from '../domain/incident.js';
import type { CountRange } from '../domain/range.js';
import { shownAttribution } from '../ingest/importers/attribution.js';
import type { ClaimsTable, IncidentsTable } from './schema.js';

function range(min: number | null, max: number | null): CountRange | null {
  return min === null ? null : { min: Number(min), max: max === null ? null : Number(max) };
}

export function claimRowFromDraft(
  draft: ClaimDraft,
  ids: { id: string; reportId: string; incidentId: string | null; ordinal: number; now: string },
): ClaimsTable {
  return {
    id: ids.id,
    report_id: ids.reportId,
    incident_id: ids.incidentId,
    ordinal: ids.ordinal,
    status: 'candidate',
    date_from: draft.date?.from ?? null,
    date_to: draft.date?.to ?? null,
    date_precision: draft.date?.precision ?? null,
    place_name: draft.place?.name ?? null,
    place_id: draft.place?.gazetteerId ?? null,
    lat: draft.place?.lat ?? null,
    lon: draft.place?.lon ?? null,
    admin1: draft.place?.admin1 ?? null,
    country: draft.place?.country ?? null,
    geo_precision: draft.place?.precision ?? null,
    event: draft.event,
    belligerents: JSON.stringify(draft.belligerents),
    target: draft.target,
    civ_min: draft.civiliansKilled?.min ?? null,
    civ_max: draft.civiliansKilled?.max ?? null,
    killed_min: draft.killed?.min ?? null,
    killed_max: draft.killed?.max ?? null,
    injured_min: draft.injured?.min ?? null,
    injured_max: draft.injured?.max ?? null,
    children_min: draft.children?.min ?? null,
    children_max: draft.children?.max ?? null,
    women_min: draft.women?.min ?? null,
    women_max: draft.women?.max ?? null,
    hedged: draft.hedged ? 1 : 0,
    strikes: draft.strikes,
    evidence: JSON.stringify(draft.evidence),
    confidence: draft.confidence,
    created_at: ids.now,
    link_score: null,
    link_pinned: 0,
  };
}

export interface ClaimView extends ClaimFacts {
  id: string;
  reportId: string;
  incidentId: string | null;
  ordinal: number;
  children: CountRange | null;
  women: CountRange | null;
  hedged: boolean;
  strikes: number | null;
  evidence: Evidence[];
  confidence: number;
}

export function claimFromRow(r: ClaimsTable): ClaimView {
  return {
    id: r.id,
    reportId: r.report_id,
    incidentId: r.incident_id,
    ordinal: Number(r.ordinal),
    status: r.status as ClaimStatus,
    date:
      r.date_from && r.date_to
        ? { from: r.date_from, to: r.date_to, precision: (r.date_precision ?? 'day') as DatePrecision }
        : null,
    placeName: r.place_name,
    placeId: r.place_id,
    lat: r.lat === null ? null : Number(r.lat),
    lon: r.lon === null ? null : Number(r.lon),
    admin1: r.admin1,
    country: r.country,
    geoPrecision: r.geo_precision as GeoPrecision | null,
    event: r.event as EventType | null,
    target: r.target,
    belligerents: JSON.parse(r.belligerents) as Belligerent[],
    civiliansKilled: range(r.civ_min, r.civ_max),
    killed: range(r.killed_min, r.killed_max),
    injured: range(r.injured_min, r.injured_max),
    children: range(r.children_min, r.children_max),
    women: range(r.women_min, r.women_max),
    hedged: Number(r.hedged) === 1,
    strikes: r.strikes === null ? null : Number(r.strikes),
    evidence: JSON.parse(r.evidence) as Evidence[],
    confidence: Number(r.confidence),
  };
}

/** The incident columns that follow from its claims. */
export function incidentColumnsFromSummary(
  s: IncidentSummary,
): Pick<
  IncidentsTable,
  | 'date_from'
  | 'date_to'
  | 'date_precision'
  | 'place_name'
  | 'place_id'
  | 'lat'
  | 'lon'
  | 'admin1'
  | 'country'
  | 'geo_precision'
  | 'event'
  | 'target'
  | 'belligerents'
  | 'civ_min'
  | 'civ_max'
  | 'killed_min'
  | 'killed_max'
  | 'injured_min'
  | 'injured_max'
> {
  return {
    date_from: s.date?.from ?? null,
    date_to: s.date?.to ?? null,
    date_precision: s.date?.precision ?? null,
    place_name: s.placeName,
    place_id: s.placeId,
    lat: s.lat,
    lon: s.lon,
    admin1: s.admin1,
    country: s.country,
    geo_precision: s.geoPrecision,
    event: s.event,
    target: s.target,
    belligerents: JSON.stringify(s.belligerents),
    civ_min: s.civiliansKilled?.min ?? null,
    civ_max: s.civiliansKilled?.max ?? null,
    killed_min: s.killed?.min ?? null,
    killed_max: s.killed?.max ?? null,
    injured_min: s.injured?.min ?? null,
    injured_max: s.injured?.max ?? null,
  };
}

export interface IncidentView {
  id: string;
  code: string;
  status: string;
  grading: string | null;
  strikeStatus: string | null;
  date: { from: string; to: string; precision: string } | null;
  placeName: string | null;
  lat: number | null;
  lon: number | null;
  admin1: string | null;
  country: string | null;
  geoPrecision: string | null;
  event: string | null;
  target: string | null;
  belligerents: string[];
  civiliansKilled: CountRange | null;
  killed: CountRange | null;
  injured: CountRange | null;
  civOverrideReason: string | null;
  rangeRule: string;
  attribution: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function incidentFromRow(r: IncidentsTable): IncidentView {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    grading: r.grading,
    strikeStatus: r.strike_status,
    date:
      r.date_from && r.date_to
        ? { from: r.date_from, to: r.date_to, precision: r.date_precision ?? 'day' }
        : null,
    placeName: r.place_name,
    lat: r.lat === null ? null : Number(r.lat),
    lon: r.lon === null ? null : Number(r.lon),
    admin1: r.admin1,
    country: r.country,
    geoPrecision: r.geo_precision,
    event: r.event,
    target: r.target,
    belligerents: JSON.parse(r.belligerents) as string[],
    civiliansKilled: range(r.civ_min, r.civ_max),
    killed: range(r.killed_min, r.killed_max),
    injured: range(r.injured_min, r.injured_max),
    civOverrideReason: r.civ_override_reason,
    rangeRule: r.range_rule,
    attribution: shownAttribution(r.attribution),
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
