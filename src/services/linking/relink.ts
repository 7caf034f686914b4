import { addDays } from '../../domain/dates.js';
import { clusterClaims } from '../../link/cluster.js';
import { DATE_SLACK_DAYS, MAX_DATE_SLACK_DAYS, MAX_TOLERANCE_KM, pairScore } from '../../link/pair-score.js';
import { appendAudit } from '../../store/audit.js';
import { type ClaimView, claimFromRow } from '../../store/rows.js';
import type { ClaimsTable, IncidentsTable } from '../../store/schema.js';
import { lockForTransaction } from '../../store/serialize.js';
import { createIncident, type Trx } from './incident-rows.js';
import { recomputeIncident } from './recompute.js';

export interface RelinkResult {
  /** Claims whose grouping was recomputed (the connected neighbourhood of the seeds). */
  claims: number;
  /** Incidents created, changed or emptied. */
  touched: string[];
}

const KM_PER_DEGREE = 111.2;

/**
 * Re-clusters the neighbourhood of some claims: every claim reachable from them through pairs that
 * could be one event, so the grouping of that neighbourhood is recomputed from claim-to-claim scores
 * alone and comes out the same whatever order the reports arrived in. Clusters are mapped onto the
 * incidents already holding most of their claims; reviewed incidents and analyst-placed claims stay
 * fixed (clusterClaims never merges two of them). Weaker plausible links become open suggestions.
 */
