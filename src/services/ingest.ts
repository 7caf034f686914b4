import type { Transaction } from 'kysely';
import type { ClaimDraft } from '../domain/claim.js';
import { reportIdFor, sha256Hex } from '../domain/ids.js';
import { DEFAULT_RANGE_RULE, summariseIncident } from '../domain/incident.js';
import type { ReportInput } from '../domain/report.js';
import type { ExtractionContext, Extractor } from '../extract/types.js';
import { matchScore } from '../link/match.js';
import { appendAudit } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { claimFromRow, claimRowFromDraft, incidentColumnsFromSummary } from '../store/rows.js';
import type { Database } from '../store/schema.js';
import { nextIncidentCode } from './incident-codes.js';

export interface IngestDeps {
  store: Store;
  extract: Extractor;
  /** Built lazily: loading the gazetteer is only worth it when a new report arrives. */
  context: () => ExtractionContext;
  actor: string;
  now?: () => string;
}

export type IngestOutcome =
  | { status: 'new'; origin: string; reportId: string; claims: number; incidents: string[] }
  | { status: 'known'; origin: string; reportId: string };

/** Claims that fit an existing incident at least this well join it; weaker fits start their own. */
export const AUTO_LINK_THRESHOLD = 0.35;

/**
 * Stores one report with its extracted claims and first-pass incidents, all in one
 * transaction: a crash leaves either everything or nothing, so a re-run resumes cleanly.
 * The same bytes are never stored twice.
 */
export async function ingestReport(deps: IngestDeps, input: ReportInput): Promise<IngestOutcome> {
  const sha256 = sha256Hex(input.bytes);
  const reportId = reportIdFor(sha256);
  const { db } = deps.store;
  const known = await db.selectFrom('reports').select('id').where('sha256', '=', sha256).executeTakeFirst();
  if (known) return { status: 'known', origin: input.origin, reportId: known.id };

  const drafts = deps.extract(
    { text: input.text, published: input.published, language: input.language, title: input.title },
    deps.context(),
  );
  const now = deps.now?.() ?? new Date().toISOString();

  return db.transaction().execute(async (trx) => {
    // Another process may have stored the same bytes since the check above.
    const raced = await trx
      .selectFrom('reports')
      .select('id')
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (raced) return { status: 'known' as const, origin: input.origin, reportId: raced.id };

    const sourceId = input.source ? await upsertSource(trx, input.source.name, input.source.kind, now) : null;
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
    const incidents = await storeClaims(trx, deps.actor, reportId, drafts, now);
    return { status: 'new' as const, origin: input.origin, reportId, claims: drafts.length, incidents };
  });
}

async function upsertSource(
  trx: Transaction<Database>,
  name: string,
  kind: string,
  now: string,
): Promise<string> {
  const found = await trx
    .selectFrom('sources')
    .select('id')
    .where('name', '=', name)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (found) return found.id;
  const id = `s_${sha256Hex(`${kind}\u0000${name}`).slice(0, 20)}`;
  await trx.insertInto('sources').values({ id, name, kind, sensitive: 0, created_at: now }).execute();
  return id;
}

async function storeClaims(
  trx: Transaction<Database>,
  actor: string,
  reportId: string,
  drafts: ClaimDraft[],
  now: string,
): Promise<string[]> {
  const touched = new Set<string>();
  for (const [ordinal, draft] of drafts.entries()) {
    const claimId = `c_${reportId.slice(2)}_${ordinal}`;
    const row = claimRowFromDraft(draft, { id: claimId, reportId, incidentId: null, ordinal, now });
    const facts = claimFromRow(row);
    // One report's claims are distinct events by construction: never fold two of them together.
    const incidentId =
      (await findIncidentFor(trx, facts, reportId)) ?? (await createIncident(trx, actor, now));
    await trx
      .insertInto('claims')
      .values({ ...row, incident_id: incidentId })
      .execute();
    touched.add(incidentId);
  }
  for (const id of touched) await recomputeIncident(trx, id, actor, now);
  return [...touched];
}

