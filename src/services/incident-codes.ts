import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import { lockForTransaction } from '../store/serialize.js';

/** Human-facing incident codes (V-000001…), issued from a counter kept in the database. */
export async function nextIncidentCode(trx: Transaction<Database> | Kysely<Database>): Promise<string> {
  await lockForTransaction(trx, 'vigil.incident_seq');
  const row = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'incident_seq')
    .executeTakeFirst();
  const next = row ? Number(row.value) + 1 : 1;
  if (row)
    await trx
      .updateTable('meta')
      .set({ value: String(next) })
      .where('key', '=', 'incident_seq')
      .execute();
  else
    await trx
      .insertInto('meta')
      .values({ key: 'incident_seq', value: String(next) })
      .execute();
  return `V-${String(next).padStart(6, '0')}`;
}
