import type { ReviewCommand, ReviewDeps } from './command.js';
import { transition } from './transition.js';

/** The assigned analyst hands the incident on for a decision. */
export async function submitForReview(deps: ReviewDeps, ref: string, cmd: ReviewCommand) {
  return transition(deps, ref, 'ready_for_review', cmd, 'incident.submitted');
}
