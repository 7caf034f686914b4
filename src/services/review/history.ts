import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { resolveIncident } from './command.js';

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** Every audit entry about an incident and the claims it holds now, oldest first. */
export async function incidentHistory(db: Kysely<Database>, ref: string): Promise<HistoryEntry[]> {
  const inc = await resolveIncident(db, ref);
  const claims = (await db.selectFrom('claims').select('id').where('incident_id', '=', inc.id).execute()).map(
    (c) => c.id,
  );
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'incident'), eb('entity_id', '=', inc.id)]),
        ...(claims.length > 0
          ? [eb.and([eb('entity_type', '=', 'claim'), eb('entity_id', 'in', claims)])]
          : []),
      ]),
    )
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
    reason: r.reason,
  }));
}
