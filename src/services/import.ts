import { stat } from 'node:fs/promises';
import { InputError } from '../ingest/errors.js';
import type { ReadBatch } from '../ingest/import-reader.js';
import { readImportBatchesInThread } from '../ingest/import-reader-thread.js';
import { IMPORTERS } from '../ingest/importers/index.js';
import type { ImportFormat, RowWarning } from '../ingest/importers/types.js';
import type { Store } from '../store/database.js';
import {
  deferIncidentIndexes,
  deferIncidentIndexesPg,
  restoreDeferredIndexesOf,
} from '../store/deferred-indexes.js';
import { SqliteImportTransaction, writeImportBatch } from '../store/imports.js';
import { setPragmas } from '../store/pragmas.js';
import { holdHeapSteady } from './heap-growth.js';

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
}

export interface ImportOptions {
  format: ImportFormat;
  path: string;
  actor: string;
  /** Rows mapped and written together: large enough to amortise the statements, small enough to bound memory. */
  batchSize?: number;
  /** Embedded database: rows per commit (several batches share a transaction). */
  rowsPerCommit?: number;
  /** Embedded database: expected rows from which the incidents indexes are rebuilt at the end. */
  deferIndexesFrom?: number;
  /** Errors and warnings kept in full in the summary; the rest are only counted. */
  keepDetails?: number;
  onProgress?: (p: ImportProgress) => void;
  now?: () => string;
  /**
   * Batches read already (bench/import/stages.ts times the writing alone with them); by default
   * the file is read on a reader thread while the batches before are written.
   */
  batches?: Iterable<ReadBatch> | AsyncIterable<ReadBatch>;
}

export interface RowError {
  line: number | null;
  field: string | null;
  message: string;
  /** "file.csv:12 (low, column 39)" */
  where: string;
}

export interface ImportSummary {
  file: string;
  format: ImportFormat;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: RowError[];
  warningCount: number;
  warnings: (RowWarning & { where: string })[];
  /** Actor names with no belligerent code, most frequent first (kept verbatim in each row's record). */
  unmappedActors: { name: string; rows: number }[];
  seconds: number;
  rowsPerSecond: number;
}

/**
 * Rows mapped and written together (on PostgreSQL, one transaction). 10,000 saved little CPU on a
 * loaded 2-core machine (fewer page rewrites per commit) but raised peak RSS from ~290 MB to ~450 MB embedded and ~555 MB on PostgreSQL,
 * past the 500 MB bound; 2,000 keeps memory low. synchronous stays NORMAL during an import: OFF
 * saved no measurable time here, and in WAL mode it lets a power loss during a checkpoint
 * corrupt the database.
 */
export const DEFAULT_IMPORT_BATCH = 2000;
/**
 * Embedded database: rows written together (several batches share a commit). A batch's rows live
 * on the importing thread from their arrival until they are written; at 2,000, and in some runs
 * at 1,000, they outlived the young generation and were collected as old objects (peak RSS ~400
 * against ~330 MB, a mark-compact every half second). 200,000 UCDP rows imported in 5.2-5.3 s
 * at 2,000 (CPU 8.5-8.8 s), 5.1-5.3 s at 1,000 (CPU 8.5-8.8 s, RSS 325-425 MB), 4.9-5.2 s at 500
 * (CPU 7.8-8.4 s, RSS 322-333 MB); 250 measured as 500, with twice the audit entries.
 */
export const DEFAULT_EMBEDDED_IMPORT_BATCH = 500;
/**
 * Embedded database: batches the reader thread may have ready beyond the one being written (0.7 MB
 * packed for 500 UCDP rows). At 2 the reader stopped within 15 ms of a commit that waited for the
 * disk (a commit's checkpoint syncs the database file; 1.0 of 2.7 s of commits at a million rows
 * were such waits), and the importing thread then waited for it. 1,000,000 UCDP rows: 19.5-22.9 s
 * at 16 against 20.7-23.2 s at 2, 0.3 to 1.3 s less in each of three alternated pairs. PostgreSQL
 * keeps the reader's default: its commits do not wait for the disk, so reading further ahead would
 * only hold more of its 2,000-row batches.
 */
const EMBEDDED_READ_AHEAD = 16;
/**
 * Embedded database: rows per commit, several batches in one transaction. A commit writes every
 * page its batches dirtied, and nearly every batch dirties the same pages of the date-ordered
 * indexes; a bound keeps other writers from waiting on the lock for the whole import.
 */
export const DEFAULT_ROWS_PER_COMMIT = 20_000;
const IMPORT_CACHE_KIB = 64 * 1024;
/**
 * Embedded database: an import expected to bring at least this many rows, and at least as many as
 * the store holds, drops the non-unique incidents indexes and rebuilds them at its end (see
 * deferIncidentIndexes). A small import into a large store keeps them: rebuilding would cost more.
 */
const DEFER_INDEXES_MIN_ROWS = 50_000;

/**
 * Streams a dataset CSV into the store: read, split, mapped by the format's pure importer and
 * encoded on a reader thread (ingest/import-reader.ts), written here in batches (on the embedded
 * database several batches share a transaction). A bad row is reported with its line and column
 * and skipped; the rest import. A file whose header lacks the format's columns is refused before
 * anything is written. Re-importing the same file changes nothing.
 */
