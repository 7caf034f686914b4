import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import type { Store } from '../store/database.js';
import { getJob, insertJob, jobView, waitForJob } from './job-rows.js';
import { runJob } from './run-job.js';
import type { JobHandlers, JobQueue, JobView } from './types.js';

export const QUEUE_NAME = 'vigil-jobs';

export interface PgQueueOptions {
  /**
   * A job whose worker has not finished it within this time is handed to another worker
   * (pg-boss expiry, like SQS's visibility timeout): this is what recovers jobs of a killed worker.
   */
  expireInSeconds?: number;
  /** How often pg-boss looks for expired jobs. */
  maintenanceIntervalSeconds?: number;
  retryLimit?: number;
  pollingIntervalSeconds?: number;
}

function envNumber(name: string): number | undefined {
  const v = process.env[name];
  return v ? Number(v) : undefined;
}

function defaults(o: PgQueueOptions): Required<PgQueueOptions> {
  return {
    expireInSeconds: o.expireInSeconds ?? envNumber('VIGIL_JOB_EXPIRE_SECONDS') ?? 300,
    maintenanceIntervalSeconds:
      o.maintenanceIntervalSeconds ?? envNumber('VIGIL_JOB_MAINTENANCE_SECONDS') ?? 30,
    retryLimit: o.retryLimit ?? 5,
    pollingIntervalSeconds: o.pollingIntervalSeconds ?? 0.5,
  };
}

/**
 * Server mode's queue: pg-boss in the same PostgreSQL database (its own schema), with the
 * payload and outcome in Vigil's jobs table so a job's record outlives pg-boss's retention.
 * Any number of `vigil worker` processes, on any machines, may pull from it; pg-boss hands
 * each job to one of them at a time (SELECT … FOR UPDATE SKIP LOCKED).
 */
export class PgJobQueue implements JobQueue {
  private readonly boss: PgBoss;
  private readonly opts: Required<PgQueueOptions>;
  private readonly workerName = `${hostname()}:${process.pid}`;
  private workIds: string[] = [];

  private constructor(
    private readonly store: Store,
    url: string,
    options: PgQueueOptions,
  ) {
    this.opts = defaults(options);
    this.boss = new PgBoss({
      connectionString: url,
      max: 4,
      maintenanceIntervalSeconds: this.opts.maintenanceIntervalSeconds,
      // Vigil keeps its own record of every job; pg-boss's scheduler is not used.
      schedule: false,
    });
    this.boss.on('error', (err: Error) => process.emitWarning(`pg-boss: ${err.message}`));
  }

  static async open(store: Store, url: string, options: PgQueueOptions = {}): Promise<PgJobQueue> {
    const q = new PgJobQueue(store, url, options);
    await q.boss.start();
    // createQueue is idempotent; several processes starting at once may race on it.
    try {
      await q.boss.createQueue(QUEUE_NAME, {
        name: QUEUE_NAME,
        retryLimit: q.opts.retryLimit,
        retryDelay: 1,
        expireInSeconds: q.opts.expireInSeconds,
      });
    } catch (err) {
      if (!(await q.boss.getQueue(QUEUE_NAME))) throw err;
    }
    return q;
  }

  async enqueue(kind: string, payload: unknown, createdBy: string | null): Promise<JobView> {
    const row = await insertJob(this.store.db, kind, payload, createdBy);
    try {
      await this.boss.send(QUEUE_NAME, { jobId: row.id }, { expireInSeconds: this.opts.expireInSeconds });
    } catch (err) {
      await this.store.db
        .updateTable('jobs')
        .set({ state: 'failed', error: `could not queue: ${(err as Error).message}` })
        .where('id', '=', row.id)
        .execute();
      throw err;
    }
    return jobView(row);
  }

  get(id: string): Promise<JobView | null> {
    return getJob(this.store.db, id);
  }

  waitFor(id: string, timeoutMs: number): Promise<JobView | null> {
    return waitForJob(this.store.db, id, timeoutMs);
  }

  /** Starts pulling jobs: `concurrency` at a time in this process. */
  async work(handlers: JobHandlers, concurrency = 1): Promise<void> {
    for (let i = 0; i < concurrency; i++) {
      const worker = `${this.workerName}:${i}`;
      const id = await this.boss.work<{ jobId: string }>(
        QUEUE_NAME,
        { batchSize: 1, pollingIntervalSeconds: this.opts.pollingIntervalSeconds, includeMetadata: true },
        async ([job]) => {
          if (!job) return;
          const outcome = await runJob(this.store.db, handlers, job.data.jobId, worker, {
            lastAttempt: job.retryCount >= job.retryLimit,
            leaseMs: job.expireInSeconds * 1000,
          });
          // Throwing hands the job back to pg-boss for a retry.
          if (outcome === 'retry') throw new Error(`job ${job.data.jobId} failed; will retry`);
        },
      );
      this.workIds.push(id);
    }
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
