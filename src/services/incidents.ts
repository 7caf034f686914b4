import type { Kysely } from 'kysely';
import { type ClaimView, claimFromRow, type IncidentView, incidentFromRow } from '../store/rows.js';
import type { ClaimsTable, Database } from '../store/schema.js';
import { applyIncidentFilter, type IncidentFilter } from './filters.js';

export async function listIncidents(
  db: Kysely<Database>,
  filter: IncidentFilter,
  options: { limit?: number; offset?: number } = {},
): Promise<IncidentView[]> {
  const rows = await applyIncidentFilter(db.selectFrom('incidents').selectAll('incidents'), filter)
    .orderBy('incidents.date_from')
    .orderBy('incidents.code')
    .limit(options.limit ?? 1_000_000)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map(incidentFromRow);
}

export interface ClaimWithSource extends ClaimView {
  report: {
    id: string;
    title: string | null;
    published: string | null;
    url: string | null;
    origin: string;
    language: string | null;
    source: { name: string; kind: string; sensitive: boolean } | null;
  };
  /** The quoted text of each evidence span, from the archived report. */
  quotes: { field: string; start: number; end: number; text: string }[];
}

/** The report and source columns a claim is shown with, aliased as claimWithSourceFromRow reads them. */
export const REPORT_COLUMNS = [
  'reports.title as r_title',
  'reports.published as r_published',
  'reports.url as r_url',
  'reports.origin as r_origin',
  'reports.language as r_language',
  'reports.text as r_text',
  'sources.name as s_name',
  'sources.kind as s_kind',
  'sources.sensitive as s_sensitive',
] as const;

interface ClaimReportRow extends ClaimsTable {
  r_title: string | null;
  r_published: string | null;
  r_url: string | null;
  r_origin: string;
  r_language: string | null;
  r_text: string;
  s_name: string | null;
  s_kind: string | null;
  s_sensitive: number | null;
}

/** A claim with its report, source and the quoted text of each evidence span. */
export function claimWithSourceFromRow(r: ClaimReportRow): ClaimWithSource {
  const claim = claimFromRow(r);
  return {
    ...claim,
    report: {
      id: r.report_id,
      title: r.r_title,
      published: r.r_published,
      url: r.r_url,
      origin: r.r_origin,
      language: r.r_language,
      source: r.s_name
        ? { name: r.s_name, kind: r.s_kind ?? 'other', sensitive: Number(r.s_sensitive) === 1 }
        : null,
    },
    quotes: claim.evidence.map((e) => ({
      field: e.field,
      start: e.span.start,
      end: e.span.end,
      text: r.r_text.slice(e.span.start, e.span.end),
    })),
  };
}

export interface IncidentDetail {
  incident: IncidentView;
  claims: ClaimWithSource[];
}

export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`no ${entity} "${id}"`);
    this.name = 'NotFoundError';
  }
}

/** An incident by id or code, with each claim, its quoted evidence and its source. */
export async function getIncident(db: Kysely<Database>, idOrCode: string): Promise<IncidentDetail> {
  const row = await db
    .selectFrom('incidents')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode.toUpperCase())]))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('incident', idOrCode);
  const claimRows = await db
    .selectFrom('claims')
    .innerJoin('reports', 'reports.id', 'claims.report_id')
    .leftJoin('sources', 'sources.id', 'reports.source_id')
    .selectAll('claims')
    .select(REPORT_COLUMNS)
    .where('claims.incident_id', '=', row.id)
    .orderBy('reports.published')
    .orderBy('claims.id')
    .execute();
  const claims = claimRows.map(claimWithSourceFromRow);
  return { incident: incidentFromRow(row), claims };
}
