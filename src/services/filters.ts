import { type Expression, type SelectQueryBuilder, sql } from 'kysely';
import { BELLIGERENTS, EVENT_TYPES, GRADINGS, INCIDENT_STATUSES, isOneOf } from '../domain/codes.js';
import { isIsoDay } from '../domain/dates.js';
import type { Database } from '../store/schema.js';

export interface IncidentFilter {
  country?: string[];
  /** First-level divisions as GeoNames codes "CC.A1" (e.g. SY.04, Raqqa governorate). */
  admin1?: string[];
  belligerent?: string[];
  event?: string[];
  /** Gradings to include; 'all' (or undefined) includes every incident, graded or not. */
  grading?: string[] | 'all';
  status?: string[];
  /** Incidents whose dates overlap [from, to]. */
  from?: string;
  to?: string;
  text?: string;
}

export class FilterError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'FilterError';
  }
}

/** Parses "fair,confirmed" / "all" and checks every grading is one Vigil knows. */
export function parseGradingList(value: string | undefined, fallback: string[] | 'all'): string[] | 'all' {
  if (value === undefined) return fallback;
  if (value.trim() === 'all') return 'all';
  const list = splitList(value);
  for (const g of list)
    if (!isOneOf(GRADINGS, g) && g !== 'ungraded')
      throw new FilterError(
        `unknown grading "${g}"; expected ${GRADINGS.join(', ')}, ungraded or all`,
        'grading',
      );
  return list;
}

/** A filter as text parameters: the CLI's flags and the API's query string both come through here. */
export interface FilterParams {
  country?: string;
  admin1?: string;
  belligerent?: string;
  event?: string;
  grading?: string;
  status?: string;
  from?: string;
  to?: string;
  text?: string;
}

export function filterFromParams(p: FilterParams, gradingDefault: string[] | 'all'): IncidentFilter {
  const filter: IncidentFilter = { grading: parseGradingList(p.grading, gradingDefault) };
  if (p.country) filter.country = splitList(p.country);
  if (p.admin1) {
    filter.admin1 = splitList(p.admin1);
    for (const a of filter.admin1)
      if (!/^[A-Za-z]{2}\.[A-Za-z0-9]+$/.test(a))
        throw new FilterError(`admin1 must be a GeoNames code such as SY.04, got "${a}"`, 'admin1');
  }
  if (p.belligerent)
    filter.belligerent = knownList(p.belligerent, BELLIGERENTS, 'belligerent', 'belligerent');
  if (p.event) filter.event = knownList(p.event, EVENT_TYPES, 'event', 'event type');
  if (p.status) filter.status = knownList(p.status, INCIDENT_STATUSES, 'status', 'status');
  if (p.from) filter.from = p.from;
  if (p.to) filter.to = p.to;
  if (p.text) filter.text = p.text;
  return filter;
}

/** A comma-separated list of values from a closed set: a typo is refused, not a silently empty result. */
function knownList(value: string, known: readonly string[], field: string, what: string): string[] {
  const list = splitList(value);
  for (const v of list)
    if (!known.includes(v))
      throw new FilterError(`unknown ${what} "${v}"; expected ${known.join(', ')}`, field);
  return list;
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Refuses a date that is no real day. `named` says a field as its reader knows it: the API's
 * parameter (`from`) by default, the CLI's option (`--from`) there.
 */
export function checkFilterDates(filter: IncidentFilter, named: (field: string) => string = (f) => f): void {
  for (const field of ['from', 'to'] as const) {
    const v = filter[field];
    if (v !== undefined && !isIsoDay(v))
      throw new FilterError(`${named(field)} must be a real date YYYY-MM-DD, got "${v}"`, field);
  }
}

/** Applies a filter to any query over `incidents` (soft-deleted ones never count). */
export function applyIncidentFilter<O>(
  q: SelectQueryBuilder<Database, 'incidents', O>,
  filter: IncidentFilter,
): SelectQueryBuilder<Database, 'incidents', O> {
  checkFilterDates(filter);
  let out = q.where('incidents.deleted_at', 'is', null);
  if (filter.country?.length)
    out = out.where(
      'incidents.country',
      'in',
      filter.country.map((c) => c.toUpperCase()),
    );
  if (filter.admin1?.length) {
    const pairs = filter.admin1.map((code) => {
      const [country = '', admin1 = ''] = code.split('.');
      return { country: country.toUpperCase(), admin1 };
    });
    out = out.where((eb) =>
      eb.or(
        pairs.map((p) =>
          eb.and([eb('incidents.country', '=', p.country), eb('incidents.admin1', '=', p.admin1)]),
        ),
      ),
    );
  }
  if (filter.event?.length) out = out.where('incidents.event', 'in', filter.event);
  if (filter.status?.length) out = out.where('incidents.status', 'in', filter.status);
  if (filter.grading && filter.grading !== 'all') {
    const grades = filter.grading.filter((g) => g !== 'ungraded');
    const ungraded = filter.grading.includes('ungraded');
    out = out.where((eb) =>
      eb.or([
        ...(grades.length ? [eb('incidents.grading', 'in', grades)] : []),
        ...(ungraded ? [eb('incidents.grading', 'is', null)] : []),
      ]),
    );
  }
  if (filter.from) {
    out = out.where('incidents.date_to', '>=', filter.from);
    out = out.where('incidents.date_from', '>=', earliestStart(filter.from));
  }
  if (filter.to) out = out.where('incidents.date_from', '<=', filter.to);
  if (filter.belligerent?.length) {
    const codes = filter.belligerent;
    out = out.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_belligerents as ib')
          .select('ib.incident_id')
          .whereRef('ib.incident_id', '=', 'incidents.id')
          .where('ib.belligerent', 'in', codes),
      ),
    );
  }
  if (filter.text) {
    // The same match on both databases: LIKE is case-sensitive on PostgreSQL and not on SQLite, so
    // both sides are lowered (on SQLite by addSqliteFunctions' lower(), which folds all of Unicode
    // as PostgreSQL's does); SQLite has no escape character unless one is named, so "100%" looked
    // for a backslash there.
    const like = `%${filter.text.toLowerCase().replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    const match = (column: 'place_name' | 'code' | 'admin1') =>
      sql<boolean>`lower(${sql.ref(`incidents.${column}`)}) like ${like} escape '\\'`;
    out = out.where((eb) => eb.or([match('place_name'), match('code'), match('admin1')]));
  }
  return out;
}

/**
 * The earliest date_from an incident can have and still end on or after `from`: the start of the month
 * `from` falls in, less the longest span any incident has (date_span, in months). Read from its index
 * in the same statement, the bound is exact under any write, and it gives the date_from indexes a lower
 * end as well as an upper one. Months, not days, because month arithmetic on "YYYY-MM" text is the
 * same integer SQL on SQLite and PostgreSQL; the bound is then at most a month looser than needed.
 * Before year 1000 the text would lose its fourth digit and sort wrongly, so the bound becomes ''.
 */
function earliestStart(from: string): Expression<string> {
  const month = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7));
  return sql<string>`(select case when m <= 12000 then ''
      else cast((m - 1) / 12 as text) || '-' || case when (m - 1) % 12 < 9 then '0' else '' end || cast((m - 1) % 12 + 1 as text) end
    from (select cast(${month} as integer) - coalesce(max(date_span), 0) as m from incidents) as span_bound)`;
}
