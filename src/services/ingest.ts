import type { Kysely, Transaction } from 'kysely';
import type { ClaimDraft } from '../domain/claim.js';
import { reportIdFor, sha256Hex, sourceIdFor } from '../domain/ids.js';
import type { ReportInput, SourceInput } from '../domain/report.js';
import type { ExtractionContext, Extractor } from '../extract/types.js';
import { appendAudit } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { claimRowFromDraft } from '../store/rows.js';
import type { Database } from '../store/schema.js';
import { markNearCopies } from './linking/near-duplicates.js';
import { relinkAround } from './linking/relink.js';

export interface IngestDeps {
  store: Store;
  extract: Extractor;
  /** Built lazily: loading the gazetteer is only worth it when a new report arrives. */
  context: () => ExtractionContext;
  actor: string;
  now?: () => string;
}

export type IngestOutcome =
  | {
      status: 'new';
      origin: string;
      reportId: string;
      claims: number;
      incidents: string[];
      /**
       * The report has no publication date and gave no claim: an event it dates without a year
       * ("on 3 March", "on Sunday"), or not at all, cannot be placed in time, so none was kept.
       */
      undated: boolean;
    }
  /** Stored before without a publication date or claims, now given a date: its claims extracted. */
  | { status: 'dated'; origin: string; reportId: string; claims: number; incidents: string[] }
  | { status: 'known'; origin: string; reportId: string };

/**
 * Stores one report with its extracted claims, marks it if it copies another, and relinks the
 * claims' neighbourhood into incidents (services/linking/relink.ts), all in one
 * transaction: a crash leaves either everything or nothing, so a re-run resumes cleanly.
 * The same bytes are never stored twice.
 */
