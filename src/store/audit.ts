import type { Kysely, Transaction } from 'kysely';
import { sha256Hex } from '../domain/ids.js';
import type { AuditLogTable, Database } from './schema.js';
import { lockForTransaction } from './serialize.js';

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash covers every column but itself, so any edit to a stored row is detectable. */
export function auditRowHash(row: Omit<AuditLogTable, 'hash'>): string {
  const canonical = JSON.stringify([
    Number(row.seq),
    row.at,
    row.actor,
    row.action,
    row.entity_type,
    row.entity_id,
    row.before,
    row.after,
    row.reason,
    row.prev_hash,
  ]);
  return sha256Hex(canonical);
}

/**
 * Appends one entry, chained to the last. Call inside the transaction that makes
 * the change, so the change and its record commit together or not at all.
 */
export async function appendAudit(
  trx: Transaction<Database> | Kysely<Database>,
  entry: AuditEntry,
  now: string = new Date().toISOString(),
): Promise<void> {
  await lockForTransaction(trx, 'vigil.audit_log');
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  await trx
    .insertInto('audit_log')
    .values(chainedAuditRow(entry, last, now))
    .execute();
}

/** The row that records `entry` after `last` (undefined: the first entry), hash included. Pure. */
export function chainedAuditRow(
  entry: AuditEntry,
  last: { seq: number | string; hash: string } | undefined,
  now: string,
): AuditLogTable {
  const row: Omit<AuditLogTable, 'hash'> = {
    seq: last ? Number(last.seq) + 1 : 1,
    at: now,
    actor: entry.actor,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    reason: entry.reason ?? null,
    prev_hash: last ? last.hash : GENESIS_HASH,
  };
  return { ...row, hash: auditRowHash(row) };
}

export interface AuditProblem {
  seq: number;
  problem: string;
}

export interface AuditVerification {
  entries: number;
  problems: AuditProblem[];
}

/** Walks the whole chain in order; streams in pages so a long log needs little memory. */
export async function verifyAudit(db: Kysely<Database>, pageSize = 5000): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq)
        problems.push({ seq, problem: `entries ${expectedSeq}..${seq - 1} are missing` });
      if (row.prev_hash !== prevHash)
        problems.push({ seq, problem: 'prev_hash does not match the hash of the entry before it' });
      const { hash, ...rest } = row;
      if (auditRowHash({ ...rest, seq }) !== hash)
        problems.push({ seq, problem: 'contents changed after it was written (hash mismatch)' });
      prevHash = hash;
      expectedSeq = seq + 1;
      entries++;
    }
  }
  return { entries, problems };
}
