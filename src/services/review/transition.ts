import { INCIDENT_STATUSES, type IncidentStatus, isOneOf } from '../../domain/codes.js';
import { canTransition, REVIEW_TRANSITIONS } from '../../domain/review.js';
import type { IncidentsTable } from '../../store/schema.js';
import { type ChangeContext, changeIncident, type ReviewCommand, type ReviewDeps } from './command.js';
import { ReviewError } from './errors.js';

export interface TransitionOptions {
  /** Extra checks on the incident as it stands; throw a ReviewError to refuse. */
  check?: (row: IncidentsTable, ctx: ChangeContext) => void | Promise<void>;
  /** Other columns the move sets. */
  set?: Partial<IncidentsTable>;
}

/** Moves an incident along the review workflow, refusing moves REVIEW_TRANSITIONS does not allow. */
export async function transition(
  deps: ReviewDeps,
  ref: string,
  to: IncidentStatus,
  cmd: ReviewCommand,
  action: string,
  options: TransitionOptions = {},
) {
  return changeIncident(deps, ref, cmd, action, async (ctx) => {
    const from = ctx.row.status;
    if (!isOneOf(INCIDENT_STATUSES, from))
      throw new ReviewError(`incident has unknown status "${from}"`, 'status');
    if (!canTransition(from, to))
      throw new ReviewError(
        `an incident in ${from} cannot move to ${to}; from ${from} it can move to ${REVIEW_TRANSITIONS[from].join(', ')}`,
        'status',
      );
    await options.check?.(ctx.row, ctx);
    const set = { status: to, ...options.set };
    await ctx.trx.updateTable('incidents').set(set).where('id', '=', ctx.row.id).execute();
    const keys = Object.keys(set) as (keyof IncidentsTable)[];
    return {
      before: Object.fromEntries(keys.map((k) => [k, ctx.row[k]])),
      after: set,
    };
  });
}
