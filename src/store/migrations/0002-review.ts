import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
type AnyDb = Kysely<any>;

/** Linking and review: near-duplicate fingerprints, link scores and suggestions, analyst locks and overrides. */
export function review(_dialect: Dialect): Migration {
  return { up, down };
}

async function up(db: AnyDb): Promise<void> {
  // The full MinHash signature, for the exact similarity estimate once a band bucket has found a candidate.
  await db.schema
    .createTable('report_fingerprints')
    .addColumn('report_id', 'text', (c) => c.primaryKey().references('reports.id'))
    .addColumn('minhash', 'text', (c) => c.notNull())
    .addColumn('numbers', 'text', (c) => c.notNull())
    .execute();
  // One row per LSH band: reports sharing any (band, bucket) are near-duplicate candidates.
  await db.schema
    .createTable('report_signature_bands')
    .addColumn('band', 'integer', (c) => c.notNull())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addPrimaryKeyConstraint('report_signature_bands_pk', ['band', 'bucket', 'report_id'])
    .execute();
  await db.schema.createIndex('reports_duplicate_of').on('reports').column('duplicate_of').execute();

  await db.schema.alterTable('claims').addColumn('link_score', 'double precision').execute();
  await db.schema
    .alterTable('claims')
    .addColumn('link_pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('claims_date').on('claims').columns(['date_from', 'date_to']).execute();

  await db.schema.alterTable('incidents').addColumn('reviewed_at', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('merged_into', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('field_overrides', 'text').execute();

  await db.schema
    .createTable('link_suggestions')
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claims.id'))
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    /** open | accepted | dismissed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('link_suggestions_pk', ['claim_id', 'incident_id'])
    .execute();
  await db.schema
    .createIndex('link_suggestions_incident')
    .on('link_suggestions')
    .columns(['incident_id', 'status'])
    .execute();
}

async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('link_suggestions').ifExists().execute();
  await db.schema.dropIndex('claims_date').ifExists().execute();
  await db.schema.dropIndex('reports_duplicate_of').ifExists().execute();
  for (const c of ['field_overrides', 'merged_into', 'reviewed_at'])
    await db.schema.alterTable('incidents').dropColumn(c).execute();
  for (const c of ['link_pinned', 'link_score']) await db.schema.alterTable('claims').dropColumn(c).execute();
  await db.schema.dropTable('report_signature_bands').ifExists().execute();
  await db.schema.dropTable('report_fingerprints').ifExists().execute();
}
