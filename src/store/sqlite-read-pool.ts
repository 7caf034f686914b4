import type { Worker } from 'node:worker_threads';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { startModuleWorker } from './module-worker.js';
import type { ReaderReply, ReaderRequest, ReaderSetup } from './sqlite-read-messages.js';

export interface ReadPoolOptions {
  path: string;
  /** Reader threads; each holds its own read-only connection. */
  readers: number;
  busyTimeoutMs: number;
}

/** An error from a reader, shaped like better-sqlite3's own so callers can test `code` alike. */
export class ReadPoolError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

class Reader {
  readonly worker: Worker;
  pending = new Map<
    number,
    { resolve: (rows: Record<string, unknown>[]) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;
  readonly ready: Promise<void>;

  constructor(setup: ReaderSetup) {
    this.worker = startModuleWorker(import.meta.url, 'sqlite-read-worker', setup);
    this.ready = new Promise((resolve, reject) => {
      const onReply = (msg: ReaderReply) => {
        if (msg.id === 0) {
          if (msg.error) reject(new ReadPoolError(msg.error.message, msg.error.code));
          else resolve();
          return;
        }
        const waiter = this.pending.get(msg.id);
        if (!waiter) return;
        this.pending.delete(msg.id);
        if (msg.error) waiter.reject(new ReadPoolError(msg.error.message, msg.error.code));
        else waiter.resolve(msg.rows ?? []);
      };
      this.worker.on('message', onReply);
      this.worker.on('error', (err) => {
        reject(err);
        this.failAll(err);
      });
      this.worker.on('exit', (code) => this.failAll(new Error(`database reader exited (code ${code})`)));
    });
    // An unawaited rejection here would crash the process before init() sees it.
    this.ready.catch(() => {});
  }

  private failAll(err: Error): void {
    for (const w of this.pending.values()) w.reject(err);
    this.pending.clear();
  }

  query(sql: string, parameters: readonly unknown[]): Promise<Record<string, unknown>[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, sql, parameters } satisfies ReaderRequest);
    });
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ close: true } satisfies ReaderRequest);
    await exited;
  }
}

class ReaderConnection implements DatabaseConnection {
  constructor(private readonly pick: () => Reader) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const rows = await this.pick().query(compiled.sql, compiled.parameters);
    return { rows: rows as R[] };
  }

  // biome-ignore lint/correctness/useYield: streaming is refused outright; exports stream on the writer
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the read pool does not stream; stream on the store’s main handle');
  }
}

/**
 * Kysely driver over reader threads. Every query goes to the reader with the fewest queries in
 * flight, so a slow one does not hold up the rest. Transactions are refused: a read in the pool
 * sees the latest committed state statement by statement, and anything needing a consistent
 * snapshot or a write belongs on the store's main handle.
 */
class ReadPoolDriver implements Driver {
  private readers: Reader[] = [];

  constructor(private readonly options: ReadPoolOptions) {}

  async init(): Promise<void> {
    const setup: ReaderSetup = { path: this.options.path, busyTimeoutMs: this.options.busyTimeoutMs };
    this.readers = Array.from({ length: Math.max(1, this.options.readers) }, () => new Reader(setup));
    try {
      await Promise.all(this.readers.map((r) => r.ready));
    } catch (err) {
      await this.destroy();
      throw err;
    }
  }

  private leastBusy = (): Reader => {
    let best = this.readers[0];
    if (!best) throw new Error('the read pool is closed');
    for (const r of this.readers) if (r.pending.size < best.pending.size) best = r;
    return best;
  };

  async acquireConnection(): Promise<DatabaseConnection> {
    return new ReaderConnection(this.leastBusy);
  }

  async beginTransaction(): Promise<void> {
    throw new Error('the read pool runs no transactions; use the store’s main handle');
  }

  async commitTransaction(): Promise<void> {
    throw new Error('the read pool runs no transactions');
  }

  async rollbackTransaction(): Promise<void> {
    throw new Error('the read pool runs no transactions');
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    const readers = this.readers;
    this.readers = [];
    await Promise.all(readers.map((r) => r.close()));
  }
}

/** A Kysely dialect whose queries run on reader threads over the embedded database file. */
export class SqliteReadPoolDialect implements Dialect {
  constructor(private readonly options: ReadPoolOptions) {}

  createAdapter() {
    return new SqliteAdapter();
  }

  createDriver(): Driver {
    return new ReadPoolDriver(this.options);
  }

  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }

  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
}
