import { appendAudit } from '../../store/audit.js';
import { NotFoundError } from '../incidents.js';
import { recomputeIncident } from '../linking/recompute.js';
import { changeIncident, type ReviewCommand, type ReviewDeps } from './command.js';
import { ReviewError } from './errors.js';

/**
 * Accepts a link below the automatic threshold: the claim moves into the incident (pinned there),
 * its former incident is recomputed, or soft-deleted when it was automatic and is now empty.
 * `expectedVersion` is the receiving incident's.
 */
export async function acceptLink(deps: ReviewDeps, claimId: string, incidentRef: string, cmd: ReviewCommand) {
  const claim = await deps.store.db
    .selectFrom('claims')
    .select(['id', 'incident_id', 'report_id'])
    .where('id', '=', claimId)
    .executeTakeFirst();
  if (!claim) throw new NotFoundError('claim', claimId);
  return changeIncident(deps, incidentRef, cmd, 'incident.link_accepted', async ({ trx, row, now }) => {
    const from = claim.incident_id;
    if (from === row.id) throw new ReviewError(`claim ${claimId} is already in ${row.code}`, 'claim');
    const sameReport = await trx
      .selectFrom('claims')
      .select('id')
      .where('incident_id', '=', row.id)
      .where('report_id', '=', claim.report_id)
      .executeTakeFirst();
    if (sameReport)
      throw new ReviewError(
        `${row.code} already holds a claim of the same report (${sameReport.id})`,
        'claim',
      );
    await trx
      .updateTable('claims')
      .set({ incident_id: row.id, link_pinned: 1 })
      .where('id', '=', claimId)
      .execute();
    await trx
      .insertInto('link_suggestions')
      .values({
        claim_id: claimId,
        incident_id: row.id,
        score: 0,
        status: 'accepted',
        created_at: now,
        decided_by: cmd.actor,
        decided_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['claim_id', 'incident_id'])
          .doUpdateSet({ status: 'accepted', decided_by: cmd.actor, decided_at: now }),
      )
      .execute();
    await appendAudit(
      trx,
      {
        actor: cmd.actor,
        action: 'claim.linked',
        entityType: 'claim',
        entityId: claimId,
        before: { incident_id: from },
        after: { incident_id: row.id },
        reason: cmd.reason ?? null,
      },
      now,
    );
    if (from) {
      const left = await trx
        .selectFrom('claims')
        .select('id')
        .where('incident_id', '=', from)
        .limit(1)
        .execute();
      const old = await trx
        .selectFrom('incidents')
        .selectAll()
        .where('id', '=', from)
        .executeTakeFirstOrThrow();
      if (left.length === 0 && old.reviewed_at === null) {
        await trx
          .updateTable('incidents')
          .set({ deleted_at: now, version: Number(old.version) + 1, updated_at: now, merged_into: row.id })
          .where('id', '=', from)
          .execute();
        await appendAudit(
          trx,
          {
            actor: cmd.actor,
            action: 'incident.absorbed',
            entityType: 'incident',
            entityId: from,
            after: { deleted_at: now },
          },
          now,
        );
      } else await recomputeIncident(trx, from, cmd.actor, now);
    }
    await recomputeIncident(trx, row.id, cmd.actor, now, { bumpVersion: false });
    return { before: { claim: claimId, from }, after: { claim: claimId, to: row.id } };
  });
}
