import { api } from '../api/client.js';

/**
 * Review actions, as POST /api/incidents/{id}/{action} with the incident version the analyst saw:
 * a stale version is refused with 409 rather than overwriting someone else's change.
 */
export type ActionName =
  | 'assign'
  | 'submit'
  | 'publish'
  | 'grade'
  | 'accept-claim'
  | 'reject-claim'
  | 'merge'
  | 'split'
  | 'edit'
  | 'set-range'
  | 'reopen'
  | 'discount'
  | 'unverifiable'
  | 'mark-duplicate'
  | 'strike-status'
  | 'belligerent';

export function runAction(
  incidentId: string,
  action: ActionName,
  expectedVersion: number,
  body: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  return api.post(`/api/incidents/${encodeURIComponent(incidentId)}/${action}`, { expectedVersion, ...body });
}
