import type { Belligerent, Grading, StrikeStatus } from '../domain/codes.js';
import type { BelligerentAssessment, BelligerentRole } from '../domain/review.js';
import type { FieldOverrides } from '../services/linking/recompute.js';
import { acceptClaim } from '../services/review/accept-claim.js';
import { acceptLink } from '../services/review/accept-link.js';
import { assign } from '../services/review/assign.js';
import { setBelligerent } from '../services/review/belligerent.js';
import type { ReviewCommand } from '../services/review/command.js';
import { discount } from '../services/review/discount.js';
import { dismissLink } from '../services/review/dismiss-link.js';
import { editFields } from '../services/review/edit.js';
import { ReviewError } from '../services/review/errors.js';
import { grade } from '../services/review/grade.js';
import { markDuplicate } from '../services/review/mark-duplicate.js';
import { merge } from '../services/review/merge.js';
import { publish } from '../services/review/publish.js';
import { rejectClaim } from '../services/review/reject-claim.js';
import { reopen } from '../services/review/reopen.js';
import { setCivilianRange } from '../services/review/set-range.js';
import { split } from '../services/review/split.js';
import { setStrikeStatus } from '../services/review/strike-status.js';
import { submitForReview } from '../services/review/submit.js';
import { markUnverifiable } from '../services/review/unverifiable.js';
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

function text(body: Record<string, unknown>, field: string): string {
  const v = body[field];
  if (typeof v !== 'string' || v.trim() === '') throw new ReviewError(`"${field}" is required (text)`, field);
  return v;
}

function integer(body: Record<string, unknown>, field: string): number {
  const v = body[field];
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new ReviewError(`"${field}" is required (an integer)`, field);
  return v;
}

function cmd(input: ReviewInput): ReviewCommand {
  return { actor: input.actor, expectedVersion: input.expectedVersion, reason: input.reason ?? null };
}

/**
 * Review actions exposed as POST /api/incidents/{id}/{action}: each is the same service the
 * `vigil review` CLI calls; the services validate values and refuse stale versions.
 */
export const REVIEW_ACTIONS: Record<string, ReviewAction> = {
  assign: (store, id, i) => assign({ store }, id, text(i.body, 'assignee'), cmd(i)),
  submit: (store, id, i) => submitForReview({ store }, id, cmd(i)),
  publish: (store, id, i) => publish({ store }, id, cmd(i)),
  discount: (store, id, i) => discount({ store }, id, cmd(i)),
  unverifiable: (store, id, i) => markUnverifiable({ store }, id, cmd(i)),
  reopen: (store, id, i) => reopen({ store }, id, cmd(i)),
  'mark-duplicate': (store, id, i) => markDuplicate({ store }, id, text(i.body, 'of'), cmd(i)),
  grade: (store, id, i) => grade({ store }, id, text(i.body, 'grading') as Grading, cmd(i)),
  'strike-status': (store, id, i) =>
    setStrikeStatus({ store }, id, text(i.body, 'strikeStatus') as StrikeStatus, cmd(i)),
  'set-range': (store, id, i) => {
    const r = i.body.range;
    if (r !== null && (typeof r !== 'object' || r === undefined))
      throw new ReviewError(
        '"range" is required: {min, max} (max null when open-ended), or null to clear',
        'range',
      );
    const range = r as { min?: unknown; max?: unknown } | null;
    return setCivilianRange(
      { store },
      id,
      range === null
        ? null
        : {
            min: integer(range as Record<string, unknown>, 'min'),
            max: range.max === null ? null : integer(range as Record<string, unknown>, 'max'),
          },
      cmd(i),
    );
  },
  belligerent: (store, id, i) => {
    const entry =
      i.body.remove === true
        ? null
        : {
            role: text(i.body, 'role') as BelligerentRole,
            assessment: (typeof i.body.assessment === 'string'
              ? i.body.assessment
              : 'not_assessed') as BelligerentAssessment,
          };
    return setBelligerent({ store }, id, text(i.body, 'belligerent') as Belligerent, entry, cmd(i));
  },
  edit: (store, id, i) => {
    const fields = i.body.fields;
    if (typeof fields !== 'object' || fields === null)
      throw new ReviewError('"fields" is required (an object)', 'fields');
    return editFields({ store }, id, fields as FieldOverrides, cmd(i));
  },
  'accept-claim': (store, _id, i) => acceptClaim({ store }, text(i.body, 'claim'), cmd(i)),
  'reject-claim': (store, _id, i) => rejectClaim({ store }, text(i.body, 'claim'), cmd(i)),
  'accept-link': (store, id, i) => acceptLink({ store }, text(i.body, 'claim'), id, cmd(i)),
  'dismiss-link': (store, id, i) => dismissLink({ store }, text(i.body, 'claim'), id, cmd(i)),
  merge: (store, id, i) =>
    merge({ store }, id, text(i.body, 'source'), integer(i.body, 'sourceVersion'), cmd(i)),
  split: (store, id, i) => {
    const claims = i.body.claims;
    if (!Array.isArray(claims) || claims.some((c) => typeof c !== 'string'))
      throw new ReviewError('"claims" is required (a list of claim ids)', 'claims');
    return split({ store }, id, claims as string[], cmd(i));
  },
};
