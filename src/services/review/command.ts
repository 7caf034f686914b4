import type { Kysely } from 'kysely';
import { appendAudit } from '../../store/audit.js';
import type { Store } from '../../store/database.js';
import { type IncidentView, incidentFromRow } from '../../store/rows.js';
import type { Database, IncidentsTable } from '../../store/schema.js';
import { NotFoundError } from '../incidents.js';
import type { Trx } from '../linking/incident-rows.js';
import { ConflictError, ReviewError } from './errors.js';

/** What every review command carries: who, which version they saw, and why. */
export interface ReviewCommand {
  actor: string;
  /** The incident version the analyst's decision was based on; a stale one is refused. */
  expectedVersion: number;
  reason?: string | null;
}

export interface ReviewDeps {
  store: Store;
  now?: () => string;
}

export interface ChangeContext {
  trx: Trx;
  /** The incident as it was before this command (apart from the version it has now taken). */
  row: IncidentsTable;
  now: string;
}

export interface Change<T> {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  result?: T;
}

/** Finds a live incident by id or code. */
export async function resolveIncident(db: Kysely<Database> | Trx, ref: string): Promise<IncidentsTable> {
  const row = await db
    .selectFrom('incidents')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', ref), eb('code', '=', ref.toUpperCase())]))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('incident', ref);
  return row;
}

export function requireReason(cmd: ReviewCommand, what: string): string {
  const reason = cmd.reason?.trim();
  if (!reason) throw new ReviewError(`${what} needs a reason`, 'reason');
  return reason;
}

/**
 * Runs one analyst change to one incident in one transaction: first takes the incident's next
 * version only if it is still at `expectedVersion` (so of two concurrent writers exactly one wins
 * and the other gets a ConflictError, with nothing written), marks it reviewed, applies the body,
 * and appends the audit entry (who, when, before/after, reason) in the same transaction.
 */
export async function changeIncident<T = undefined>(
  deps: ReviewDeps,
  ref: string,
  cmd: ReviewCommand,
  action: string,
  body: (ctx: ChangeContext) => Promise<Change<T>>,
): Promise<{ incident: IncidentView; result: T | undefined }> {
  if (!Number.isInteger(cmd.expectedVersion) || cmd.expectedVersion < 1)
    throw new ReviewError('expectedVersion must be a positive integer', 'expectedVersion');
  const { db } = deps.store;
  const found = await resolveIncident(db, ref);
  const now = deps.now?.() ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    // The guarded write comes first: it takes the write lock before anything is read, so SQLite never
    // has to upgrade a stale read snapshot, and PostgreSQL row-locks the incident for the rest.
    const taken = await trx
      .updateTable('incidents')
      .set((eb) => ({
        version: cmd.expectedVersion + 1,
        updated_at: now,
        reviewed_at: eb.fn.coalesce('reviewed_at', eb.val(now)),
      }))
      .where('id', '=', found.id)
      .where('version', '=', cmd.expectedVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) {
      const current = await trx
        .selectFrom('incidents')
        .select(['version', 'deleted_at'])
        .where('id', '=', found.id)
        .executeTakeFirst();
      throw new ConflictError(
        'incident',
        found.code,
        cmd.expectedVersion,
        current && current.deleted_at === null ? Number(current.version) : null,
      );
    }
    const row = await trx
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', found.id)
      .executeTakeFirstOrThrow();
    const change = await body({ trx, row, now });
    await appendAudit(
      trx,
      {
        actor: cmd.actor,
        action,
        entityType: 'incident',
        entityId: found.id,
        before: { version: cmd.expectedVersion, ...change.before },
        after: { version: cmd.expectedVersion + 1, ...change.after },
        reason: cmd.reason ?? null,
      },
      now,
    );
    const after = await trx
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', found.id)
      .executeTakeFirstOrThrow();
    return { incident: incidentFromRow(after), result: change.result };
  });
}

/** The columns named, as they are in `row`: the "before" of an audit entry. */
export function pick(row: IncidentsTable, keys: readonly (keyof IncidentsTable)[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}
