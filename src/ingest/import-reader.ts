import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { readAdmin1Names } from '../gazetteer/admin1-names.js';
import { type EncodedImport, encodeImport, packImport, type Value } from '../store/import-rows.js';
import { type CsvRow, CsvSplitter } from './csv-rows.js';
import { InputError } from './errors.js';
import { createAdmin1Resolver } from './importers/admin1-codes.js';
import { cellError } from './importers/fields.js';
import { checkHeader, IMPORTERS } from './importers/index.js';
import { overlong } from './importers/lengths.js';
import type { CsvRecord, ImportFormat, RowWarning } from './importers/types.js';
import { NUL_MESSAGE } from './read-text.js';

/** A row that could not be read or mapped: InputError's fields, as plain data. */
export interface RowFailure {
  message: string;
  line: number | null;
  field: string | null;
}

/**
 * A run of a dataset file's rows, encoded for writing, with what went wrong on the way. `Rows` is
 * how the rows are held: as objects, or packed into one flat array (PackedReadBatch).
 */
export interface ReadBatch<Rows = EncodedImport[]> {
  rows: Rows;
  /** The file line each of `rows` starts on. */
  lines: number[];
  /** Data rows met (mapped or refused by the mapper; not those the CSV itself garbled). */
  read: number;
  /** Bytes of the file read so far. */
  bytes: number;
  failures: RowFailure[];
  warnings: RowWarning[];
  /** Actor names with no belligerent code, and how many rows named each. */
  unmapped: [string, number][];
}

export interface ReadOptions {
  format: ImportFormat;
  path: string;
  /** Rows a batch holds. */
  batchSize: number;
}

/** A batch whose rows are packed into one flat array (packImport): what the reader thread posts. */
export type PackedReadBatch = ReadBatch<Value[]>;

const READ_CHUNK = 1 << 16;

/**
 * Streams a dataset CSV as batches of encoded rows: split a chunk at a time, each row mapped by
 * the format's pure importer and encoded as the tables will hold it. A bad row is a failure with
 * its line and column; a file whose header lacks the format's columns throws an InputError before
 * any batch.
 * Each row is packed into its batch's flat array as soon as it is encoded: the row's objects then
 * die young, where a batch of objects lived until the batch was posted, was promoted to the old
 * generation on the way, and was packed in a second pass. packImport digests each row as it
 * packs it.
 */
export async function* readPackedImportBatches(options: ReadOptions): AsyncGenerator<PackedReadBatch> {
  const importer = IMPORTERS[options.format];
  const origin = options.path;
  let header: string[] | null = null;
  const columnIndex = new Map<string, number>();
  const ctx = {
    origin,
    line: 0,
    column: (name: string) => columnIndex.get(name) ?? null,
    admin1Code: createAdmin1Resolver(readAdmin1Names()),
  };
  const fresh = (bytes: number): PackedReadBatch => ({
    rows: [],
    lines: [],
    read: 0,
    bytes,
    failures: [],
    warnings: [],
    unmapped: [],
  });
  let batch = fresh(0);
  // Set once a chunk of the file holds U+0000; rows are only searched for it from then on.
  let mayHoldNul = false;
  const record: CsvRecord = {};
  let unmapped = new Map<string, number>();

  const take = (row: CsvRow) => {
    if (row.error !== undefined) {
      // Without its header no row can be read: the file is refused, where a bad data row costs only itself.
      if (header === null) throw new InputError(`malformed CSV header: ${row.error}`, origin, row.line, null);
      batch.failures.push({ message: `malformed CSV: ${row.error}`, line: row.line, field: null });
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
      batch.failures.push({ message, line: row.line, field: null });
      return;
    }
    ctx.line = row.line;
    batch.read++;
    if (mayHoldNul) {
      const k = cells.findIndex((c) => c.includes('\u0000'));
      if (k >= 0) {
        // PostgreSQL refuses U+0000 in text, the whole batch with it and without a line; the embedded
        // database would keep it. Either way it means a damaged file: the row is refused, with its place.
        const e = cellError(ctx, header[k] ?? '', NUL_MESSAGE);
        batch.failures.push({ message: e.message, line: e.line, field: e.field });
        return;
      }
    }
    // One object for every row, refilled: mappers read it and keep none of it (Importer.mapRow),
    // and a million 40-key objects were a good part of the garbage collector's work.
    for (let i = 0; i < cells.length; i++) record[header[i] as string] = cells[i];
    try {
      const mapped = importer.mapRow(record, ctx);
      const long = overlong(mapped.incident);
      if (long) {
        batch.failures.push({ message: long.message, line: row.line, field: long.field });
        return;
      }
      packImport(batch.rows, encodeImport(mapped.incident, importer.recordColumns, false));
      batch.lines.push(row.line);
      for (const w of mapped.warnings) batch.warnings.push(w);
      for (const name of mapped.unmappedActors) unmapped.set(name, (unmapped.get(name) ?? 0) + 1);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      batch.failures.push({ message: err.message, line: err.line, field: err.field });
    }
  };
  const done = (bytes: number): PackedReadBatch => {
    const out = batch;
    out.bytes = bytes;
    out.unmapped = [...unmapped];
    batch = fresh(bytes);
    unmapped = new Map();
    return out;
  };

  const input = createReadStream(options.path, { highWaterMark: READ_CHUNK });
  const decoder = new StringDecoder('utf8');
  const splitter = new CsvSplitter();
  let bytes = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      const text = decoder.write(chunk);
      if (!mayHoldNul && text.includes('\u0000')) mayHoldNul = true;
      for (const row of splitter.push(text)) {
        take(row);
        if (batch.lines.length >= options.batchSize) yield done(bytes);
      }
    }
    const tail = decoder.end();
    if (tail.includes('\u0000')) mayHoldNul = true;
    for (const row of [...splitter.push(tail), ...splitter.end()]) take(row);
    // An empty file (a download that failed, say) has no header to check: refused as one that lacks it.
    if (header === null)
      throw new InputError(
        `empty file: no header row with the ${importer.format.toUpperCase()} columns`,
        origin,
        1,
        null,
      );
    yield done(bytes);
  } finally {
    input.destroy();
  }
}
