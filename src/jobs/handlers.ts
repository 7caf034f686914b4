import { setTimeout as sleep } from 'node:timers/promises';
import { ingestReport } from '../services/ingest.js';
import type { Store } from '../store/database.js';
import type { Pipeline } from './pipeline.js';
import { fromReportPayload } from './report-payload.js';
import type { JobHandlers } from './types.js';

export const JOB_KINDS = ['ingest'] as const;

/**
 * Concurrent writers on PostgreSQL can collide on the audit chain's next sequence number or
 * the next incident code (a unique violation); the transaction rolled back whole, so it is
 * simply run again.
 */
async function retryOnConflict<T>(body: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await body();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (i >= attempts || (code !== '23505' && code !== '40001' && code !== '40P01')) throw err;
      await sleep(5 + Math.random() * 20 * i);
    }
  }
}

/** What each kind of job does. Every handler is idempotent: a retried job changes nothing twice. */
export function jobHandlers(store: Store, pipeline: Pipeline): JobHandlers {
  return {
    // Ingestion includes extraction: a report is stored with its claims in one transaction.
    ingest: (payload, job) =>
      retryOnConflict(() =>
        ingestReport(
          { store, extract: pipeline.extract, context: pipeline.context, actor: job.createdBy ?? 'worker' },
          fromReportPayload(payload),
        ),
      ),
  };
}
