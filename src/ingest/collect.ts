import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ReportInput } from '../domain/report.js';
import { InputError } from './errors.js';
import { readHtmlReport } from './read-html.js';
import { readJsonlLine } from './read-jsonl.js';
import { readTextReport } from './read-text.js';

/** Larger single documents are refused rather than read: no real report is this big. */
export const MAX_REPORT_BYTES = 20_000_000;

const MEGABYTES = new Intl.NumberFormat('en', { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });

/** Why a file or line is refused for its size, in megabytes (decimal, as file managers show them). */
function tooLarge(what: string, bytes: number): string {
  return `${what} is ${MEGABYTES.format(bytes / 1e6)} (${bytes.toLocaleString('en')} bytes); a report may be at most ${MEGABYTES.format(MAX_REPORT_BYTES / 1e6)}`;
}

const EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl']);

export type Collected = { ok: true; report: ReportInput } | { ok: false; error: InputError };

/** Why a path could not be read, in words ("cannot read: no such file or directory"), not only an errno code. */
function cannotRead(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
  };
  return `cannot read: ${(code && words[code]) ?? code ?? (err as Error).message}`;
}

/** Expands directories (recursively, sorted) into the files Vigil can read; `-` stands for stdin. */
export async function listInputs(
  paths: string[],
): Promise<{ files: string[]; errors: InputError[]; skipped: string[] }> {
  const files: string[] = [];
  const errors: InputError[] = [];
  // Files of other types inside the directories named: passed over, but said, since a folder of
  // scans or PDFs would otherwise seem to hold nothing.
  const skipped: string[] = [];
  async function walk(path: string, explicit: boolean): Promise<void> {
    if (path === '-') {
      files.push('-');
      return;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (err) {
      errors.push(new InputError(cannotRead(err), path));
      return;
    }
    if (info.isDirectory()) {
      const before = files.length;
      const entries = (await readdir(path)).filter((e) => !e.startsWith('.')).sort();
      for (const e of entries) await walk(join(path, e), false);
      // A directory named on the command line that holds nothing to read is most likely the wrong one.
      if (explicit && files.length === before)
        errors.push(
          new InputError(`no reports here: no ${[...EXTENSIONS].join(' ')} file in this directory`, path),
        );
    } else if (EXTENSIONS.has(extname(path).toLowerCase())) {
      files.push(path);
    } else if (!explicit) {
      skipped.push(path);
    } else {
      errors.push(
        new InputError(
          `unsupported file type "${extname(path) || '(none)'}"; expected ${[...EXTENSIONS].join(' ')}`,
          path,
        ),
      );
    }
  }
  for (const p of paths) await walk(p, true);
  return { files, errors, skipped };
}

/** How many reports a file holds, for the progress bar (a .jsonl file: its non-empty lines). */
export async function countReports(file: string): Promise<number> {
  if (file === '-' || extname(file).toLowerCase() !== '.jsonl') return 1;
  let n = 0;
  try {
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity }))
      if (line.trim()) n++;
  } catch {
    return 1;
  }
  return n;
}

/** Reads one file into reports, streaming .jsonl line by line; each bad item is an error, not a stop. */
export async function* readInputs(
  file: string,
  stdin: NodeJS.ReadableStream = process.stdin,
): AsyncGenerator<Collected> {
  if (file === '-') {
    const bytes = await readAll(stdin);
    const head = bytes.subarray(0, 64).toString('utf8').trimStart();
    if (head.startsWith('{')) {
      yield* jsonlLines(bytes.toString('utf8').split(/\r?\n/), 'stdin');
      return;
    }
    yield guard(() =>
      head.startsWith('<') ? readHtmlReport(bytes, 'stdin') : readTextReport(bytes, 'stdin', 'text/markdown'),
    );
    return;
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl') {
    try {
      let lineNo = 0;
      for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
        lineNo++;
        if (!line.trim()) continue;
        const size = Buffer.byteLength(line);
        if (size > MAX_REPORT_BYTES) {
          yield { ok: false, error: new InputError(tooLarge('the line', size), file, lineNo) };
          continue;
        }
        yield guard(() => readJsonlLine(line, file, lineNo));
      }
    } catch (err) {
      yield { ok: false, error: new InputError(`cannot read: ${(err as Error).message}`, file) };
    }
    return;
  }
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.size > MAX_REPORT_BYTES) {
      yield {
        ok: false,
        error: new InputError(
          `${tooLarge('the file', info.size)} (a .jsonl file of many reports may be larger: its limit is per line)`,
          file,
        ),
      };
      return;
    }
    bytes = await readFile(file);
  } catch (err) {
    yield {
      ok: false,
      error: new InputError(cannotRead(err), file),
    };
    return;
  }
  if (ext === '.html' || ext === '.htm') yield guard(() => readHtmlReport(bytes, file));
  else yield guard(() => readTextReport(bytes, file, ext === '.txt' ? 'text/plain' : 'text/markdown'));
}

function* jsonlLines(lines: string[], origin: string): Generator<Collected> {
  for (const [i, line] of lines.entries())
    if (line.trim()) yield guard(() => readJsonlLine(line, origin, i + 1));
}

function guard(read: () => ReportInput): Collected {
  try {
    return { ok: true, report: read() };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, error: err };
    throw err;
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}
