import {
  type FieldOverrides,
  OVERRIDABLE_FIELDS,
  type OverridableField,
  parseOverrides,
} from '../linking/recompute.js';
import { changeIncident, type ReviewCommand, type ReviewDeps, requireReason } from './command.js';
import { ReviewError } from './errors.js';

/**
 * Edits incident fields by hand, with a reason. The values are kept as overrides, so a later
 * recomputation from claims does not undo them.
 */
export async function editFields(deps: ReviewDeps, ref: string, fields: FieldOverrides, cmd: ReviewCommand) {
  requireReason(cmd, 'editing an incident');
  const keys = Object.keys(fields);
  if (keys.length === 0) throw new ReviewError('nothing to edit', 'fields');
  for (const k of keys)
    if (!(OVERRIDABLE_FIELDS as readonly string[]).includes(k))
      throw new ReviewError(`"${k}" cannot be edited; editable: ${OVERRIDABLE_FIELDS.join(', ')}`, k);
  for (const k of ['lat', 'lon'] as const) {
    const v = fields[k];
    if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v)))
      throw new ReviewError(`${k} must be a number`, k);
  }
  return changeIncident(deps, ref, cmd, 'incident.edited', async ({ trx, row }) => {
    const overrides = { ...parseOverrides(row.field_overrides), ...fields };
    await trx
      .updateTable('incidents')
      .set({ ...fields, field_overrides: JSON.stringify(overrides) })
      .where('id', '=', row.id)
      .execute();
    return {
      before: Object.fromEntries(keys.map((k) => [k, row[k as OverridableField]])),
      after: fields,
    };
  });
}
