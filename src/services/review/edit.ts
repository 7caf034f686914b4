import { DATE_PRECISIONS, EVENT_TYPES, GEO_PRECISIONS, isOneOf } from '../../domain/codes.js';
import { isIsoDay } from '../../domain/dates.js';
import { countryName } from '../../ingest/importers/countries.js';
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
  for (const k of keys as OverridableField[]) {
    const v = fields[k];
    if (v === undefined || v === null) continue;
    const problem = fieldProblem(k, v);
    if (problem) throw new ReviewError(`${k} ${problem}`, k);
  }
  return changeIncident(deps, ref, cmd, 'incident.edited', async ({ trx, row }) => {
    const from = fields.date_from !== undefined ? fields.date_from : row.date_from;
    const to = fields.date_to !== undefined ? fields.date_to : row.date_to;
    if (from && to && isIsoDay(from) && isIsoDay(to) && from > to)
      throw new ReviewError(
        `date_from ${from} is after date_to ${to}`,
        'date_from' in fields ? 'date_from' : 'date_to',
      );
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

/** Longest place name or target kept: a name, not a document. */
const MAX_FIELD_CHARS = 500;

/**
 * Why `value` cannot be `field`, or null (pure). The CLI's --set and the API's JSON both reach
 * here: without it an impossible day, a latitude of 91 or an object went into the incident as given.
 */
export function fieldProblem(field: OverridableField, value: unknown): string | null {
  switch (field) {
    case 'lat':
    case 'lon': {
      const limit = field === 'lat' ? 90 : 180;
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      return Math.abs(value) > limit ? `must be between -${limit} and ${limit}, got ${value}` : null;
    }
    case 'date_from':
    case 'date_to':
      return typeof value === 'string' && isIsoDay(value)
        ? null
        : `must be a real day YYYY-MM-DD, got ${JSON.stringify(value)}`;
    case 'date_precision':
      return isOneOf(DATE_PRECISIONS, value) ? null : `must be one of ${DATE_PRECISIONS.join(', ')}`;
    case 'geo_precision':
      return isOneOf(GEO_PRECISIONS, value) ? null : `must be one of ${GEO_PRECISIONS.join(', ')}`;
    case 'event':
      return isOneOf(EVENT_TYPES, value) ? null : `must be one of ${EVENT_TYPES.join(', ')}`;
    case 'country':
      // The list ingest checks against (ingest/fields.ts): "XX" has the shape of a code but names no country.
      return typeof value === 'string' && /^[A-Z]{2}$/.test(value) && countryName(value) !== null
        ? null
        : `must be an ISO 3166 two-letter code such as SY, got ${JSON.stringify(value)}`;
    case 'place_name':
    case 'admin1':
    case 'target':
      if (typeof value !== 'string') return 'must be text';
      return value.length > MAX_FIELD_CHARS
        ? `may be at most ${MAX_FIELD_CHARS} characters, got ${value.length}`
        : null;
  }
}
