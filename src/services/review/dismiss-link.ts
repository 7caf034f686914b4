import { changeIncident, type ReviewCommand, type ReviewDeps } from './command.js';
import { ReviewError } from './errors.js';

/** Dismisses a suggested link for good: relinking never suggests that pair again. */
export async function dismissLink(
  deps: ReviewDeps,
  claimId: string,
  incidentRef: string,
  cmd: ReviewCommand,
) {
  return changeIncident(deps, incidentRef, cmd, 'incident.link_dismissed', async ({ trx, row, now }) => {
    const res = await trx
      .updateTable('link_suggestions')
      .set({ status: 'dismissed', decided_by: cmd.actor, decided_at: now })
      .where('claim_id', '=', claimId)
      .where('incident_id', '=', row.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0)
      throw new ReviewError(`no open suggestion links claim ${claimId} to ${row.code}`, 'claim');
    return {
      before: { claim: claimId, suggestion: 'open' },
      after: { claim: claimId, suggestion: 'dismissed' },
    };
  });
}
