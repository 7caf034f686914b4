import type { Kysely, Migration } from 'kysely';
import { figuresKey } from '../../domain/ids.js';
import type { Dialect } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
type AnyDb = Kysely<any>;

/**
 * Near-copy candidates are sought by their figures (0008), through an index on the whole list.
 * A report with many figures (a casualty table, a monthly roll) made an index row past
 * PostgreSQL's b-tree limit of 2,704 bytes, and its ingest failed. The lookup now goes through a
 * fixed-size digest of the list; the list itself stays, for the exact comparison.
 */
export function figuresKeyLookup(_dialect: Dialect): Migration {
  return { up, down };
}

const BACKFILL_PAGE = 1000;

async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('report_fingerprints').addColumn('numbers_key', 'text').execute();
  for (;;) {
    const rows = (await db
      .selectFrom('report_fingerprints')
      .select(['report_id', 'numbers'])
      .where('numbers_key', 'is', null)
      .limit(BACKFILL_PAGE)
      .execute()) as { report_id: string; numbers: string }[];
    if (rows.length === 0) break;
    for (const r of rows)
      await db
        .updateTable('report_fingerprints')
        .set({ numbers_key: figuresKey(r.numbers) })
        .where('report_id', '=', r.report_id)
        .execute();
  }
  await db.schema.dropIndex('report_fingerprints_numbers').ifExists().execute();
  await db.schema
    .createIndex('report_fingerprints_numbers_key')
    .on('report_fingerprints')
    .columns(['numbers_key', 'report_id'])
    .execute();
}

async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('report_fingerprints_numbers_key').ifExists().execute();
  await db.schema
    .createIndex('report_fingerprints_numbers')
    .on('report_fingerprints')
    .columns(['numbers', 'report_id'])
    .execute();
  await db.schema.alterTable('report_fingerprints').dropColumn('numbers_key').execute();
}
