/**
 * The load generator of bench/api, in its own process: requests are timed off the server's event
 * loop, so the client's own work neither counts as server latency nor as the server's CPU time.
 * It takes one job over IPC, answers with the figures and exits.
 */

export interface LoadJob {
  urls: string[];
  concurrency: number;
}

export interface LoadResult {
  latenciesMs: number[];
  wallSeconds: number;
  errors: number;
}

const { urls, concurrency } = await new Promise<LoadJob>((resolve) => process.once('message', resolve));
const latenciesMs: number[] = [];
let errors = 0;
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < urls.length) {
      const url = urls[next++] as string;
      const s = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      latenciesMs.push(performance.now() - s);
      if (res.status !== 200) errors++;
    }
  }),
);
process.send?.({ latenciesMs, wallSeconds: (performance.now() - t0) / 1000, errors } satisfies LoadResult);
process.disconnect?.();