export async function ingestReport(deps: IngestDeps, input: ReportInput): Promise<IngestOutcome> {
  const sha256 = sha256Hex(input.bytes);
  const reportId = reportIdFor(sha256);
  const { db } = deps.store;
  const known = await db
    .selectFrom('reports')
    .select(['id', 'published'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (known) {
    if (known.published === null && input.published !== null) return dateReport(deps, known.id, input);
    return { status: 'known', origin: input.origin, reportId: known.id };
  }

  const drafts = extractDrafts(deps, input);
  const now = deps.now?.() ?? new Date().toISOString();

  return db.transaction().execute(async (trx) => {
    // Another process may have stored the same bytes since the check above.
    const raced = await trx
      .selectFrom('reports')
      .select('id')
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (raced) return { status: 'known' as const, origin: input.origin, reportId: raced.id };

    const sourceId = input.source ? await upsertSource(trx, input.source, deps.actor, now) : null;
    await trx
      .insertInto('reports')
      .values({
        id: reportId,
        sha256,
        external_id: input.externalId,
        source_id: sourceId,
        origin: input.origin,
        url: input.url,
        title: input.title,
        published: input.published,
        language: input.language,
        media_type: input.mediaType,
        retrieved_at: now,
        original: input.bytes,
        text: input.text,
        duplicate_of: null,
        extracted_at: now,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actor: deps.actor,
        action: 'report.ingested',
        entityType: 'report',
        entityId: reportId,
        after: { sha256, origin: input.origin, claims: drafts.length },
      },
      now,
    );
    const incidents = await storeClaims(trx, deps.actor, reportId, input, drafts, now);
    return {
      status: 'new' as const,
      origin: input.origin,
      reportId,
      claims: drafts.length,
      incidents,
      undated: input.published === null && drafts.length === 0,
    };
  });
}

function extractDrafts(deps: IngestDeps, input: ReportInput): ClaimDraft[] {
  return deps.extract(
    {
      text: input.text,
      published: input.published,
      language: input.language,
      title: input.title,
      country: input.country ?? null,
    },
    deps.context(),
  );
}

/**
 * The same bytes again, now with a publication date (vigil ingest --published), where the stored
 * report has none and gave no claim: the date is kept and the claims extracted, as for a new
 * report. Its near-copy fingerprint is recorded again, since which copy is the original goes by
 * date. A report with claims is left as it is: analysts may have reviewed them.
 */
async function dateReport(deps: IngestDeps, reportId: string, input: ReportInput): Promise<IngestOutcome> {
  const known = { status: 'known' as const, origin: input.origin, reportId };
  // Before extracting, which costs far more than the look.
  if (!(await datable(deps.store.db, reportId))) return known;
  const drafts = extractDrafts(deps, input);
  const now = deps.now?.() ?? new Date().toISOString();
  return deps.store.db.transaction().execute(async (trx) => {
    // Another process may have dated it, or given it claims, since.
    if (!(await datable(trx, reportId))) return known;

    await trx
      .updateTable('reports')
      .set({ published: input.published, extracted_at: now })
      .where('id', '=', reportId)
      .execute();
    await appendAudit(
      trx,
      {
        actor: deps.actor,
        action: 'report.dated',
        entityType: 'report',
        entityId: reportId,
        before: { published: null },
        after: { published: input.published, origin: input.origin, claims: drafts.length },
      },
      now,
    );
    await trx.deleteFrom('report_signature_bands').where('report_id', '=', reportId).execute();
    await trx.deleteFrom('report_fingerprints').where('report_id', '=', reportId).execute();
    const incidents = await storeClaims(trx, deps.actor, reportId, input, drafts, now);
    return { status: 'dated' as const, origin: input.origin, reportId, claims: drafts.length, incidents };
  });
}

/**
 * The source's row, made if new. A report that says its source is to be protected flags it, new or
 * known (audited as an analyst's flag is); no report unflags one: that is an analyst's decision.
 */
async function upsertSource(
  trx: Transaction<Database>,
  source: SourceInput,
  actor: string,
  now: string,
): Promise<string> {
  const { name, kind } = source;
  const sensitive = source.sensitive === true;
  const found = await trx
    .selectFrom('sources')
    .select(['id', 'sensitive'])
    .where('name', '=', name)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (found && (!sensitive || Number(found.sensitive) === 1)) return found.id;
  const id = found?.id ?? sourceIdFor(kind, name);
  if (found) await trx.updateTable('sources').set({ sensitive: 1 }).where('id', '=', id).execute();
  else
    await trx
      .insertInto('sources')
      .values({ id, name, kind, sensitive: sensitive ? 1 : 0, created_at: now })
      .execute();
  if (sensitive)
    await appendAudit(
      trx,
      {
        actor,
        action: 'source.sensitivity',
        entityType: 'source',
        entityId: id,
        before: found ? { sensitive: false } : null,
        after: { sensitive: true },
        reason: 'the report ingested names its source as protected',
      },
      now,
    );
  return id;
}

/** Whether a stored report still has no publication date and no claim, so a date may be given it. */
async function datable(db: Kysely<Database>, reportId: string): Promise<boolean> {
  const row = await db
    .selectFrom('reports')
    .select('published')
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!row || row.published !== null) return false;
  const claimed = await db
    .selectFrom('claims')
    .select('id')
    .where('report_id', '=', reportId)
    .limit(1)
    .executeTakeFirst();
  return !claimed;
}

/** Stores a report's claims, marks its near copies and relinks the claims' neighbourhood into incidents. */
async function storeClaims(
  trx: Transaction<Database>,
  actor: string,
  reportId: string,
  input: ReportInput,
  drafts: ClaimDraft[],
  now: string,
): Promise<string[]> {
  const report = { id: reportId, published: input.published, text: input.text };
  const ids = drafts.map((_, ordinal) => `c_${report.id.slice(2)}_${ordinal}`);
  for (const [ordinal, draft] of drafts.entries()) {
    const id = ids[ordinal] as string;
    await trx
      .insertInto('claims')
      .values(claimRowFromDraft(draft, { id, reportId: report.id, incidentId: null, ordinal, now }))
      .execute();
  }
  // Copies change which figures count, so the claims of every report whose mark changed are relinked too.
  const remarked = await markNearCopies(trx, report, actor, now);
  const seeds =
    remarked.length === 0
      ? ids
      : [
          ...ids,
          ...(await trx.selectFrom('claims').select('id').where('report_id', 'in', remarked).execute()).map(
            (r) => r.id,
          ),
        ];
  await relinkAround(trx, seeds, actor, now);
  if (ids.length === 0) return [];
  const placed = await trx.selectFrom('claims').select('incident_id').where('id', 'in', ids).execute();
  return [...new Set(placed.flatMap((r) => (r.incident_id ? [r.incident_id] : [])))].sort();
}
