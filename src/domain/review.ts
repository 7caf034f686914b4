import type { IncidentStatus } from './codes.js';

/**
 * The review workflow: new → in_review (with an assignee) → ready_for_review → a decision.
 * A decided incident can only be reopened (back to in_review), never silently re-decided.
 */
export const REVIEW_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  new: ['in_review'],
  in_review: ['ready_for_review', 'new'],
  ready_for_review: ['published', 'discounted', 'duplicate', 'unverifiable', 'in_review'],
  published: ['in_review'],
  discounted: ['in_review'],
  duplicate: ['in_review'],
  unverifiable: ['in_review'],
};

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return REVIEW_TRANSITIONS[from].includes(to);
}

export const BELLIGERENT_ROLES = ['known', 'suspected'] as const;
export type BelligerentRole = (typeof BELLIGERENT_ROLES)[number];

/** The belligerent's own assessment of the civilian harm claims. */
export const BELLIGERENT_ASSESSMENTS = ['not_assessed', 'credible', 'non_credible'] as const;
export type BelligerentAssessment = (typeof BELLIGERENT_ASSESSMENTS)[number];
