import type { Kysely } from 'kysely';
import type { IncidentStatus } from '../../domain/codes.js';
import type { CountRange } from '../../domain/range.js';
import type { Database } from '../../store/schema.js';

export interface QueueItem {
  id: string;
  code: string;
  status: string;
  assignee: string | null;
  grading: string | null;
  version: number;
  date: string | null;
  place: string | null;
  civiliansKilled: CountRange | null;
  claims: number;
  /** Distinct sources, copies of another report left out: the "two or more credible sources" of grading. */
  sources: number;
  openSuggestions: number;
}

const OPEN: IncidentStatus[] = ['new', 'in_review', 'ready_for_review'];

/** Incidents awaiting review, oldest event first; optionally one analyst's or one status only. */
export async function reviewQueue(
  db: Kysely<Database>,
  options: { assignee?: string; status?: IncidentStatus[]; limit?: number } = {},
): Promise<QueueItem[]> {
  let q = db
    .selectFrom('incidents')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('status', 'in', options.status ?? OPEN);
  if (options.assignee) q = q.where('assignee', '=', options.assignee);
  const rows = await q
    .orderBy('date_from')
    .orderBy('code')
    .limit(options.limit ?? 1000)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const claims = await db
    .selectFrom('claims')
    .innerJoin('reports', 'reports.id', 'claims.report_id')
    .select(['claims.incident_id', 'reports.source_id', 'reports.duplicate_of', 'reports.id as report_id'])
    .where('claims.incident_id', 'in', ids)
    .execute();
  const suggestions = await db
    .selectFrom('link_suggestions')
    .select(['incident_id'])
    .where('incident_id', 'in', ids)
    .where('status', '=', 'open')
    .execute();
  return rows.map((r) => {
    const mine = claims.filter((c) => c.incident_id === r.id);
    const originals = mine.filter((c) => c.duplicate_of === null);
    return {
      id: r.id,
      code: r.code,
      status: r.status,
      assignee: r.assignee,
      grading: r.grading,
      version: Number(r.version),
      date:
        r.date_from === null
          ? null
          : r.date_from === r.date_to
            ? r.date_from
            : `${r.date_from}..${r.date_to}`,
      place: r.place_name,
      civiliansKilled:
        r.civ_min === null
          ? null
          : { min: Number(r.civ_min), max: r.civ_max === null ? null : Number(r.civ_max) },
      claims: mine.length,
      sources: new Set(originals.map((c) => c.source_id ?? c.report_id)).size,
      openSuggestions: suggestions.filter((s) => s.incident_id === r.id).length,
    };
  });
}
