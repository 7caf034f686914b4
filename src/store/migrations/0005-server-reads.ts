import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
type AnyDb = Kysely<any>;

/**
 * Server reads: indexes behind the API's incident list (keyset pages in date and code order)
 * and, on PostgreSQL with PostGIS installed, a geometry column GIS tools can read directly.
 */
export function serverReads(dialect: Dialect): Migration {
  return { up: (db) => up(db, dialect), down: (db) => down(db, dialect) };
}

async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  // Keyset pagination orders by (date_from, code); the status variant serves anonymous readers,
  // who only ever see published incidents.
  if (dialect === 'postgres') {
    // PostgreSQL puts NULLs last ascending; pages list undated incidents first (as SQLite does), so the
    // index must too, or every page would sort the whole table. Scanned backwards it serves newest-first.
    await sql`create index incidents_page_date on incidents (date_from asc nulls first, code)`.execute(db);
    await sql`create index incidents_page_status_date on incidents (status, date_from asc nulls first, code)`.execute(
      db,
    );
  } else {
    await db.schema
      .createIndex('incidents_page_date')
      .on('incidents')
      .columns(['date_from', 'code'])
      .execute();
    await db.schema
      .createIndex('incidents_page_status_date')
      .on('incidents')
      .columns(['status', 'date_from', 'code'])
      .execute();
  }
  await db.schema.createIndex('incidents_updated').on('incidents').columns(['updated_at', 'code']).execute();
  await db.schema.createIndex('claims_status').on('claims').columns(['status', 'report_id']).execute();
  if (dialect === 'postgres') await addGeometry(db);
}

/** Optional: a server without PostGIS keeps working, just without the geometry column. */
async function addGeometry(db: AnyDb): Promise<void> {
  const available = await sql<{ n: number }>`
    select count(*)::int as n from pg_available_extensions where name = 'postgis'`.execute(db);
  if (!available.rows[0]?.n) return;
  // A savepoint, because a failed CREATE EXTENSION (e.g. no privilege) would abort the migration's transaction.
  await sql`savepoint vigil_postgis`.execute(db);
  try {
    await sql`create extension if not exists postgis`.execute(db);
  } catch {
    await sql`rollback to savepoint vigil_postgis`.execute(db);
    return;
  }
  await sql`release savepoint vigil_postgis`.execute(db);
  // Generated, so every insert and update keeps it in step with lat/lon without application code.
  await sql`
    alter table incidents add column geom geometry(Point, 4326)
    generated always as (
      case when lat is not null and lon is not null then st_setsrid(st_makepoint(lon, lat), 4326) end
    ) stored`.execute(db);
  await sql`create index incidents_geom on incidents using gist (geom)`.execute(db);
}

async function down(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`drop index if exists incidents_geom`.execute(db);
    await sql`alter table incidents drop column if exists geom`.execute(db);
  }
  for (const i of ['incidents_page_date', 'incidents_page_status_date', 'incidents_updated', 'claims_status'])
    await db.schema.dropIndex(i).ifExists().execute();
}
