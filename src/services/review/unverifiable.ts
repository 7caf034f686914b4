import { type ReviewCommand, type ReviewDeps, requireReason } from './command.js';
import { transition } from './transition.js';

/** Closes an incident that cannot be verified either way, with why. */
export async function markUnverifiable(deps: ReviewDeps, ref: string, cmd: ReviewCommand) {
  requireReason(cmd, 'marking an incident unverifiable');
  return transition(deps, ref, 'unverifiable', cmd, 'incident.unverifiable');
}
