import { type CountRange, MAX_COUNT } from '../../domain/range.js';
import { recomputeIncident } from '../linking/recompute.js';
import { changeIncident, type ReviewCommand, type ReviewDeps, requireReason } from './command.js';
import { ReviewError } from './errors.js';

/**
 * Sets the civilian range by hand, overriding the rule, with a reason; `null` clears the override
 * and the range follows the claims again.
 */
export async function setCivilianRange(
  deps: ReviewDeps,
  ref: string,
  range: CountRange | null,
  cmd: ReviewCommand,
) {
  const reason = requireReason(
    cmd,
    range ? 'setting the civilian range by hand' : 'clearing a civilian range override',
  );
  if (range) {
    if (!Number.isInteger(range.min) || range.min < 0)
      throw new ReviewError('the minimum must be a whole number ≥ 0', 'min');
    if (range.max !== null && (!Number.isInteger(range.max) || range.max < range.min))
      throw new ReviewError('the maximum must be a whole number ≥ the minimum, or open', 'max');
    for (const [k, v] of [
      ['min', range.min],
      ['max', range.max],
    ] as const)
      if (v !== null && v > MAX_COUNT)
        throw new ReviewError(`the ${k}imum may be at most ${MAX_COUNT.toLocaleString('en')}`, k);
  }
  return changeIncident(
    deps,
    ref,
    cmd,
    range ? 'incident.range_set' : 'incident.range_cleared',
    async (ctx) => {
      const before = {
        civ_min: ctx.row.civ_min,
        civ_max: ctx.row.civ_max,
        civ_override_reason: ctx.row.civ_override_reason,
      };
      if (range) {
        const after = { civ_min: range.min, civ_max: range.max, civ_override_reason: reason };
        await ctx.trx.updateTable('incidents').set(after).where('id', '=', ctx.row.id).execute();
        return { before, after };
      }
      await ctx.trx
        .updateTable('incidents')
        .set({ civ_override_reason: null })
        .where('id', '=', ctx.row.id)
        .execute();
      await recomputeIncident(ctx.trx, ctx.row.id, cmd.actor, ctx.now, { bumpVersion: false });
      const now = await ctx.trx
        .selectFrom('incidents')
        .select(['civ_min', 'civ_max', 'civ_override_reason'])
        .where('id', '=', ctx.row.id)
        .executeTakeFirstOrThrow();
      return { before, after: now };
    },
  );
}
