import { type EncodedImport, unpackImports } from '../store/import-rows.js';
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

/**
 * Batches the reader may have ready beyond the one being written, unless the caller says: bounds
 * memory. The embedded database asks for more (services/import.ts).
 */
const DEFAULT_AHEAD = 2;

/**
 * Rows the reader thread posts at a time; the importing thread joins them into batches of the
 * size asked for. A batch's values live on the reader until it is posted: at 2,000 rows they
 * outlived two scavenges and were promoted, and the old generation filled with dead batches.
 * Reading 200,000 UCDP rows cost 4.2 s of CPU posting 2,000 at a time, 3.1 s posting 250
 * (collector pauses 0.64 against 0.15 s); 125 or 64 were no better.
 */
export const POST_ROWS = 250;

/** Joins the parts of one batch, in order (rows and lines stay aligned). */
function joined(parts: ReadBatch[]): ReadBatch {
  if (parts.length === 1) return parts[0] as ReadBatch;
  const unmapped = new Map<string, number>();
  const rows: EncodedImport[] = [];
  const out: ReadBatch = {
    rows,
    lines: [],
    read: 0,
    bytes: 0,
    failures: [],
    warnings: [],
    unmapped: [],
  };
  for (const p of parts) {
    for (const r of p.rows) rows.push(r);
    for (const l of p.lines) out.lines.push(l);
    out.read += p.read;
    out.bytes = p.bytes;
    for (const f of p.failures) out.failures.push(f);
    for (const w of p.warnings) out.warnings.push(w);
    for (const [name, n] of p.unmapped) unmapped.set(name, (unmapped.get(name) ?? 0) + n);
  }
  out.unmapped = [...unmapped];
  return out;
}

/**
 * readPackedImportBatches on a worker thread, its rows unpacked here: splitting, mapping and
 * encoding a row cost about as much CPU as writing it, so on two cores the file is read while the
 * batches before are written. Batches arrive in file order; errors arrive as they would from
 * readPackedImportBatches. Leaving the loop early stops the thread.
 */
export async function* readImportBatchesInThread(
  options: ReadOptions & { ahead?: number },
): AsyncGenerator<ReadBatch> {
  const postRows = Math.min(POST_ROWS, options.batchSize);
  const partsPerBatch = Math.ceil(options.batchSize / postRows);
  const { ahead = DEFAULT_AHEAD, ...read } = options;
  const worker = startModuleWorker(
    import.meta.url,
    'import-reader-worker',
    { options: { ...read, batchSize: postRows }, ahead: ahead * partsPerBatch },
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
  // The parts of the batch being joined.
  let parts: ReadBatch[] = [];
  let partRows = 0;
  try {
    for (;;) {
      const m = queue.shift();
      if (m === undefined) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (m.kind === 'end') {
        if (parts.length > 0) yield joined(parts);
        return;
      }
      if (m.kind === 'input-error') throw new InputError(m.message, options.path, m.line, m.field);
      if (m.kind === 'error') {
        const err = new Error(m.message);
        if (m.stack) err.stack = m.stack;
        throw err;
      }
      worker.postMessage('more');
      parts.push({ ...m.batch, rows: unpackImports(m.batch.rows) });
      partRows += m.batch.lines.length;
      if (partRows < options.batchSize) continue;
      const batch = joined(parts);
      parts = [];
      partRows = 0;
      yield batch;
    }
  } finally {
    await worker.terminate();
  }
}
