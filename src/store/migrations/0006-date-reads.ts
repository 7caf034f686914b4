import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
type AnyDb = Kysely<any>;

/**
 * Date reads at scale. An overlap filter (date_to >= from and date_from <= to) can bound only one side
 * of a B-tree, so it scanned every incident before the end date. `date_span` (months from date_from's
 * month to date_to's) lets a query add date_from >= (from's month − the largest span): a two-sided
 * range, exact because the largest span is read from its index in the same statement. The database
 * computes the column itself, so no write path can leave it stale.
 *
 * Also covering indexes for stats: every column a filtered sum reads, so a year or a decade of
 * incidents is summed from the index without visiting the table.
 */
export function dateReads(dialect: Dialect): Migration {
  return { up: (db) => up(db, dialect), down: (db) => down(db, dialect) };
}

/** Months as year×12 + month; only for text already checked to start "YYYY-MM" with MM in 01–12. */
const months = (col: string) =>
  `(cast(substr(${col}, 1, 4) as integer) * 12 + cast(substr(${col}, 6, 2) as integer))`;

/**
 * Unparseable dates get a span larger than any real one: the bound then admits everything, which is
 * slow but still exact. A reversed interval gives a negative span, which is harmless (its date_from
 * lies after its date_to, so it clears any bound date_to clears).
 */
export const UNKNOWN_SPAN = 1_000_000;

function spanExpression(dialect: Dialect): string {
  const valid = (col: string) =>
    dialect === 'postgres'
      ? `${col} ~ '^[0-9]{4}-(0[1-9]|1[0-2])'`
      : `(${col} glob '[0-9][0-9][0-9][0-9]-[01][0-9]*' and substr(${col}, 6, 2) between '01' and '12')`;
  return `case when date_to is null then null
    when ${valid('date_from')} and ${valid('date_to')} then ${months('date_to')} - ${months('date_from')}
    else ${UNKNOWN_SPAN} end`;
}

/** Columns a stats query filters on or sums, after the ones it seeks by. */
const STATS_COLUMNS = [
  'date_to',
  'country',
  'deleted_at',
  'killed_min',
  'killed_max',
  'civ_min',
  'civ_max',
  'injured_min',
  'injured_max',
];

async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  // SQLite can only add virtual generated columns (computed on read, and on write for its index);
  // PostgreSQL 15 only has stored ones.
  const kind = dialect === 'postgres' ? 'stored' : 'virtual';
  await sql
    .raw(
      `alter table incidents add column date_span integer generated always as (${spanExpression(dialect)}) ${kind}`,
    )
    .execute(db);
  // max(date_span) is then one index probe.
  await db.schema.createIndex('incidents_date_span').on('incidents').column('date_span').execute();

  // Anonymous readers always filter by status, and stats default to two gradings: seeking by both
  // reads only the incidents that count. Analysts usually filter by neither. The old
  // (date_from, date_to) index is a prefix of the second, so it goes.
  await db.schema.dropIndex('incidents_date').ifExists().execute();
  if (dialect === 'postgres') {
    const include = STATS_COLUMNS.join(', ');
    await sql
      .raw(
        `create index incidents_stats_status on incidents (status, grading, date_from) include (${include})`,
      )
      .execute(db);
    await sql
      .raw(`create index incidents_stats_date on incidents (date_from) include (status, grading, ${include})`)
      .execute(db);
  } else {
    await db.schema
      .createIndex('incidents_stats_status')
      .on('incidents')
      .columns(['status', 'grading', 'date_from', ...STATS_COLUMNS])
      .execute();
    await db.schema
      .createIndex('incidents_stats_date')
      .on('incidents')
      .columns(['date_from', 'status', 'grading', ...STATS_COLUMNS])
      .execute();
  }
}

async function down(db: AnyDb, _dialect: Dialect): Promise<void> {
  for (const i of ['incidents_stats_status', 'incidents_stats_date', 'incidents_date_span'])
    await db.schema.dropIndex(i).ifExists().execute();
  await db.schema.alterTable('incidents').dropColumn('date_span').execute();
  await db.schema.createIndex('incidents_date').on('incidents').columns(['date_from', 'date_to']).execute();
}
