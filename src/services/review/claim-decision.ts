import type { ClaimStatus } from '../../domain/codes.js';
import { appendAudit } from '../../store/audit.js';
import { NotFoundError } from '../incidents.js';
import { recomputeIncident } from '../linking/recompute.js';
import { changeIncident, type ReviewCommand, type ReviewDeps } from './command.js';
import { ReviewError } from './errors.js';

/**
 * Accepts or rejects one claim of an incident, then recomputes the incident's figures by the rule
 * (accepted claims count; rejected ones never do). `expectedVersion` is the incident's.
 */
export async function decideClaim(
  deps: ReviewDeps,
  claimId: string,
  status: Exclude<ClaimStatus, 'candidate'>,
  cmd: ReviewCommand,
) {
  const claim = await deps.store.db
    .selectFrom('claims')
    .select(['id', 'incident_id', 'status'])
    .where('id', '=', claimId)
    .executeTakeFirst();
  if (!claim) throw new NotFoundError('claim', claimId);
  if (!claim.incident_id) throw new ReviewError(`claim ${claimId} belongs to no incident`, 'claim');
  return changeIncident(
    deps,
    claim.incident_id,
    cmd,
    `incident.claim_${status}`,
    async ({ trx, row, now }) => {
      const current = await trx
        .selectFrom('claims')
        .select(['status', 'incident_id'])
        .where('id', '=', claimId)
        .executeTakeFirstOrThrow();
      if (current.incident_id !== row.id)
        throw new ReviewError(`claim ${claimId} has moved to another incident`, 'claim');
      await trx.updateTable('claims').set({ status }).where('id', '=', claimId).execute();
      await appendAudit(
        trx,
        {
          actor: cmd.actor,
          action: `claim.${status}`,
          entityType: 'claim',
          entityId: claimId,
          before: { status: current.status },
          after: { status },
          reason: cmd.reason ?? null,
        },
        now,
      );
      const before = { civ_min: row.civ_min, civ_max: row.civ_max };
      await recomputeIncident(trx, row.id, cmd.actor, now, { bumpVersion: false });
      const after = await trx
        .selectFrom('incidents')
        .select(['civ_min', 'civ_max'])
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      return {
        before: { claim: claimId, claim_status: current.status, ...before },
        after: { claim: claimId, claim_status: status, ...after },
      };
    },
  );
}