export async function relinkAround(
  trx: Trx,
  seedClaimIds: readonly string[],
  actor: string,
  now: string,
): Promise<RelinkResult> {
  // Two ingests relinking overlapping neighbourhoods at once (PostgreSQL workers) would each map
  // clusters onto incidents from a stale view; one at a time keeps the result order-independent.
  await lockForTransaction(trx, 'vigil.relink');
  const rows = await neighbourhood(trx, seedClaimIds);
  if (rows.length === 0) return { claims: 0, touched: [] };
  const incidentIds = [...new Set(rows.flatMap((r) => (r.incident_id ? [r.incident_id] : [])))];
  const incidents = new Map<string, IncidentsTable>(
    incidentIds.length === 0
      ? []
      : (await trx.selectFrom('incidents').selectAll().where('id', 'in', incidentIds).execute()).map((i) => [
          i.id,
          i,
        ]),
  );
  const facts = new Map<string, ClaimView>(rows.map((r) => [r.id, claimFromRow(r)]));
  const items = rows.map((r) => ({ id: r.id, reportId: r.report_id, fixed: fixedKey(r, incidents) }));
  const result = clusterClaims(items, (a, b) =>
    pairScore(facts.get(a.id) as ClaimView, facts.get(b.id) as ClaimView),
  );

  const byId = new Map(rows.map((r) => [r.id, r]));
  const target = assignIncidents(result.clusters, byId, items, incidents);
  const touched = new Set<string>();
  const clusterIncident: string[] = [];
  for (const [k, cluster] of result.clusters.entries()) {
    const incidentId = target[k] ?? (await createIncident(trx, actor, now));
    clusterIncident.push(incidentId);
    const before = rows.filter((r) => r.incident_id === incidentId).map((r) => r.id);
    const moved = cluster.filter((id) => byId.get(id)?.incident_id !== incidentId);
    if (moved.length > 0) {
      await trx.updateTable('claims').set({ incident_id: incidentId }).where('id', 'in', moved).execute();
      for (const id of moved) {
        const old = byId.get(id)?.incident_id;
        if (old) touched.add(old);
      }
      touched.add(incidentId);
      await trx
        .updateTable('incidents')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', incidentId)
        .execute();
      await appendAudit(
        trx,
        {
          actor,
          action: 'incident.relinked',
          entityType: 'incident',
          entityId: incidentId,
          before: { claims: before },
          after: { claims: cluster },
        },
        now,
      );
    }
    for (const id of cluster) {
      const score = result.linkScore.get(id) ?? null;
      const row = byId.get(id) as ClaimsTable;
      if (row.link_score === null ? score !== null : Number(row.link_score) !== score)
        await trx.updateTable('claims').set({ link_score: score }).where('id', '=', id).execute();
    }
  }

  // An automatic incident left without claims was absorbed by another: soft-deleted, never dropped.
  for (const id of touched) {
    const inc = incidents.get(id);
    if (!inc || inc.reviewed_at !== null) continue;
    const left = await trx.selectFrom('claims').select('id').where('incident_id', '=', id).limit(1).execute();
    if (left.length > 0) continue;
    await trx
      .updateTable('incidents')
      .set({ deleted_at: now, version: Number(inc.version) + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await appendAudit(
      trx,
      {
        actor,
        action: 'incident.absorbed',
        entityType: 'incident',
        entityId: id,
        after: { deleted_at: now },
      },
      now,
    );
  }
  for (const id of new Set([...clusterIncident, ...incidentIds]))
    if (await recomputeIncident(trx, id, actor, now)) touched.add(id);

  await replaceSuggestions(
    trx,
    rows.map((r) => r.id),
    result.suggestions.map((s) => ({
      claimId: s.itemId,
      incidentId: clusterIncident[s.cluster] as string,
      score: s.score,
    })),
    now,
  );
  return { claims: rows.length, touched: [...touched].sort() };
}

function fixedKey(r: ClaimsTable, incidents: Map<string, IncidentsTable>): string | null {
  if (!r.incident_id) return null;
  const inc = incidents.get(r.incident_id);
  if (inc && (inc.reviewed_at !== null || inc.external_id !== null || inc.deleted_at !== null)) return inc.id;
  return Number(r.link_pinned) === 1 ? r.incident_id : null;
}

/**
 * Which existing incident each cluster continues: the fixed one it holds, else the one holding most
 * of its claims (ties to the smallest id), each incident used once. Undefined means a new incident.
 */
function assignIncidents(
  clusters: string[][],
  rows: Map<string, ClaimsTable>,
  items: { id: string; fixed: string | null }[],
  incidents: Map<string, IncidentsTable>,
): (string | undefined)[] {
  const fixed = new Map(items.map((i) => [i.id, i.fixed]));
  const out: (string | undefined)[] = clusters.map(() => undefined);
  const used = new Set<string>();
  const options = clusters.map((c, k) => {
    const f = c.map((id) => fixed.get(id)).find((x) => x != null);
    const counts = new Map<string, number>();
    for (const id of c) {
      const inc = rows.get(id)?.incident_id;
      if (inc && incidents.has(inc)) counts.set(inc, (counts.get(inc) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return { k, fixed: f ?? null, ranked };
  });
  for (const o of options)
    if (o.fixed !== null) {
      out[o.k] = o.fixed;
      used.add(o.fixed);
    }
  const free = options
    .filter((o) => o.fixed === null && o.ranked.length > 0)
    .sort(
      (a, b) =>
        (b.ranked[0]?.[1] ?? 0) - (a.ranked[0]?.[1] ?? 0) ||
        ((clusters[a.k]?.[0] ?? '') < (clusters[b.k]?.[0] ?? '') ? -1 : 1),
    );
  for (const o of free) {
    const pick = o.ranked.find(([id]) => !used.has(id) && !isFixedIncident(incidents.get(id)));
    if (pick) {
      out[o.k] = pick[0];
      used.add(pick[0]);
    }
  }
  return out;
}

function isFixedIncident(inc: IncidentsTable | undefined): boolean {
  return !!inc && (inc.reviewed_at !== null || inc.external_id !== null || inc.deleted_at !== null);
}

/**
 * Every claim reachable from the seeds through plausible pairs, plus the other claims of their
 * incidents. Candidates come from index lookups (date window, then a box around the place) sized
 * by the widest slack and tolerance any partner could have.
 */
async function neighbourhood(trx: Trx, seeds: readonly string[]): Promise<ClaimsTable[]> {
  const seen = new Map<string, ClaimsTable>();
  const incidentsSeen = new Set<string>();
  let frontier: ClaimsTable[] =
    seeds.length === 0
      ? []
      : await trx
          .selectFrom('claims')
          .selectAll()
          .where('id', 'in', [...seeds])
          .execute();
  for (const r of frontier) seen.set(r.id, r);
  while (frontier.length > 0) {
    const next: ClaimsTable[] = [];
    const add = (r: ClaimsTable): void => {
      if (seen.has(r.id)) return;
      seen.set(r.id, r);
      next.push(r);
    };
    for (const r of frontier) {
      if (r.incident_id && !incidentsSeen.has(r.incident_id)) {
        incidentsSeen.add(r.incident_id);
        for (const m of await trx
          .selectFrom('claims')
          .selectAll()
          .where('incident_id', '=', r.incident_id)
          .execute())
          add(m);
      }
      if (!r.date_from || !r.date_to || r.lat === null || r.lon === null) continue;
      const slack =
        DATE_SLACK_DAYS[(r.date_precision ?? 'day') as keyof typeof DATE_SLACK_DAYS] ?? MAX_DATE_SLACK_DAYS;
      const lat = Number(r.lat);
      const lon = Number(r.lon);
      const dLat = MAX_TOLERANCE_KM / KM_PER_DEGREE;
      const dLon = Math.min(
        180,
        MAX_TOLERANCE_KM / (KM_PER_DEGREE * Math.max(0.05, Math.cos((lat * Math.PI) / 180))),
      );
      const candidates = await trx
        .selectFrom('claims')
        .selectAll()
        .where('date_from', '<=', addDays(r.date_to, slack + MAX_DATE_SLACK_DAYS))
        .where('date_to', '>=', addDays(r.date_from, -(slack + MAX_DATE_SLACK_DAYS)))
        .where('lat', '>=', lat - dLat)
        .where('lat', '<=', lat + dLat)
        .execute();
      const self = claimFromRow(r);
      for (const c of candidates) {
        if (seen.has(c.id)) continue;
        const dl = Math.abs(Number(c.lon) - lon);
        if (Math.min(dl, 360 - dl) > dLon) continue;
        if (c.report_id !== r.report_id && pairScore(self, claimFromRow(c)) !== null) add(c);
      }
    }
    frontier = next;
  }
  return [...seen.values()];
}

/** Open suggestions are recomputed with the neighbourhood; an analyst's decisions are kept and never re-asked. */
async function replaceSuggestions(
  trx: Trx,
  claimIds: string[],
  suggestions: { claimId: string; incidentId: string; score: number }[],
  now: string,
): Promise<void> {
  for (let i = 0; i < claimIds.length; i += 500)
    await trx
      .deleteFrom('link_suggestions')
      .where('status', '=', 'open')
      .where('claim_id', 'in', claimIds.slice(i, i + 500))
      .execute();
  for (const s of suggestions)
    await trx
      .insertInto('link_suggestions')
      .values({
        claim_id: s.claimId,
        incident_id: s.incidentId,
        score: s.score,
        status: 'open',
        created_at: now,
        decided_by: null,
        decided_at: null,
      })
      .onConflict((oc) => oc.columns(['claim_id', 'incident_id']).doNothing())
      .execute();
}
