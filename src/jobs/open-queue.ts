import type { Store } from '../store/database.js';
import { jobHandlers } from './handlers.js';
import { LocalJobQueue } from './local-queue.js';
import { PgJobQueue, type PgQueueOptions } from './pg-queue.js';
import { loadPipeline } from './pipeline.js';
import type { JobQueue } from './types.js';

export interface QueueChoice {
  /** Run jobs in this process too (`vigil serve` by default; `--no-worker` for API-only replicas). */
  work: boolean;
  concurrency?: number;
  /** The PostgreSQL URL, when the store is PostgreSQL (pg-boss opens its own connections). */
  postgresUrl?: string;
  pg?: PgQueueOptions;
}

/** The queue that fits the store: in-process for the embedded file, pg-boss on PostgreSQL. */
export async function openQueue(store: Store, choice: QueueChoice): Promise<JobQueue> {
  const handlers = choice.work ? jobHandlers(store, await loadPipeline()) : null;
  if (store.dialect === 'sqlite') {
    const q = new LocalJobQueue(store, handlers);
    q.start();
    return q;
  }
  if (!choice.postgresUrl) throw new Error('a PostgreSQL store needs its URL for the job queue');
  const q = await PgJobQueue.open(store, choice.postgresUrl, choice.pg);
  if (handlers) await q.work(handlers, choice.concurrency ?? 2);
  return q;
}
