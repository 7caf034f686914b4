import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from './schema.js';

/**
 * Serialises writers of one shared counter (the audit chain's head, the incident code sequence)
 * for the rest of the current transaction. SQLite already allows one writer at a time; PostgreSQL
 * needs a transaction-scoped advisory lock, or two writers would read the same head and collide.
 */
export async function lockForTransaction(trx: Kysely<Database>, name: string): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
}
