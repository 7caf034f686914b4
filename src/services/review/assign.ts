import type { ReviewCommand, ReviewDeps } from './command.js';
import { changeIncident } from './command.js';
import { ReviewError } from './errors.js';

/** Gives an incident to an analyst; a new incident enters review by being assigned. */
export async function assign(deps: ReviewDeps, ref: string, assignee: string, cmd: ReviewCommand) {
  const who = assignee.trim();
  if (!who) throw new ReviewError('assign needs an assignee', 'assignee');
  return changeIncident(deps, ref, cmd, 'incident.assigned', async ({ trx, row }) => {
    if (row.status !== 'new' && row.status !== 'in_review')
      throw new ReviewError(`an incident in ${row.status} cannot be assigned; reopen it first`, 'status');
    const set = { assignee: who, status: 'in_review' };
    await trx.updateTable('incidents').set(set).where('id', '=', row.id).execute();
    return { before: { assignee: row.assignee, status: row.status }, after: set };
  });
}
