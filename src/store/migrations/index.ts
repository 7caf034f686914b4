import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../dialect.js';
import { initial } from './0001-initial.js';

/** Versioned migrations, in order; the same list serves SQLite and PostgreSQL. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001-initial': initial(dialect),
      };
    },
  };
}
