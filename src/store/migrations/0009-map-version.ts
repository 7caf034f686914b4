import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
type AnyDb = Kysely<any>;

/**
 * A counter that moves with every committed write to what the map payload reads (incidents and their
 * belligerents), so a server can keep built payloads until it moves, whoever wrote: another server,
 * a worker, an import from the CLI. SQLite has one already (PRAGMA data_version), so this is
 * PostgreSQL only.
 *
 * The counter is bumped by a deferred constraint trigger, that is at commit, once per transaction
 * (a transaction-local setting remembers it was done). At commit every other lock a writer takes
 * (the audit log's, rows') is already held, so waiting for the counter's row lock cannot close a
 * cycle with them; a plain trigger would take it mid-transaction and could deadlock with a writer
 * that took the audit lock first. The bump commits with the data, so a reader that reads the
 * counter and then the rows never pairs an old counter with rows newer than it knows.
 */
export function mapVersion(dialect: Dialect): Migration {
  return { up: (db) => up(db, dialect), down: (db) => down(db, dialect) };
}

const TABLES = ['incidents', 'incident_belligerents'];

async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`create table data_version (id smallint primary key check (id = 1), version bigint not null)`.execute(
    db,
  );
  await sql`insert into data_version (id, version) values (1, 0)`.execute(db);
  await sql
    .raw(`create function vigil_bump_data_version() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('vigil.data_version_bumped', true), '') <> '1' then
    update data_version set version = version + 1 where id = 1;
    perform set_config('vigil.data_version_bumped', '1', true);
  end if;
  return null;
end $$`)
    .execute(db);
  for (const table of TABLES)
    await sql
      .raw(
        `create constraint trigger ${table}_data_version after insert or update or delete on ${table}
         deferrable initially deferred for each row execute function vigil_bump_data_version()`,
      )
      .execute(db);
}

async function down(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  for (const table of TABLES)
    await sql.raw(`drop trigger if exists ${table}_data_version on ${table}`).execute(db);
  await sql`drop function if exists vigil_bump_data_version()`.execute(db);
  await sql`drop table if exists data_version`.execute(db);
}
