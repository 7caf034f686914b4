import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
type AnyDb = Kysely<any>;

export function initial(dialect: Dialect): Migration {
  return { up: (db) => up(db, dialect), down };
}

async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const bytes = dialect === 'postgres' ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sources_name_kind').on('sources').columns(['name', 'kind']).unique().execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('external_id', 'text')
    .addColumn('source_id', 'text', (c) => c.references('sources.id'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('title', 'text')
    .addColumn('published', 'text')
    .addColumn('language', 'text')
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('retrieved_at', 'text', (c) => c.notNull())
    .addColumn('original', bytes, (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('duplicate_of', 'text')
    .addColumn('extracted_at', 'text')
    .execute();
  await db.schema.createIndex('reports_published').on('reports').column('published').execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('grading', 'text')
    .addColumn('strike_status', 'text')
    .addColumn('date_from', 'text')
    .addColumn('date_to', 'text')
    .addColumn('date_precision', 'text')
    .addColumn('place_name', 'text')
    .addColumn('place_id', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('admin1', 'text')
    .addColumn('country', 'text')
    .addColumn('geo_precision', 'text')
    .addColumn('event', 'text')
    .addColumn('target', 'text')
    .addColumn('belligerents', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('civ_min', 'integer')
    .addColumn('civ_max', 'integer')
    .addColumn('killed_min', 'integer')
    .addColumn('killed_max', 'integer')
    .addColumn('injured_min', 'integer')
    .addColumn('injured_max', 'integer')
    .addColumn('civ_override_reason', 'text')
    .addColumn('range_rule', 'text', (c) => c.notNull())
    .addColumn('attribution', 'text')
    .addColumn('external_id', 'text')
    .addColumn('sensitive_coords', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assignee', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('incidents_date').on('incidents').columns(['date_from', 'date_to']).execute();
  await db.schema
    .createIndex('incidents_country')
    .on('incidents')
    .columns(['country', 'date_from'])
    .execute();
  await db.schema
    .createIndex('incidents_grading')
    .on('incidents')
    .columns(['grading', 'date_from'])
    .execute();
  await db.schema.createIndex('incidents_status').on('incidents').columns(['status', 'date_from']).execute();
  await db.schema.createIndex('incidents_external').on('incidents').column('external_id').unique().execute();

  await db.schema
    .createTable('incident_belligerents')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('belligerent', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('assessment', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_belligerents_pk', ['incident_id', 'belligerent'])
    .execute();
  await db.schema
    .createIndex('incident_belligerents_by_code')
    .on('incident_belligerents')
    .columns(['belligerent', 'incident_id'])
    .execute();

  await db.schema
    .createTable('claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('date_from', 'text')
    .addColumn('date_to', 'text')
    .addColumn('date_precision', 'text')
    .addColumn('place_name', 'text')
    .addColumn('place_id', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('admin1', 'text')
    .addColumn('country', 'text')
    .addColumn('geo_precision', 'text')
    .addColumn('event', 'text')
    .addColumn('belligerents', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('civ_min', 'integer')
    .addColumn('civ_max', 'integer')
    .addColumn('killed_min', 'integer')
    .addColumn('killed_max', 'integer')
    .addColumn('injured_min', 'integer')
    .addColumn('injured_max', 'integer')
    .addColumn('children_min', 'integer')
    .addColumn('children_max', 'integer')
    .addColumn('women_min', 'integer')
    .addColumn('women_max', 'integer')
    .addColumn('hedged', 'integer', (c) => c.notNull())
    .addColumn('strikes', 'integer')
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('claims_report')
    .on('claims')
    .columns(['report_id', 'ordinal'])
    .unique()
    .execute();
  await db.schema.createIndex('claims_incident').on('claims').column('incident_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('reason', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity_type', 'entity_id'])
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'audit_log',
    'claims',
    'incident_belligerents',
    'incidents',
    'reports',
    'sources',
    'meta',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
