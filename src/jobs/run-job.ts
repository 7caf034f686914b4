import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { finishJob } from './job-rows.js';
import { type JobHandlers, PermanentJobError } from './types.js';

export type RunOutcome = 'done' | 'failed' | 'retry' | 'skipped';

/**
 * Runs one job by its row and records the outcome there. A job already done (its worker died
 * after finishing but before the queue heard) is skipped, so each job's work is recorded once.
 */
export async function runJob(
  db: Kysely<Database>,
  handlers: JobHandlers,
  jobId: string,
  worker: string,
  options: { lastAttempt: boolean; leaseMs: number },
): Promise<RunOutcome> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
  if (!row || row.state === 'done' || row.state === 'failed') return 'skipped';
  await db
    .updateTable('jobs')
    .set({
      state: 'running',
      worker,
      attempts: Number(row.attempts) + 1,
      locked_until: new Date(Date.now() + options.leaseMs).toISOString(),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', jobId)
    .execute();
  const handler = handlers[row.kind];
  try {
    if (!handler) throw new PermanentJobError(`no handler for job kind "${row.kind}"`);
    const result = await handler(JSON.parse(row.payload), { id: row.id, createdBy: row.created_by });
    await finishJob(db, jobId, { state: 'done', result });
    return 'done';
  } catch (err) {
    const permanent = err instanceof PermanentJobError || (err as Error).name === 'InputError';
    const final = permanent || options.lastAttempt;
    await finishJob(db, jobId, { state: final ? 'failed' : 'queued', error: (err as Error).message });
    return final ? 'failed' : 'retry';
  }
}
