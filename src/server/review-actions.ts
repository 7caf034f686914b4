import type { Store } from '../store/database.js';

/** What every review action receives (the review services' common arguments). */
export interface ReviewInput {
  actor: string;
  expectedVersion: number;
  reason?: string;
  /** Action-specific fields from the request body (grading, claim id, target incident…). */
  body: Record<string, unknown>;
}

export type ReviewAction = (store: Store, incidentId: string, input: ReviewInput) => Promise<unknown>;

/**
 * Review actions exposed as POST /api/incidents/{id}/{action}. Filled in as the review
 * services (src/services/review) land; the route, its auth, CSRF and error mapping are in place.
 */
export const REVIEW_ACTIONS: Record<string, ReviewAction> = {};
