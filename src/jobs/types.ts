/** A background job as callers see it (GET /api/jobs/{id}). */
export interface JobView {
  id: string;
  kind: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  result: unknown;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Where work is sent: in-process for the embedded database, a PostgreSQL queue in server mode. */
export interface JobQueue {
  enqueue(kind: string, payload: unknown, createdBy: string | null): Promise<JobView>;
  get(id: string): Promise<JobView | null>;
  /** The job once done or failed, or as it stands when the time runs out. */
  waitFor(id: string, timeoutMs: number): Promise<JobView | null>;
  close(): Promise<void>;
}

/** A job's failure that retrying cannot fix (bad input): it fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

export type JobHandler = (
  payload: unknown,
  job: { id: string; createdBy: string | null },
) => Promise<unknown>;
export type JobHandlers = Record<string, JobHandler>;