async function findIncidentFor(
  trx: Transaction<Database>,
  claim: ReturnType<typeof claimFromRow>,
  reportId: string,
): Promise<string | null> {
  if (!claim.date || claim.lat === null) return null;
  const window = 8;
  const from = shiftDay(claim.date.from, -window);
  const to = shiftDay(claim.date.to, window);
  let q = trx
    .selectFrom('incidents')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('external_id', 'is', null)
    .where('status', 'not in', ['duplicate', 'discounted'])
    .where('date_from', '<=', to)
    .where('date_to', '>=', from);
  if (claim.country)
    q = q.where((eb) => eb.or([eb('country', '=', claim.country), eb('country', 'is', null)]));
  const candidates = await q.execute();
  let best: { id: string; score: number } | null = null;
  for (const inc of candidates) {
    const sameReport = await trx
      .selectFrom('claims')
      .select('id')
      .where('incident_id', '=', inc.id)
      .where('report_id', '=', reportId)
      .executeTakeFirst();
    if (sameReport) continue;
    const score = matchScore(claim, {
      date: inc.date_from && inc.date_to ? { from: inc.date_from, to: inc.date_to, precision: 'day' } : null,
      lat: inc.lat === null ? null : Number(inc.lat),
      lon: inc.lon === null ? null : Number(inc.lon),
      geoPrecision: inc.geo_precision as never,
      country: inc.country,
      event: inc.event as never,
      belligerents: JSON.parse(inc.belligerents),
    });
    if (score !== null && score >= AUTO_LINK_THRESHOLD && (!best || score > best.score))
      best = { id: inc.id, score };
  }
  return best?.id ?? null;
}

function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function createIncident(trx: Transaction<Database>, actor: string, now: string): Promise<string> {
  const code = await nextIncidentCode(trx);
  const id = `i_${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  await trx
    .insertInto('incidents')
    .values({
      id,
      code,
      status: 'new',
      grading: null,
      strike_status: null,
      date_from: null,
      date_to: null,
      date_precision: null,
      place_name: null,
      place_id: null,
      lat: null,
      lon: null,
      admin1: null,
      country: null,
      geo_precision: null,
      event: null,
      target: null,
      belligerents: '[]',
      civ_min: null,
      civ_max: null,
      killed_min: null,
      killed_max: null,
      injured_min: null,
      injured_max: null,
      civ_override_reason: null,
      range_rule: DEFAULT_RANGE_RULE,
      attribution: null,
      external_id: null,
      sensitive_coords: 0,
      assignee: null,
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute();
  await appendAudit(
    trx,
    { actor, action: 'incident.created', entityType: 'incident', entityId: id, after: { code } },
    now,
  );
  return id;
}

/** Re-derives an incident's facts from its claims (keeping an analyst's civilian-range override). */
export async function recomputeIncident(
  trx: Transaction<Database>,
  incidentId: string,
  actor: string,
  now: string,
): Promise<void> {
  const rows = await trx.selectFrom('claims').selectAll().where('incident_id', '=', incidentId).execute();
  const inc = await trx
    .selectFrom('incidents')
    .selectAll()
    .where('id', '=', incidentId)
    .executeTakeFirstOrThrow();
  const summary = summariseIncident(rows.map(claimFromRow));
  const cols = incidentColumnsFromSummary(summary);
  if (inc.civ_override_reason !== null) {
    cols.civ_min = inc.civ_min;
    cols.civ_max = inc.civ_max;
  }
  const changed = Object.entries(cols).filter(
    ([k, v]) => (inc as unknown as Record<string, unknown>)[k] !== v,
  );
  if (changed.length === 0) return;
  const before = Object.fromEntries(
    changed.map(([k]) => [k, (inc as unknown as Record<string, unknown>)[k]]),
  );
  await trx
    .updateTable('incidents')
    .set({ ...cols, version: Number(inc.version) + 1, updated_at: now })
    .where('id', '=', incidentId)
    .execute();
  await trx.deleteFrom('incident_belligerents').where('incident_id', '=', incidentId).execute();
  if (summary.belligerents.length > 0)
    await trx
      .insertInto('incident_belligerents')
      .values(
        summary.belligerents.map((b) => ({
          incident_id: incidentId,
          belligerent: b,
          role: 'suspected',
          assessment: 'not_assessed',
        })),
      )
      .execute();
  await appendAudit(
    trx,
    {
      actor,
      action: 'incident.recomputed',
      entityType: 'incident',
      entityId: incidentId,
      before,
      after: Object.fromEntries(changed),
    },
    now,
  );
}