export async function importFile(store: Store, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const importer = IMPORTERS[options.format];
  const keepDetails = options.keepDetails ?? 1000;
  const batchSize =
    options.batchSize ?? (store.sqlite ? DEFAULT_EMBEDDED_IMPORT_BATCH : DEFAULT_IMPORT_BATCH);
  const origin = options.path;
  const totalBytes = (await stat(options.path)).size;

  const summary: ImportSummary = {
    file: options.path,
    format: options.format,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    errors: [],
    warningCount: 0,
    warnings: [],
    unmappedActors: [],
    seconds: 0,
    rowsPerSecond: 0,
  };
  const unmapped = new Map<string, number>();
  const knownSources = new Set<string>();
  const fail = (e: InputError) => {
    summary.failed++;
    if (summary.errors.length < keepDetails)
      summary.errors.push({ line: e.line, field: e.field, message: e.message, where: e.where });
  };

  const span = store.sqlite
    ? new SqliteImportTransaction(store.sqlite, options.rowsPerCommit ?? DEFAULT_ROWS_PER_COMMIT)
    : undefined;
  let deferDecided = false;
  const maybeDefer = async (bytes: number) => {
    deferDecided = true;
    const expected = (summary.rows * totalBytes) / Math.max(bytes, 1);
    const held = await store.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    if (expected < (options.deferIndexesFrom ?? DEFER_INDEXES_MIN_ROWS) || expected < Number(held.n)) return;
    if (store.sqlite) deferIncidentIndexes(store.sqlite);
    else await deferIncidentIndexesPg(store.db);
  };
  const write = async (batch: ReadBatch) => {
    span?.begin();
    if (!deferDecided) await maybeDefer(batch.bytes);
    const res = await writeImportBatch(store.db, batch.rows, {
      actor: options.actor,
      origin,
      now: options.now?.() ?? new Date().toISOString(),
      knownSources,
      sqlite: store.sqlite,
      pgPool: store.pgPool,
    });
    span?.written(batch.rows.length);
    summary.created += res.created.length;
    summary.updated += res.updated.length;
    summary.unchanged += res.unchanged;
    for (const r of res.rejected)
      fail(
        new InputError(
          r.message,
          origin,
          batch.lines[r.index] ?? null,
          importer.format === 'airwars' ? 'code' : null,
        ),
      );
  };
  // One batch is written while the next is read and mapped on the reader's thread; on PostgreSQL
  // the server's work overlaps ours as well. The next batch is only written once this one has
  // committed, so it sees this one's rows.
  let writing: Promise<void> | null = null;

  // A large import touches many index pages; SQLite's default 2 MB page cache would re-read them
  // from the OS for every batch. Restored afterwards.
  const restoreCache = store.sqlite ? setPragmas(store.sqlite, { cache_size: -IMPORT_CACHE_KIB }) : null;
  // PostgreSQL's batches live across round trips, and its main heap grew unevenly (heap-growth.ts);
  // the embedded import's stays near 30 MB.
  const releaseHeap = store.sqlite ? null : holdHeapSteady();
  // A multi-row insert keeps a statement journal (to undo itself alone on a conflict), a temporary
  // file past 64 KB: in memory the batches were written 2% faster. Back to the default before the
  // index rebuild, whose sorted runs would otherwise be held in memory too. Outside a transaction
  // both times: SQLite refuses to change it inside one.
  const restoreTempStore = store.sqlite ? setPragmas(store.sqlite, { temp_store: 'memory' }) : null;
  const restoreTemp = () => {
    if (!store.sqlite?.inTransaction) restoreTempStore?.();
  };
  try {
    for await (const batch of options.batches ??
      readImportBatchesInThread({
        format: options.format,
        path: origin,
        batchSize,
        ahead: store.sqlite ? EMBEDDED_READ_AHEAD : undefined,
      })) {
      summary.rows += batch.read;
      for (const f of batch.failures) fail(new InputError(f.message, origin, f.line, f.field));
      for (const w of batch.warnings) {
        summary.warningCount++;
        if (summary.warnings.length < keepDetails)
          summary.warnings.push({ ...w, where: `${origin}:${w.line} (${w.field})` });
      }
      for (const [name, rows] of batch.unmapped) unmapped.set(name, (unmapped.get(name) ?? 0) + rows);
      if (writing) await writing;
      writing = batch.rows.length > 0 ? write(batch) : null;
      // Awaited before the next batch; until then a failure must not count as unhandled.
      writing?.catch(() => {});
      options.onProgress?.({ bytes: batch.bytes, totalBytes, rows: summary.rows });
    }
    await (writing as Promise<void> | null);
    span?.end(true);
    restoreTemp();
    await restoreDeferredIndexesOf(store);
  } catch (err) {
    // Assigned inside the loop, which TypeScript's narrowing cannot see from here.
    await (writing as Promise<void> | null)?.catch(() => {});
    span?.end(false);
    restoreTemp();
    try {
      await restoreDeferredIndexesOf(store);
    } catch {
      // Still noted in meta: the next open of the store rebuilds them. The import's own error matters more.
    }
    throw err;
  } finally {
    restoreCache?.();
    releaseHeap?.();
  }
  options.onProgress?.({ bytes: totalBytes, totalBytes, rows: summary.rows });

  // A batch's refused rows are reported when it has been written, after the next batch's mapping errors.
  summary.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  summary.unmappedActors = [...unmapped]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 20)
    .map(([name, rows]) => ({ name, rows }));
  summary.seconds = (performance.now() - started) / 1000;
  summary.rowsPerSecond = summary.seconds > 0 ? Math.round(summary.rows / summary.seconds) : summary.rows;
  return summary;
}
