import { summariseIncident } from '../../domain/incident.js';
import { appendAudit } from '../../store/audit.js';
import { claimFromRow, incidentColumnsFromSummary } from '../../store/rows.js';
import type { IncidentsTable } from '../../store/schema.js';
import type { Trx } from './incident-rows.js';

/** Incident columns an analyst may set by hand; recomputation from claims keeps what was set. */
export const OVERRIDABLE_FIELDS = [
  'date_from',
  'date_to',
  'date_precision',
  'place_name',
  'lat',
  'lon',
  'admin1',
  'country',
  'geo_precision',
  'event',
  'target',
] as const;
export type OverridableField = (typeof OVERRIDABLE_FIELDS)[number];
export type FieldOverrides = Partial<Pick<IncidentsTable, OverridableField>>;

export function parseOverrides(json: string | null): FieldOverrides {
  return json ? (JSON.parse(json) as FieldOverrides) : {};
}

/**
 * Re-derives an incident's facts from its claims by the documented rule (summariseIncident),
 * keeping an analyst's civilian range and field overrides. Claims from near-copies of another
 * report are left out of the figures (the original already counts), unless only copies remain.
 * Audited when anything changed. `bumpVersion: false` is for analyst commands that have already
 * taken the incident's next version.
 */
export async function recomputeIncident(
  trx: Trx,
  incidentId: string,
  actor: string,
  now: string,
  options: { bumpVersion?: boolean } = {},
): Promise<boolean> {
  const rows = await trx
    .selectFrom('claims')
    .innerJoin('reports', 'reports.id', 'claims.report_id')
    .selectAll('claims')
    .select('reports.duplicate_of as report_duplicate_of')
    .where('claims.incident_id', '=', incidentId)
    .orderBy('claims.id')
    .execute();
  const inc = await trx
    .selectFrom('incidents')
    .selectAll()
    .where('id', '=', incidentId)
    .executeTakeFirstOrThrow();
  const originals = rows.filter((r) => r.report_duplicate_of === null);
  const counted = (originals.length > 0 ? originals : rows).map(({ report_duplicate_of: _, ...r }) =>
    claimFromRow(r),
  );
  const summary = summariseIncident(counted);
  const cols: Partial<IncidentsTable> = incidentColumnsFromSummary(summary);
  if (inc.civ_override_reason !== null) {
    cols.civ_min = inc.civ_min;
    cols.civ_max = inc.civ_max;
  }
  Object.assign(cols, parseOverrides(inc.field_overrides));

  const current = inc as unknown as Record<string, unknown>;
  const roles = await trx
    .selectFrom('incident_belligerents')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .execute();
  // Analyst entries (a known role or an assessment) stay; untouched defaults follow the claims.
  const kept = roles.filter((r) => r.role !== 'suspected' || r.assessment !== 'not_assessed');
  const codes = [...new Set([...kept.map((r) => r.belligerent), ...summary.belligerents])].sort();
  cols.belligerents = JSON.stringify(codes);

  const changed = Object.entries(cols).filter(([k, v]) => !sameValue(current[k], v));
  const wanted = codes.filter((c) => !kept.some((k) => k.belligerent === c));
  const defaults = roles
    .filter((r) => !kept.includes(r))
    .map((r) => r.belligerent)
    .sort();
  const rolesChanged = JSON.stringify(defaults) !== JSON.stringify(wanted);
  if (changed.length === 0 && !rolesChanged) return false;

  await trx
    .updateTable('incidents')
    .set({
      ...cols,
      ...(options.bumpVersion === false ? {} : { version: Number(inc.version) + 1 }),
      updated_at: now,
    })
    .where('id', '=', incidentId)
    .execute();
  if (rolesChanged) {
    await trx
      .deleteFrom('incident_belligerents')
      .where('incident_id', '=', incidentId)
      .where((eb) => eb.and([eb('role', '=', 'suspected'), eb('assessment', '=', 'not_assessed')]))
      .execute();
    if (wanted.length > 0)
      await trx
        .insertInto('incident_belligerents')
        .values(
          wanted.map((b) => ({
            incident_id: incidentId,
            belligerent: b,
            role: 'suspected',
            assessment: 'not_assessed',
          })),
        )
        .execute();
  }
  if (changed.length > 0)
    await appendAudit(
      trx,
      {
        actor,
        action: 'incident.recomputed',
        entityType: 'incident',
        entityId: incidentId,
        before: Object.fromEntries(changed.map(([k]) => [k, current[k] ?? null])),
        after: Object.fromEntries(changed),
      },
      now,
    );
  return changed.length > 0;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  return typeof a === 'number' || typeof b === 'number' ? Number(a) === Number(b) : false;
}
