import { appendAudit } from '../../store/audit.js';
import { createIncident } from '../linking/incident-rows.js';
import { recomputeIncident } from '../linking/recompute.js';
import { changeIncident, type ReviewCommand, type ReviewDeps, requireReason } from './command.js';
import { ReviewError } from './errors.js';

/**
 * Splits claims off an incident into a new one. Both come out reviewed and the moved claims
 * pinned, so automatic relinking never folds them back together.
 */
export async function split(deps: ReviewDeps, ref: string, claimIds: readonly string[], cmd: ReviewCommand) {
  requireReason(cmd, 'splitting an incident');
  const ids = [...new Set(claimIds)];
  if (ids.length === 0) throw new ReviewError('name at least one claim to split off', 'claims');
  const out = await changeIncident<string>(deps, ref, cmd, 'incident.split', async ({ trx, row, now }) => {
    const held = await trx.selectFrom('claims').select('id').where('incident_id', '=', row.id).execute();
    const heldIds = new Set(held.map((c) => c.id));
    const foreign = ids.filter((id) => !heldIds.has(id));
    if (foreign.length > 0)
      throw new ReviewError(`not claims of ${row.code}: ${foreign.join(', ')}`, 'claims');
    if (ids.length === heldIds.size)
      throw new ReviewError('a split must leave at least one claim behind', 'claims');
    const created = await createIncident(trx, cmd.actor, now, { reviewed: true });
    await trx
      .updateTable('claims')
      .set({ incident_id: created, link_pinned: 1 })
      .where('id', 'in', ids)
      .execute();
    await trx.updateTable('claims').set({ link_pinned: 1 }).where('incident_id', '=', row.id).execute();
    await appendAudit(
      trx,
      {
        actor: cmd.actor,
        action: 'incident.split_from',
        entityType: 'incident',
        entityId: created,
        before: { claims: [] },
        after: { split_from: row.id, claims: ids },
        reason: cmd.reason ?? null,
      },
      now,
    );
    await recomputeIncident(trx, row.id, cmd.actor, now, { bumpVersion: false });
    await recomputeIncident(trx, created, cmd.actor, now);
    return {
      before: { claims: [...heldIds].sort() },
      after: { split_off: created, claims_moved: ids },
      result: created,
    };
  });
  return { incident: out.incident, created: out.result as string };
}
