import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { type CsvRow, CsvSplitter } from '../ingest/csv-rows.js';
import { InputError } from '../ingest/errors.js';
import { checkHeader, IMPORTERS } from '../ingest/importers/index.js';
import type { CsvRecord, ImportedIncident, ImportFormat, RowWarning } from '../ingest/importers/types.js';
import type { Store } from '../store/database.js';
import {
  deferIncidentIndexes,
  deferIncidentIndexesPg,
  restoreDeferredIndexesOf,
} from '../store/deferred-indexes.js';
import { SqliteImportTransaction, writeImportBatch } from '../store/imports.js';

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
const READ_CHUNK = 1 << 16;

/**
 * Streams a dataset CSV into the store: split into rows a chunk at a time, mapped by the
 * format's pure importer, written in batches (on the embedded database several batches share a
 * transaction). A bad row is reported with
 * its line and column and skipped; the rest import. A file whose header lacks the format's
 * columns is refused before anything is written. Re-importing the same file changes nothing.
 */

export async function importFile(store: Store, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const importer = IMPORTERS[options.format];
  const keepDetails = options.keepDetails ?? 1000;
  const batchSize = options.batchSize ?? DEFAULT_IMPORT_BATCH;
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

  let header: string[] | null = null;
  const columnIndex = new Map<string, number>();
  const input = createReadStream(options.path, { highWaterMark: READ_CHUNK });
  const decoder = new StringDecoder('utf8');
  const splitter = new CsvSplitter();

  const span = store.sqlite
    ? new SqliteImportTransaction(store.sqlite, options.rowsPerCommit ?? DEFAULT_ROWS_PER_COMMIT)
    : undefined;
  let bytes = 0;
  let deferDecided = false;
  const maybeDefer = async () => {
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
  let batch: { item: ImportedIncident; line: number }[] = [];
  const write = async (current: { item: ImportedIncident; line: number }[]) => {
    span?.begin();
    if (!deferDecided) await maybeDefer();
    const res = await writeImportBatch(
      store.db,
      current.map((b) => b.item),
      {
        actor: options.actor,
        origin,
        now: options.now?.() ?? new Date().toISOString(),
        knownSources,
        sqlite: store.sqlite,
        recordColumns: importer.recordColumns,
      },
    );
    span?.written(current.length);
    summary.created += res.created.length;
    summary.updated += res.updated.length;
    summary.unchanged += res.unchanged;
    for (const r of res.rejected)
      fail(
        new InputError(
          r.message,
          origin,
          current[r.index]?.line ?? null,
          importer.format === 'airwars' ? 'code' : null,
        ),
      );
  };
  // One batch is written while the next is read and mapped: on PostgreSQL the server's work and
  // ours overlap (the embedded database writes synchronously, so there it changes nothing). The
  // next batch is only written once this one has committed, so it sees this one's rows.
  let writing: Promise<void> | null = null;
  const flush = async () => {
    if (writing) await writing;
    writing = null;
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    writing = write(current);
    // Awaited by the next flush; until then a failure must not count as unhandled.
    writing.catch(() => {});
  };

  // A large import touches many index pages; SQLite's default 2 MB page cache would re-read them
  // from the OS for every batch. Restored afterwards.
  const cacheBefore = store.sqlite?.pragma('cache_size', { simple: true });
  store.sqlite?.pragma(`cache_size = ${-IMPORT_CACHE_KIB}`);
  const ctx = { origin, line: 0, column: (name: string) => columnIndex.get(name) ?? null };
  const take = (row: CsvRow) => {
    if (row.error !== undefined) {
      fail(new InputError(`malformed CSV: ${row.error}`, origin, row.line, null));
      return;
    }
    const { cells } = row;
    if (header === null) {
      header = cells.map((n) => n.trim());
      const problem = checkHeader(importer, header);
      if (problem) throw new InputError(problem, origin, row.line, null);
      header.forEach((n, i) => {
        if (!columnIndex.has(n)) columnIndex.set(n, i + 1);
      });
      return;
    }
    if (cells.length !== header.length) {
      const message = `malformed CSV: ${cells.length} cells where the header has ${header.length}`;
      fail(new InputError(message, origin, row.line, null));
      return;
    }
    ctx.line = row.line;
    summary.rows++;
    const record: CsvRecord = {};
    for (let i = 0; i < cells.length; i++) record[header[i] as string] = cells[i];
    try {
      const mapped = importer.mapRow(record, ctx);
      batch.push({ item: mapped.incident, line: ctx.line });
      for (const w of mapped.warnings) {
        summary.warningCount++;
        if (summary.warnings.length < keepDetails)
          summary.warnings.push({ ...w, where: `${origin}:${w.line} (${w.field})` });
      }
      for (const name of mapped.unmappedActors) unmapped.set(name, (unmapped.get(name) ?? 0) + 1);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      fail(err);
    }
  };
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      for (const row of splitter.push(decoder.write(chunk))) {
        take(row);
        if (batch.length >= batchSize) {
          await flush();
          options.onProgress?.({ bytes, totalBytes, rows: summary.rows });
        }
      }
    }
    for (const row of [...splitter.push(decoder.end()), ...splitter.end()]) take(row);
    await flush();
    await (writing as Promise<void> | null);
    span?.end(true);
    await restoreDeferredIndexesOf(store);
  } catch (err) {
    // Assigned inside flush, which TypeScript's narrowing cannot see from here.
    await (writing as Promise<void> | null)?.catch(() => {});
    span?.end(false);
    try {
      await restoreDeferredIndexesOf(store);
    } catch {
      // Still noted in meta: the next open of the store rebuilds them. The import's own error matters more.
    }
    input.destroy();
    throw err;
  } finally {
    if (cacheBefore !== undefined) store.sqlite?.pragma(`cache_size = ${Number(cacheBefore)}`);
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
