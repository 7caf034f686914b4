import type { ReviewCommand, ReviewDeps } from './command.js';
import { ReviewError } from './errors.js';
import { transition } from './transition.js';

/** Publishes a reviewed incident; it must carry a grading, since every public figure is graded. */
export async function publish(deps: ReviewDeps, ref: string, cmd: ReviewCommand) {
  return transition(deps, ref, 'published', cmd, 'incident.published', {
    check: (row) => {
      if (!row.grading) throw new ReviewError('an incident is published only once graded', 'grading');
    },
  });
}
