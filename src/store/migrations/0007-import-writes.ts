import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
type AnyDb = Kysely<any>;

/**
 * Fewer index entries per imported row, for dataset imports of a million rows:
 *  - incident_imports_dataset (dataset, dataset_id) is read by no query: rows are found by the
 *    incident's external_id, which has its own unique index.
 *  - incidents_status (status, date_from) is the prefix of incidents_page_status_date
 *    (status, date_from, code), which serves every query it did.
 *  - On SQLite, incident_belligerents and incident_sources become WITHOUT ROWID tables: their
 *    primary key is then the table itself, not a second B-tree beside it (one write a row instead of
 *    two). PostgreSQL has no such distinction; its tables stay as they are.
 */
export function importWrites(dialect: Dialect): Migration {
  return { up: (db) => up(db, dialect), down: (db) => down(db, dialect) };
}

async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema.dropIndex('incident_imports_dataset').ifExists().execute();
  await db.schema.dropIndex('incidents_status').ifExists().execute();
  if (dialect === 'sqlite') await rebuildChildTables(db, true);
}

async function down(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await rebuildChildTables(db, false);
  await db.schema.createIndex('incidents_status').on('incidents').columns(['status', 'date_from']).execute();
  await db.schema
    .createIndex('incident_imports_dataset')
    .on('incident_imports')
    .columns(['dataset', 'dataset_id'])
    .execute();
}

/** Copies both tables into new ones of the same columns, with or without a rowid. */
async function rebuildChildTables(db: AnyDb, withoutRowid: boolean): Promise<void> {
  const end = withoutRowid ? sql`without rowid` : sql``;
  await db.schema
    .createTable('incident_belligerents_next')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('belligerent', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('assessment', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_belligerents_pk', ['incident_id', 'belligerent'])
    .modifyEnd(end)
    .execute();
  await db.schema
    .createTable('incident_sources_next')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.references('sources.id'))
    .addColumn('published', 'text')
    .addColumn('title', 'text')
    .addColumn('url', 'text')
    .addPrimaryKeyConstraint('incident_sources_pk', ['incident_id', 'ordinal'])
    .modifyEnd(end)
    .execute();
  for (const table of ['incident_belligerents', 'incident_sources']) {
    await sql`insert into ${sql.table(`${table}_next`)} select * from ${sql.table(table)}`.execute(db);
    await db.schema.dropTable(table).execute();
    await sql`alter table ${sql.table(`${table}_next`)} rename to ${sql.table(table)}`.execute(db);
  }
  await db.schema
    .createIndex('incident_belligerents_by_code')
    .on('incident_belligerents')
    .columns(['belligerent', 'incident_id'])
    .execute();
}
