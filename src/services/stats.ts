import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/schema.js';
import { applyIncidentFilter, type IncidentFilter } from './filters.js';

export const STATS_DIMENSIONS = ['month', 'year', 'belligerent', 'country'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

export interface RangeTotal {
  min: number;
  /** null when any summed maximum is open-ended. */
  max: number | null;
  /**
   * Incidents that give no figure at all (UCDP codes no injuries; a report may give no civilian
   * toll). They add nothing to either bound, so a reader must know how many there are.
   */
  unreported: number;
}

export interface StatsRow {
  key: string;
  incidents: number;
  killed: RangeTotal;
  civilians_killed: RangeTotal;
  injured: RangeTotal;
}

export const UNKNOWN_KEY = 'unknown';

/**
 * Totals by a dimension: the sum of minimums to the sum of maximums over the incidents
 * that match the filter. An incident with several belligerents counts under each of them.
 */
export async function statsBy(
  db: Kysely<Database>,
  by: StatsDimension,
  filter: IncidentFilter,
): Promise<StatsRow[]> {
  const sums = (
    min: 'killed_min' | 'civ_min' | 'injured_min',
    max: 'killed_max' | 'civ_max' | 'injured_max',
  ) =>
    [
      sql<number>`coalesce(sum(incidents.${sql.ref(min)}), 0)`.as(`${min}_sum`),
      sql<number>`coalesce(sum(incidents.${sql.ref(max)}), 0)`.as(`${max}_sum`),
      sql<number>`sum(case when incidents.${sql.ref(min)} is not null and incidents.${sql.ref(max)} is null then 1 else 0 end)`.as(
        `${max}_open`,
      ),
      sql<number>`sum(case when incidents.${sql.ref(min)} is null then 1 else 0 end)`.as(`${min}_none`),
    ] as const;
  const keyExpr =
    by === 'month'
      ? sql<string>`coalesce(substr(incidents.date_from, 1, 7), ${UNKNOWN_KEY})`
      : by === 'year'
        ? sql<string>`coalesce(substr(incidents.date_from, 1, 4), ${UNKNOWN_KEY})`
        : by === 'country'
          ? sql<string>`coalesce(incidents.country, ${UNKNOWN_KEY})`
          : sql<string>`coalesce(ib.belligerent, ${UNKNOWN_KEY})`;
  const base =
    by === 'belligerent'
      ? db.selectFrom('incidents').leftJoin('incident_belligerents as ib', 'ib.incident_id', 'incidents.id')
      : db.selectFrom('incidents');
  // The join only adds rows for the belligerent dimension; the filter itself is dimension-independent.
  const q = applyIncidentFilter(
    base as unknown as ReturnType<Kysely<Database>['selectFrom']> as never,
    filter,
  ) as ReturnType<typeof db.selectFrom<'incidents'>>;
  const rows = await q
    .select([
      keyExpr.as('key'),
      sql<number>`count(*)`.as('incidents'),
      ...sums('killed_min', 'killed_max'),
      ...sums('civ_min', 'civ_max'),
      ...sums('injured_min', 'injured_max'),
    ])
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  const r = (v: unknown) => Number(v ?? 0);
  return (rows as unknown as Record<string, unknown>[]).map((row) => {
    const total = (min: string, max: string): RangeTotal => ({
      min: r(row[`${min}_sum`]),
      max: r(row[`${max}_open`]) > 0 ? null : r(row[`${max}_sum`]),
      unreported: r(row[`${min}_none`]),
    });
    return {
      key: String(row.key),
      incidents: r(row.incidents),
      killed: total('killed_min', 'killed_max'),
      civilians_killed: total('civ_min', 'civ_max'),
      injured: total('injured_min', 'injured_max'),
    };
  });
}
