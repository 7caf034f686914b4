import type { Kysely } from 'kysely';
import { appendAudit } from '../store/audit.js';
import type { ClaimView } from '../store/rows.js';
import type { Database } from '../store/schema.js';
import { FilterError } from './filters.js';
import { claimWithSourceFromRow, NotFoundError, REPORT_COLUMNS } from './incidents.js';

/** Read-side queries the API needs beyond incidents: reports, claims, sources. */

export interface SourceRef {
  name: string;
  kind: string;
  sensitive: boolean;
}

export interface ReportSummary {
  id: string;
  sha256: string;
  title: string | null;
  published: string | null;
  url: string | null;
  origin: string;
  language: string | null;
  mediaType: string;
  retrievedAt: string;
  source: SourceRef | null;
  claims: number;
}

export interface ReportDetail extends ReportSummary {
  text: string;
}

export interface ClaimWithReport extends ClaimView {
  /** Its incident's coordinates are flagged sensitive (so are the claim's own). */
  sensitiveCoords: boolean;
  report: {
    id: string;
    title: string | null;
    published: string | null;
    url: string | null;
    origin: string;
    language: string | null;
    source: SourceRef | null;
  };
  quotes: { field: string; start: number; end: number; text: string }[];
}

function limitOf(limit: number | undefined): number {
  return Math.min(Math.max(1, limit ?? 50), 500);
}

function reportsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('reports')
    .leftJoin('sources', 'sources.id', 'reports.source_id')
    .select([
      'reports.id',
      'reports.sha256',
      'reports.title',
      'reports.published',
      'reports.url',
      'reports.origin',
      'reports.language',
      'reports.media_type',
      'reports.retrieved_at',
      'sources.name as s_name',
      'sources.kind as s_kind',
      'sources.sensitive as s_sensitive',
    ])
    .select((eb) =>
      eb
        .selectFrom('claims')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('claims.report_id', '=', 'reports.id')
        .as('claims'),
    );
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof reportsQuery>['executeTakeFirstOrThrow']>>;

function summary(r: ReportRow): ReportSummary {
  return {
    id: r.id,
    sha256: r.sha256,
    title: r.title,
    published: r.published,
    url: r.url,
    origin: r.origin,
    language: r.language,
    mediaType: r.media_type,
    retrievedAt: r.retrieved_at,
    source: r.s_name
      ? { name: r.s_name, kind: r.s_kind ?? 'other', sensitive: Number(r.s_sensitive) === 1 }
      : null,
    claims: Number(r.claims ?? 0),
  };
}

/** Reports newest first, by keyset on (retrieved_at, id); `after` is the last id of the previous page. */
export async function listReports(
  db: Kysely<Database>,
  options: { after?: string; limit?: number } = {},
): Promise<{ items: ReportSummary[]; next: string | null }> {
  const limit = limitOf(options.limit);
  let q = reportsQuery(db);
  if (options.after) {
    const last = await db
      .selectFrom('reports')
      .select(['retrieved_at', 'id'])
      .where('id', '=', options.after)
      .executeTakeFirst();
    if (!last) throw new FilterError('cursor is not one this server issued', 'cursor');
    q = q.where((eb) =>
      eb.or([
        eb('reports.retrieved_at', '<', last.retrieved_at),
        eb.and([eb('reports.retrieved_at', '=', last.retrieved_at), eb('reports.id', '<', last.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('reports.retrieved_at', 'desc')
    .orderBy('reports.id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(summary);
  return { items, next: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
}

export async function getReport(db: Kysely<Database>, id: string): Promise<ReportDetail> {
  const r = await reportsQuery(db).select('reports.text').where('reports.id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError('report', id);
  return { ...summary(r), text: r.text };
}

export interface ClaimQuery {
  incidentId?: string;
  reportId?: string;
  status?: string[];
  /** Only claims of incidents in these statuses (anonymous readers: published). */
  incidentStatuses?: string[];
  /** Claims after this id (keyset on id). */
  after?: string;
  limit?: number;
}

/** Claims with their report, source and quoted evidence. */
export async function listClaims(
  db: Kysely<Database>,
  query: ClaimQuery,
): Promise<{ items: ClaimWithReport[]; next: string | null }> {
  const limit = limitOf(query.limit);
  let q = db
    .selectFrom('claims')
    .innerJoin('reports', 'reports.id', 'claims.report_id')
    .leftJoin('sources', 'sources.id', 'reports.source_id')
    .leftJoin('incidents as inc', 'inc.id', 'claims.incident_id')
    .selectAll('claims')
    .select(['inc.sensitive_coords as i_sensitive_coords', ...REPORT_COLUMNS]);
  if (query.incidentId) q = q.where('claims.incident_id', '=', query.incidentId);
  if (query.reportId) q = q.where('claims.report_id', '=', query.reportId);
  if (query.status?.length) q = q.where('claims.status', 'in', query.status);
  if (query.incidentStatuses) {
    const statuses = query.incidentStatuses;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incidents')
          .select('incidents.id')
          .whereRef('incidents.id', '=', 'claims.incident_id')
          .where('incidents.deleted_at', 'is', null)
          .where('incidents.status', 'in', statuses),
      ),
    );
  }
  if (query.after) q = q.where('claims.id', '>', query.after);
  const rows = await q
    .orderBy('claims.id')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(
    (r): ClaimWithReport => ({
      ...claimWithSourceFromRow(r),
      sensitiveCoords: Number(r.i_sensitive_coords ?? 0) === 1,
    }),
  );
  return { items, next: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
}

export interface SourceView {
  id: string;
  name: string;
  kind: string;
  sensitive: boolean;
  reports: number;
}

export async function listSources(db: Kysely<Database>): Promise<SourceView[]> {
  const rows = await db
    .selectFrom('sources')
    .selectAll('sources')
    .select((eb) =>
      eb
        .selectFrom('reports')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('reports.source_id', '=', 'sources.id')
        .as('reports'),
    )
    .orderBy('sources.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    sensitive: Number(r.sensitive) === 1,
    reports: Number(r.reports ?? 0),
  }));
}

/** Flags or unflags a source as sensitive (its identity is then protected everywhere). */
export async function setSourceSensitive(
  db: Kysely<Database>,
  id: string,
  sensitive: boolean,
  actor: string,
  reason: string | null,
): Promise<SourceView> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('sources')
      .select('sensitive')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw new NotFoundError('source', id);
    await trx
      .updateTable('sources')
      .set({ sensitive: sensitive ? 1 : 0 })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'source.sensitivity',
      entityType: 'source',
      entityId: id,
      before: { sensitive: Number(before.sensitive) === 1 },
      after: { sensitive },
      reason,
    });
  });
  const found = (await listSources(db)).find((s) => s.id === id);
  if (!found) throw new NotFoundError('source', id);
  return found;
}
