import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { Store } from '../../store/database.js';
import { resolveStoreTarget } from '../../store/open.js';
import { type GlobalOptions, openStoreFor } from '../context.js';
import { wholeNumber } from '../numbers.js';

export interface ServeFlags {
  port: number;
  host: string;
  worker: boolean;
  concurrency: number;
  publicRate?: number;
  trustProxy?: boolean;
  readers?: number;
}

/** Reader threads for the embedded database: one a core (more would only queue for CPU), at most four. */
export function defaultReaders(): number {
  return Math.min(4, availableParallelism());
}

/** Serves the API and the web app on a store until Ctrl-C or SIGTERM; `ready` hears the address first. */
export async function serveUntilStopped(
  store: Store,
  opts: GlobalOptions,
  flags: ServeFlags,
  ready: (address: string) => void,
): Promise<void> {
  // The server and the job queue load only here: with them every other command started 1.4 s slower.
  const [{ openQueue }, { buildServer }] = await Promise.all([
    import('../../jobs/open-queue.js'),
    import('../../server/app.js'),
  ]);
  const target = resolveStoreTarget(opts);
  const jobs = await openQueue(store, {
    work: flags.worker,
    concurrency: flags.concurrency,
    postgresUrl: target.kind === 'postgres' ? target.url : undefined,
  });
  const app = await buildServer({
    store,
    jobs,
    trustProxy: flags.trustProxy,
    limits: flags.publicRate ? { publicPerMinute: flags.publicRate } : {},
  });
  ready(await app.listen({ port: flags.port, host: flags.host }));
  await untilSignal();
  await app.close();
  await jobs.close();
}

/** Resolves once the process is asked to stop (Ctrl-C, or a supervisor's SIGTERM). */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const s of ['SIGINT', 'SIGTERM'] as const) process.once(s, () => resolve(s));
  });
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API (and, unless --no-worker, background jobs) on the selected database')
    .option('--port <n>', 'TCP port', wholeNumber(0, 65535), 8080)
    .option('--host <addr>', 'address to bind (0.0.0.0 to serve beyond this machine)', '127.0.0.1')
    .option('--no-worker', 'do not run jobs in this process (API-only replica; run `vigil worker` elsewhere)')
    .option('--concurrency <n>', 'jobs run at once by this process (PostgreSQL)', wholeNumber(1), 2)
    .option('--public-rate <n>', 'requests a minute from one anonymous client', wholeNumber(1))
    .option('--trust-proxy', 'trust X-Forwarded-For (behind a reverse proxy)')
    .option(
      '--readers <n>',
      'embedded database: threads that answer read requests beside the main one (0: none)',
      wholeNumber(0),
      defaultReaders(),
    )
    .action(async (flags: ServeFlags, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const store = await openStoreFor(opts, { readers: flags.readers });
      try {
        await serveUntilStopped(store, opts, flags, (address) =>
          process.stdout.write(
            `vigil: serving ${store.location} at ${address}/ (API ${address}/api, OpenAPI ${address}/api/openapi.json)\n`,
          ),
        );
      } finally {
        await store.close();
      }
    });

  program
    .command('worker')
    .description(
      'run background jobs (ingestion, extraction) from the queue; start any number, on any machines',
    )
    .option('--concurrency <n>', 'jobs run at once by this process', wholeNumber(1), 2)
    .action(async (flags: { concurrency: number }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      const target = resolveStoreTarget(opts);
      const store = await openStoreFor(opts);
      const { openQueue } = await import('../../jobs/open-queue.js');
      const jobs = await openQueue(store, {
        work: true,
        concurrency: flags.concurrency,
        postgresUrl: target.kind === 'postgres' ? target.url : undefined,
      });
      process.stdout.write(`vigil: worker ${process.pid} on ${store.location}\n`);
      await untilSignal();
      await jobs.close();
      await store.close();
    });
}
