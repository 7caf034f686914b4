import { type ReviewCommand, type ReviewDeps, requireReason, resolveIncident } from './command.js';
import { ReviewError } from './errors.js';
import { transition } from './transition.js';

/**
 * Closes an incident as a duplicate of another, which keeps its own claims and figures; the
 * duplicate's claims stay where they are (use merge to move them).
 */
export async function markDuplicate(deps: ReviewDeps, ref: string, of: string, cmd: ReviewCommand) {
  requireReason(cmd, 'marking an incident a duplicate');
  const original = await resolveIncident(deps.store.db, of);
  return transition(deps, ref, 'duplicate', cmd, 'incident.marked_duplicate', {
    check: (row) => {
      if (row.id === original.id) throw new ReviewError('an incident cannot duplicate itself', 'of');
    },
    set: { merged_into: original.id },
  });
}
