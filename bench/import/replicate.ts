/** The UCDP GED file replicated to any number of rows with unique ids, for the import benches. */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { parse } from 'csv-parse';

/**
 * Writes `rows` rows of the UCDP file at `source` to `path`: the file's rows over and over, the k-th copy's ids shifted by k × 10^7.
 * Each source record is kept as its raw text split around the id cell, so a copy is one string
 * template per row (re-serialising every row with csv-stringify took minutes at a million rows).
 */
export async function replicate(source: string, rows: number, path: string): Promise<string> {
  const records: { before: string; id: number; after: string }[] = [];
  let header = '';
  let idCol = -1;
  for await (const { record, raw } of createReadStream(source).pipe(
    parse({ bom: true, raw: true, skip_empty_lines: true }),
  ) as AsyncIterable<{ record: string[]; raw: string }>) {
    const line = raw.replace(/\r?\n$/, '');
    if (idCol < 0) {
      header = line;
      idCol = record.indexOf('id');
      continue;
    }
    const id = record[idCol] ?? '';
    // The id is an unquoted number, so its cell is found by counting the unquoted cells before it.
    const start = idCol === 0 ? 0 : cellStart(line, idCol);
    if (!/^\d+$/.test(id) || line.slice(start, start + id.length) !== id)
      throw new Error(`cannot locate the id cell in: ${line.slice(0, 80)}`);
    records.push({ before: line.slice(0, start), id: Number(id), after: line.slice(start + id.length) });
  }
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  let chunk = '';
  for (let written = 0, copy = 0; written < rows; copy++) {
    for (const r of records) {
      if (written >= rows) break;
      chunk += `${r.before}${r.id + copy * 10_000_000}${r.after}\n`;
      written++;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return path;
}

/** Offset of the n-th cell (0-based) of a CSV line, honouring quoted cells. */
function cellStart(line: string, n: number): number {
  let cell = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted && ++cell === n) return i + 1;
  }
  return -1;
}
