import type { Kysely } from 'kysely';
import { BELLIGERENTS, type Belligerent, isOneOf } from '../../domain/codes.js';
import {
  BELLIGERENT_ASSESSMENTS,
  BELLIGERENT_ROLES,
  type BelligerentAssessment,
  type BelligerentRole,
} from '../../domain/review.js';
import type { Database } from '../../store/schema.js';
import { changeIncident, type ReviewCommand, type ReviewDeps } from './command.js';
import { ReviewError } from './errors.js';

export interface BelligerentEntry {
  belligerent: Belligerent;
  role: BelligerentRole;
  assessment: BelligerentAssessment;
}

/** Sets one belligerent's entry (known or suspected, and its own assessment), or removes it (`null`). */
export async function setBelligerent(
  deps: ReviewDeps,
  ref: string,
  belligerent: Belligerent,
  entry: Omit<BelligerentEntry, 'belligerent'> | null,
  cmd: ReviewCommand,
) {
  if (!isOneOf(BELLIGERENTS, belligerent))
    throw new ReviewError(
      `unknown belligerent "${belligerent}"; expected one of ${BELLIGERENTS.join(', ')}`,
      'belligerent',
    );
  if (entry && !isOneOf(BELLIGERENT_ROLES, entry.role))
    throw new ReviewError(`role must be one of ${BELLIGERENT_ROLES.join(', ')}`, 'role');
  if (entry && !isOneOf(BELLIGERENT_ASSESSMENTS, entry.assessment))
    throw new ReviewError(`assessment must be one of ${BELLIGERENT_ASSESSMENTS.join(', ')}`, 'assessment');
  return changeIncident(deps, ref, cmd, 'incident.belligerent', async ({ trx, row }) => {
    const old = await trx
      .selectFrom('incident_belligerents')
      .select(['role', 'assessment'])
      .where('incident_id', '=', row.id)
      .where('belligerent', '=', belligerent)
      .executeTakeFirst();
    await trx
      .deleteFrom('incident_belligerents')
      .where('incident_id', '=', row.id)
      .where('belligerent', '=', belligerent)
      .execute();
    if (entry)
      await trx
        .insertInto('incident_belligerents')
        .values({ incident_id: row.id, belligerent, ...entry })
        .execute();
    const codes = new Set<string>(JSON.parse(row.belligerents) as string[]);
    if (entry) codes.add(belligerent);
    else codes.delete(belligerent);
    await trx
      .updateTable('incidents')
      .set({ belligerents: JSON.stringify([...codes].sort()) })
      .where('id', '=', row.id)
      .execute();
    return {
      before: { belligerent, entry: old ?? null },
      after: { belligerent, entry },
    };
  });
}

/** An incident's belligerent entries, by code. */
export async function belligerentEntries(
  db: Kysely<Database>,
  incidentId: string,
): Promise<BelligerentEntry[]> {
  const rows = await db
    .selectFrom('incident_belligerents')
    .select(['belligerent', 'role', 'assessment'])
    .where('incident_id', '=', incidentId)
    .orderBy('belligerent')
    .execute();
  return rows as BelligerentEntry[];
}
