import type { Transaction } from 'kysely';
import { DEFAULT_RANGE_RULE } from '../../domain/incident.js';
import { appendAudit } from '../../store/audit.js';
import type { Database } from '../../store/schema.js';
import { nextIncidentCode } from '../incident-codes.js';

export type Trx = Transaction<Database>;

/** A new, empty incident (status new); its facts are filled in by recomputeIncident once claims join. */
export async function createIncident(
  trx: Trx,
  actor: string,
  now: string,
  extra: { reviewed?: boolean } = {},
): Promise<string> {
  const code = await nextIncidentCode(trx);
  const id = `i_${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  await trx
    .insertInto('incidents')
    .values({
      id,
      code,
      status: 'new',
      grading: null,
      strike_status: null,
      date_from: null,
      date_to: null,
      date_precision: null,
      place_name: null,
      place_id: null,
      lat: null,
      lon: null,
      admin1: null,
      country: null,
      geo_precision: null,
      event: null,
      target: null,
      belligerents: '[]',
      civ_min: null,
      civ_max: null,
      killed_min: null,
      killed_max: null,
      injured_min: null,
      injured_max: null,
      civ_override_reason: null,
      range_rule: DEFAULT_RANGE_RULE,
      attribution: null,
      external_id: null,
      sensitive_coords: 0,
      assignee: null,
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      reviewed_at: extra.reviewed ? now : null,
      merged_into: null,
      field_overrides: null,
    })
    .execute();
  await appendAudit(
    trx,
    { actor, action: 'incident.created', entityType: 'incident', entityId: id, after: { code } },
    now,
  );
  return id;
}
