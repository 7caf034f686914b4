import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
type AnyDb = Kysely<any>;

/**
 * Near-copy candidates are found by their figures first. A copy states the same figures as its
 * original, and reports rarely share a whole set of figures, while signature buckets fill up fast
 * with reports written from the same wire copy or the same press-office template (in a generated
 * corpus of 1,500 reports one bucket held 908): seeking by bucket then read thousands of rows for
 * every new report, and ingest slowed as the database grew.
 */
export function nearCopyLookup(_dialect: Dialect): Migration {
  return { up, down };
}

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('report_fingerprints_numbers')
    .on('report_fingerprints')
    .columns(['numbers', 'report_id'])
    .execute();
}

async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('report_fingerprints_numbers').ifExists().execute();
}
