import { GRADINGS, type Grading, isOneOf } from '../../domain/codes.js';
import { changeIncident, type ReviewCommand, type ReviewDeps } from './command.js';
import { ReviewError } from './errors.js';

/** Grades an incident on Airwars' scale (GRADING_DEFINITIONS). */
export async function grade(deps: ReviewDeps, ref: string, grading: Grading, cmd: ReviewCommand) {
  if (!isOneOf(GRADINGS, grading))
    throw new ReviewError(`unknown grading "${grading}"; expected one of ${GRADINGS.join(', ')}`, 'grading');
  return changeIncident(deps, ref, cmd, 'incident.graded', async ({ trx, row }) => {
    await trx.updateTable('incidents').set({ grading }).where('id', '=', row.id).execute();
    return { before: { grading: row.grading }, after: { grading } };
  });
}
