import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { newId } from '../domain/ids.js';
import type { Database, JobsTable } from '../store/schema.js';
import type { JobView } from './types.js';

/** The jobs table is the one record of every job, whichever queue runs it. */
export function jobView(r: JobsTable): JobView {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state as JobView['state'],
    attempts: Number(r.attempts),
    result: r.result === null ? null : JSON.parse(r.result),
    error: r.error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function insertJob(
  db: Kysely<Database>,
  kind: string,
  payload: unknown,
  createdBy: string | null,
): Promise<JobsTable> {
  const now = new Date().toISOString();
  const row: JobsTable = {
    id: newId('j'),
    kind,
    payload: JSON.stringify(payload),
    state: 'queued',
    attempts: 0,
    result: null,
    error: null,
    worker: null,
    locked_until: null,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('jobs').values(row).execute();
  return row;
}

export async function getJob(db: Kysely<Database>, id: string): Promise<JobView | null> {
  const r = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? jobView(r) : null;
}

export async function waitForJob(
  db: Kysely<Database>,
  id: string,
  timeoutMs: number,
): Promise<JobView | null> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
    const job = await getJob(db, id);
    if (!job || job.state === 'done' || job.state === 'failed' || Date.now() >= deadline) return job;
    await sleep(Math.min(delay, Math.max(1, deadline - Date.now())));
  }
}

export async function finishJob(
  db: Kysely<Database>,
  id: string,
  outcome: { state: 'done'; result: unknown } | { state: 'failed' | 'queued'; error: string },
): Promise<void> {
  await db
    .updateTable('jobs')
    .set(
      outcome.state === 'done'
        ? { state: 'done', result: JSON.stringify(outcome.result ?? null), error: null, locked_until: null }
        : { state: outcome.state, error: outcome.error.slice(0, 2000), locked_until: null },
    )
    .set({ updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}
