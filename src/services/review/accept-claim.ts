import { decideClaim } from './claim-decision.js';
import type { ReviewCommand, ReviewDeps } from './command.js';

/** An analyst accepts a claim: once any claim is accepted, only accepted claims count. */
export function acceptClaim(deps: ReviewDeps, claimId: string, cmd: ReviewCommand) {
  return decideClaim(deps, claimId, 'accepted', cmd);
}
