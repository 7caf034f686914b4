import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from './errors.js';
import { type ReadOptions, readPackedImportBatches } from './import-reader.js';
import type { ReaderMessage } from './import-reader-thread.js';

/**
 * The import reader on its own thread (import-reader-thread.ts starts it): reads, maps and
 * encodes batches while the importing thread writes the ones before. It runs at most `ahead`
 * batches ahead of the writer, which sends "more" as it takes each one.
 */
const { options, ahead } = workerData as { options: ReadOptions; ahead: number };
const port = parentPort;
if (!port) throw new Error('import-reader-worker runs as a worker thread');

let credits = ahead;
let wake: (() => void) | null = null;
port.on('message', (m: unknown) => {
  if (m !== 'more') return;
  credits++;
  wake?.();
  wake = null;
});
const send = (m: ReaderMessage) => port.postMessage(m);

try {
  for await (const batch of readPackedImportBatches(options)) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    send({ kind: 'batch', batch });
  }
  send({ kind: 'end' });
} catch (err) {
  const e = err as Error;
  send(
    err instanceof InputError
      ? { kind: 'input-error', message: err.message, line: err.line, field: err.field }
      : { kind: 'error', message: e.message ?? String(err), stack: e.stack ?? null },
  );
}
// The importing thread ends this thread once it has the last message: closing the port here could drop it.
