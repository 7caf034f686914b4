import type { IncidentFilter } from '../services/filters.js';
import type { IncidentProvenance } from '../services/incident-provenance.js';
import type { ClaimView, IncidentView } from '../store/rows.js';
import { type Actor, can } from './roles.js';

/** Statuses anonymous readers may see. */
export const PUBLIC_STATUSES = ['published'] as const;

/** A status no incident has: narrowing a filter to it yields nothing instead of everything. */
const NO_STATUS = '\u0000none';

/**
 * Narrows a filter to what the actor may see. Readers without the right see published
 * incidents only, whatever statuses they ask for.
 */
export function scopeIncidentFilter(filter: IncidentFilter, actor: Actor): IncidentFilter {
  if (can(actor, 'incidents:read-unpublished')) return filter;
  const asked = filter.status?.length ? filter.status : [...PUBLIC_STATUSES];
  const allowed = asked.filter((s) => (PUBLIC_STATUSES as readonly string[]).includes(s));
  return { ...filter, status: allowed.length ? allowed : [NO_STATUS] };
}

export function mayReadIncidentStatus(actor: Actor, status: string): boolean {
  return can(actor, 'incidents:read-unpublished') || (PUBLIC_STATUSES as readonly string[]).includes(status);
}

/** Coordinates flagged sensitive are shown to ~11 km (one decimal degree) to readers who may not see them. */
export const ROUNDED_COORD_DECIMALS = 1;

export function roundCoord(x: number | null): number | null {
  if (x === null) return null;
  const f = 10 ** ROUNDED_COORD_DECIMALS;
  return Math.round(x * f) / f;
}

/**
 * Fields of an incident that only sensitive readers see. `victims` is listed ahead of the
 * victims table so that whatever adds it is stripped from day one.
 */
export const SENSITIVE_INCIDENT_FIELDS = ['victims', 'assignee'] as const;

export function redactIncident<T extends IncidentView>(view: T, sensitiveCoords: boolean, actor: Actor): T {
  if (can(actor, 'sensitive:read')) return view;
  const out: T = { ...view };
  for (const f of SENSITIVE_INCIDENT_FIELDS) delete (out as Record<string, unknown>)[f];
  if (sensitiveCoords) {
    out.lat = roundCoord(view.lat);
    out.lon = roundCoord(view.lon);
    if (view.geoPrecision === 'point' || view.geoPrecision === 'town') out.geoPrecision = 'district';
  }
  return out;
}

export interface SourceRef {
  name: string;
  kind: string;
  sensitive: boolean;
}

/** A protected source keeps its kind (so readers can weigh it) but loses its identity. */
export function redactSource(source: SourceRef | null, actor: Actor): SourceRef | null {
  if (!source?.sensitive || can(actor, 'sensitive:read')) return source;
  return { name: 'protected source', kind: source.kind, sensitive: true };
}

export interface ReportRef {
  id: string;
  title: string | null;
  published: string | null;
  url: string | null;
  origin: string;
  language: string | null;
  source: SourceRef | null;
}

/** Title, URL and origin of a protected source's report can name it; they go with the name. */
export function redactReportRef<T extends ReportRef>(report: T, actor: Actor): T {
  if (!report.source?.sensitive || can(actor, 'sensitive:read')) return report;
  return {
    ...report,
    title: null,
    url: null,
    origin: 'protected',
    source: redactSource(report.source, actor),
  };
}

/**
 * A claim of an incident whose coordinates are flagged gets the same rounding; victims' details
 * a claim may carry go too (children/women counts stay: they are figures, not identities).
 */
export function redactClaim<T extends ClaimView>(claim: T, sensitiveCoords: boolean, actor: Actor): T {
  if (can(actor, 'sensitive:read')) return claim;
  const out: T = { ...claim };
  delete (out as Record<string, unknown>).victims;
  if (sensitiveCoords) {
    out.lat = roundCoord(claim.lat);
    out.lon = roundCoord(claim.lon);
    out.placeId = null;
    if (claim.geoPrecision === 'point' || claim.geoPrecision === 'town') out.geoPrecision = 'district';
  }
  return out;
}

/** An incident's provenance as a reader may see it: sources an analyst protects are left out, as in exports. */
export function redactProvenance(p: IncidentProvenance, actor: Actor): IncidentProvenance {
  if (!p.dataset || can(actor, 'sensitive:read')) return p;
  return { ...p, dataset: { ...p.dataset, sources: p.dataset.sources.filter((s) => !s.sensitive) } };
}
