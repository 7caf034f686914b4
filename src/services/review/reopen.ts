import { type ReviewCommand, type ReviewDeps, requireReason } from './command.js';
import { transition } from './transition.js';

/** Sends a decided or submitted incident back into review, with why. */
export async function reopen(deps: ReviewDeps, ref: string, cmd: ReviewCommand) {
  requireReason(cmd, 'reopening an incident');
  return transition(deps, ref, 'in_review', cmd, 'incident.reopened');
}
