import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Store } from '../store/database.js';
import { getJob, insertJob, jobView, waitForJob } from './job-rows.js';
import { runJob } from './run-job.js';
import type { JobHandlers, JobQueue, JobView } from './types.js';

const MAX_ATTEMPTS = 3;
const LEASE_MS = 5 * 60_000;

/**
 * The embedded database's queue: jobs are rows in the same file and run in this process,
 * one at a time (SQLite has one writer anyway). A job left running by a process that died
 * is picked up again once its lease runs out, so nothing queued is lost.
 */
export class LocalJobQueue implements JobQueue {
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private readonly worker = `${hostname()}:${process.pid}:local`;

  constructor(
    private readonly store: Store,
    private readonly handlers: JobHandlers | null,
  ) {}

  /** Starts draining whatever is queued (e.g. left over from a previous run). */
  start(): void {
    this.kick();
  }

  async enqueue(kind: string, payload: unknown, createdBy: string | null): Promise<JobView> {
    const row = await insertJob(this.store.db, kind, payload, createdBy);
    this.kick();
    return jobView(row);
  }

  get(id: string): Promise<JobView | null> {
    return getJob(this.store.db, id);
  }

  waitFor(id: string, timeoutMs: number): Promise<JobView | null> {
    return waitForJob(this.store.db, id, timeoutMs);
  }

  /** Resolves when nothing is left to run (tests, and `vigil` commands that must finish their work). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private kick(): void {
    if (!this.handlers || this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      // A database error stops this drain only; the next enqueue or start() tries again.
      .catch((err: unknown) => process.emitWarning(`job queue: ${(err as Error).message}`))
      .finally(() => {
        this.running = null;
        if (this.again && !this.closed) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    const handlers = this.handlers;
    if (!handlers) return;
    while (!this.closed) {
      const now = new Date().toISOString();
      const next = await this.store.db
        .selectFrom('jobs')
        .select(['id', 'attempts'])
        .where((eb) =>
          eb.or([
            eb('state', '=', 'queued'),
            eb.and([eb('state', '=', 'running'), eb('locked_until', '<', now)]),
          ]),
        )
        .orderBy('created_at')
        .orderBy(sql`id`)
        .limit(1)
        .executeTakeFirst();
      if (!next) return;
      await runJob(this.store.db, handlers, next.id, this.worker, {
        lastAttempt: Number(next.attempts) + 1 >= MAX_ATTEMPTS,
        leaseMs: LEASE_MS,
      });
    }
  }
}
