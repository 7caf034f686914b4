import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
type AnyDb = Kysely<any>;

/**
 * Interoperability: what dataset imports (UCDP GED, ACLED, Airwars-style CSV) keep beside the
 * incident, the sources they cite, and the state of polled feeds.
 */
export function interop(_dialect: Dialect): Migration {
  return { up, down };
}

async function up(db: AnyDb): Promise<void> {
  // One row per imported incident: the dataset's own fields that have no incident column, so an
  // export in the dataset's format gives back what came in, and UCDP's `best` stays queryable.
  await db.schema
    .createTable('incident_imports')
    .addColumn('incident_id', 'text', (c) => c.primaryKey().references('incidents.id'))
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('killed_best', 'integer')
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('record_hash', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_imports_dataset')
    .on('incident_imports')
    .columns(['dataset', 'dataset_id'])
    .execute();

  // The sources a dataset cites for an incident (UCDP source_article, ACLED source, Airwars links):
  // imported incidents have no archived reports, so this is what their figures rest on.
  await db.schema
    .createTable('incident_sources')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.references('sources.id'))
    .addColumn('published', 'text')
    .addColumn('title', 'text')
    .addColumn('url', 'text')
    .addPrimaryKeyConstraint('incident_sources_pk', ['incident_id', 'ordinal'])
    .execute();

  await db.schema
    .createTable('feeds')
    .addColumn('url', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_polled_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reports_new', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Items already fetched, so a poll only fetches articles it has not seen.
  await db.schema
    .createTable('feed_items')
    .addColumn('feed_url', 'text', (c) => c.notNull().references('feeds.url'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('report_id', 'text')
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_items_pk', ['feed_url', 'item_key'])
    .execute();
}

async function down(db: AnyDb): Promise<void> {
  for (const t of ['feed_items', 'feeds', 'incident_sources', 'incident_imports'])
    await db.schema.dropTable(t).ifExists().execute();
}
