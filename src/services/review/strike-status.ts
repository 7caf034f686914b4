import { isOneOf, STRIKE_STATUSES, type StrikeStatus } from '../../domain/codes.js';
import { changeIncident, type ReviewCommand, type ReviewDeps } from './command.js';
import { ReviewError } from './errors.js';

/** Records whether a belligerent declared the strike, or how likely it is otherwise. */
export async function setStrikeStatus(
  deps: ReviewDeps,
  ref: string,
  status: StrikeStatus,
  cmd: ReviewCommand,
) {
  if (!isOneOf(STRIKE_STATUSES, status))
    throw new ReviewError(
      `unknown strike status "${status}"; expected one of ${STRIKE_STATUSES.join(', ')}`,
      'strikeStatus',
    );
  return changeIncident(deps, ref, cmd, 'incident.strike_status', async ({ trx, row }) => {
    await trx.updateTable('incidents').set({ strike_status: status }).where('id', '=', row.id).execute();
    return { before: { strike_status: row.strike_status }, after: { strike_status: status } };
  });
}
