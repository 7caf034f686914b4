import { type ReviewCommand, type ReviewDeps, requireReason } from './command.js';
import { transition } from './transition.js';

/** Decides an incident is not civilian harm by the alleged party (combatants, another party), with why. */
export async function discount(deps: ReviewDeps, ref: string, cmd: ReviewCommand) {
  requireReason(cmd, 'discounting an incident');
  return transition(deps, ref, 'discounted', cmd, 'incident.discounted');
}
