import { decideClaim } from './claim-decision.js';
import type { ReviewCommand, ReviewDeps } from './command.js';

/** An analyst rejects a claim: it stays on record with its incident but never counts. */
export function rejectClaim(deps: ReviewDeps, claimId: string, cmd: ReviewCommand) {
  return decideClaim(deps, claimId, 'rejected', cmd);
}
