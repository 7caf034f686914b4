import { appendAudit } from '../../store/audit.js';
import { recomputeIncident } from '../linking/recompute.js';
import {
  changeIncident,
  type ReviewCommand,
  type ReviewDeps,
  requireReason,
  resolveIncident,
} from './command.js';
import { ConflictError, ReviewError } from './errors.js';

/**
 * Merges `source` into `target`: the source's claims move over (pinned there), the source is
 * closed as a duplicate and soft-deleted, and the target's figures are recomputed. Both versions
 * are checked: `cmd.expectedVersion` is the target's, `sourceVersion` the source's.
 */
export async function merge(
  deps: ReviewDeps,
  target: string,
  source: string,
  sourceVersion: number,
  cmd: ReviewCommand,
) {
  requireReason(cmd, 'merging incidents');
  const src = await resolveIncident(deps.store.db, source);
  return changeIncident(deps, target, cmd, 'incident.merged', async ({ trx, row, now }) => {
    if (src.id === row.id) throw new ReviewError('an incident cannot be merged into itself', 'source');
    const taken = await trx
      .updateTable('incidents')
      .set({
        version: sourceVersion + 1,
        status: 'duplicate',
        merged_into: row.id,
        deleted_at: now,
        updated_at: now,
        reviewed_at: src.reviewed_at ?? now,
      })
      .where('id', '=', src.id)
      .where('version', '=', sourceVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) {
      const cur = await trx
        .selectFrom('incidents')
        .select(['version', 'deleted_at'])
        .where('id', '=', src.id)
        .executeTakeFirst();
      throw new ConflictError(
        'incident',
        src.code,
        sourceVersion,
        cur && cur.deleted_at === null ? Number(cur.version) : null,
      );
    }
    const moved = (
      await trx.selectFrom('claims').select('id').where('incident_id', '=', src.id).execute()
    ).map((c) => c.id);
    if (moved.length > 0)
      await trx
        .updateTable('claims')
        .set({ incident_id: row.id, link_pinned: 1 })
        .where('id', 'in', moved)
        .execute();
    await trx
      .updateTable('link_suggestions')
      .set({ status: 'dismissed', decided_by: cmd.actor, decided_at: now })
      .where('incident_id', '=', src.id)
      .where('status', '=', 'open')
      .execute();
    await appendAudit(
      trx,
      {
        actor: cmd.actor,
        action: 'incident.merged_away',
        entityType: 'incident',
        entityId: src.id,
        before: { version: sourceVersion, status: src.status, deleted_at: null, claims: moved },
        after: {
          version: sourceVersion + 1,
          status: 'duplicate',
          merged_into: row.id,
          deleted_at: now,
          claims: [],
        },
        reason: cmd.reason ?? null,
      },
      now,
    );
    await recomputeIncident(trx, row.id, cmd.actor, now, { bumpVersion: false });
    return { before: { merged: null }, after: { merged: src.id, claims_moved: moved } };
  });
}
