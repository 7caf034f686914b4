import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../store/dialect.js';
import { type IncidentView, incidentFromRow } from '../store/rows.js';
import type { Database, IncidentsTable } from '../store/schema.js';
import { applyIncidentFilter, FilterError, type IncidentFilter } from './filters.js';

export const INCIDENT_SORTS = ['date', '-date', 'code', '-code', 'updated', '-updated'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

export const MAX_PAGE_SIZE = 500;

const SORT_COLUMN = { date: 'date_from', code: 'code', updated: 'updated_at' } as const;

export interface IncidentPage {
  items: { view: IncidentView; row: IncidentsTable }[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  next: string | null;
}

interface Cursor {
  /** The sort column's value on the last row (null: an undated incident). */
  v: string | null;
  /** Its code, which breaks ties. */
  c: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.v, c.c])).toString('base64url');
}

function decodeCursor(s: string): Cursor {
  try {
    const [v, c] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown[];
    if ((typeof v === 'string' || v === null) && typeof c === 'string') return { v, c };
  } catch {
    // fall through: any malformed cursor gets the same message
  }
  throw new FilterError('cursor is not one this server issued', 'cursor');
}

/**
 * One page of incidents in a stable order, by keyset (no OFFSET: page 1,000 costs what page 1 does).
 * Undated incidents come first in ascending date order and last in descending, on both databases.
 */
export async function pageIncidents(
  db: Kysely<Database>,
  dialect: Dialect,
  filter: IncidentFilter,
  options: { sort?: IncidentSort; cursor?: string; limit?: number } = {},
): Promise<IncidentPage> {
  const sort = options.sort ?? 'date';
  if (!(INCIDENT_SORTS as readonly string[]).includes(sort))
    throw new FilterError(`sort must be one of ${INCIDENT_SORTS.join(', ')}`, 'sort');
  const limit = Math.min(Math.max(1, options.limit ?? 50), MAX_PAGE_SIZE);
  const desc = sort.startsWith('-');
  const col = SORT_COLUMN[sort.replace('-', '') as keyof typeof SORT_COLUMN];
  const ref = sql.ref(`incidents.${col}`);
  const codeRef = sql.ref('incidents.code');

  let q = applyIncidentFilter(db.selectFrom('incidents').selectAll('incidents'), filter);
  if (options.cursor) {
    const { v, c } = decodeCursor(options.cursor);
    q = q.where(keysetAfter(ref, codeRef, v, c, desc, col === 'date_from'));
  }
  // SQLite sorts NULLs first ascending and last descending; PostgreSQL is told to do the same.
  const nulls =
    dialect === 'postgres' && col === 'date_from' ? (desc ? sql` nulls last` : sql` nulls first`) : sql``;
  const dir = desc ? sql`desc` : sql`asc`;
  const rows = await q
    .orderBy(sql`${ref} ${dir}${nulls}`)
    .orderBy(sql`${codeRef} ${dir}`)
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({ view: incidentFromRow(row), row })),
    next:
      more && last
        ? encodeCursor({ v: (last as Record<string, unknown>)[col] as string | null, c: last.code })
        : null,
  };
}

function keysetAfter(
  ref: Expression<unknown>,
  code: Expression<unknown>,
  v: string | null,
  c: string,
  desc: boolean,
  nullable: boolean,
): Expression<SqlBool> {
  const op = desc ? sql`<` : sql`>`;
  if (v === null) {
    // Past the undated rows' tie-break; ascending, every dated row is still ahead.
    return desc || !nullable
      ? sql<SqlBool>`(${ref} is null and ${code} ${op} ${c})`
      : sql<SqlBool>`((${ref} is null and ${code} ${op} ${c}) or ${ref} is not null)`;
  }
  const after = sql<SqlBool>`(${ref} ${op} ${v} or (${ref} = ${v} and ${code} ${op} ${c}))`;
  if (desc && nullable) return sql<SqlBool>`(${after} or ${ref} is null)`;
  // Implied by `after`, but an OR gives neither database an index range: without this a deep page
  // would walk the index from the start. (Newest-first by date keeps its OR: undated rows follow.)
  const bound = desc ? sql`<=` : sql`>=`;
  return sql<SqlBool>`(${ref} ${bound} ${v} and ${after})`;
}
