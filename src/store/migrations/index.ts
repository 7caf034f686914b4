import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../dialect.js';
import { initial } from './0001-initial.js';
import { review } from './0002-review.js';
import { interop } from './0003-interop.js';
import { accounts } from './0004-accounts.js';
import { serverReads } from './0005-server-reads.js';
import { dateReads } from './0006-date-reads.js';
import { importWrites } from './0007-import-writes.js';
import { nearCopyLookup } from './0008-near-copy-lookup.js';
import { mapVersion } from './0009-map-version.js';
import { figuresKeyLookup } from './0010-figures-key.js';

/** Versioned migrations, in order; the same list serves SQLite and PostgreSQL. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001-initial': initial(dialect),
        '0002-review': review(dialect),
        '0003-interop': interop(dialect),
        '0004-accounts': accounts(dialect),
        '0005-server-reads': serverReads(dialect),
        '0006-date-reads': dateReads(dialect),
        '0007-import-writes': importWrites(dialect),
        '0008-near-copy-lookup': nearCopyLookup(dialect),
        '0009-map-version': mapVersion(dialect),
        '0010-figures-key': figuresKeyLookup(dialect),
      };
    },
  };
}
