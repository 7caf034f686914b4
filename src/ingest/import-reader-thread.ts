import { unpackImports } from '../store/import-rows.js';
import { startModuleWorker } from '../store/module-worker.js';
import { InputError } from './errors.js';
import type { PackedReadBatch, ReadBatch, ReadOptions } from './import-reader.js';

export type ReaderMessage =
  | { kind: 'batch'; batch: PackedReadBatch }
  | { kind: 'end' }
  | { kind: 'input-error'; message: string; line: number | null; field: string | null }
  | { kind: 'error'; message: string; stack: string | null };

/**
 * The reader holds a few batches and the importers' tables (tens of MB). Without a bound V8 lets
 * a thread's heap grow to a quarter of the machine's memory before collecting in earnest, and
 * the import's peak RSS rose by ~150 MB; the issue bounds it at 500 MB. The young generation is
 * left large: nearly all the reader makes is garbage within a row, and a small one (16 MB) cost
 * about a tenth more CPU in scavenges.
 */
const READER_HEAP = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 64 };

/** Batches the reader may have ready beyond the one being written: bounds memory. */
const AHEAD = 2;

/**
 * readImportBatches on a worker thread: splitting, mapping and encoding a row cost about as much
 * CPU as writing it, so on two cores the file is read while the batches before are written.
 * Batches arrive in file order; errors arrive as they would from readImportBatches. Leaving the
 * loop early stops the thread.
 */
export async function* readImportBatchesInThread(options: ReadOptions): AsyncGenerator<ReadBatch> {
  const worker = startModuleWorker(
    import.meta.url,
    'import-reader-worker',
    { options, ahead: AHEAD },
    READER_HEAP,
  );
  const queue: ReaderMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const arrive = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: ReaderMessage) => {
    queue.push(m);
    arrive();
  });
  worker.on('error', (err) => {
    failure = err;
    arrive();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new Error(`the import reader thread stopped (exit code ${code})`);
    arrive();
  });
  try {
    for (;;) {
      const m = queue.shift();
      if (m === undefined) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (m.kind === 'end') return;
      if (m.kind === 'input-error') throw new InputError(m.message, options.path, m.line, m.field);
      if (m.kind === 'error') {
        const err = new Error(m.message);
        if (m.stack) err.stack = m.stack;
        throw err;
      }
      worker.postMessage('more');
      yield { ...m.batch, rows: unpackImports(m.batch.rows) };
    }
  } finally {
    await worker.terminate();
  }
}
