import { api } from '../api/client.js';

/**
 * Review actions, as POST /api/incidents/{id}/{action} with the incident version the analyst saw:
 * a stale version is refused with 409 rather than overwriting someone else's change.
 */
export const ACTIONS = {
  startReview: 'start-review',
  markReady: 'mark-ready',
  acceptClaim: 'accept-claim',
  rejectClaim: 'reject-claim',
  grade: 'grade',
  publish: 'publish',
  merge: 'merge',
  split: 'split',
  edit: 'edit',
} as const;

export type ActionName = (typeof ACTIONS)[keyof typeof ACTIONS];

export function runAction(
  incidentId: string,
  action: ActionName,
  expectedVersion: number,
  body: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  return api.post(`/api/incidents/${encodeURIComponent(incidentId)}/${action}`, { expectedVersion, ...body });
}
