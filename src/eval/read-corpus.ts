import { createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { GoldIncident, GoldReport, PredictionLine } from './gold.js';
import { FieldError, parseGoldIncidents, parseGoldReport, parsePredictionLine } from './validate.js';

/** Bad input, located: file, line (for .jsonl) and field. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    reason: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'CorpusError';
  }
}

export interface Corpus {
  reports: GoldReport[];
  /** Null when there is no sibling incidents file. */
  incidents: GoldIncident[] | null;
  incidentsPath: string | null;
}

function located(file: string, line: number | null, err: unknown): CorpusError {
  if (err instanceof FieldError) return new CorpusError(file, line, err.path || null, err.reason);
  if (err instanceof SyntaxError) return new CorpusError(file, line, null, `invalid JSON: ${err.message}`);
  throw err;
}

/** Parses every non-blank line of a .jsonl file; ids must be unique. */
async function readJsonl<T extends { id: string }>(file: string, parse: (v: unknown) => T): Promise<T[]> {
  const out: T[] = [];
  const firstLine = new Map<string, number>();
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (raw.trim() === '') continue;
    let item: T;
    try {
      item = parse(JSON.parse(raw));
    } catch (err) {
      throw located(file, n, err);
    }
    const earlier = firstLine.get(item.id);
    if (earlier !== undefined)
      throw new CorpusError(file, n, 'id', `duplicate id "${item.id}" (first on line ${earlier})`);
    firstLine.set(item.id, n);
    out.push(item);
  }
  return out;
}

/** dev.jsonl → dev-incidents.json, beside it. */
export function incidentsPathFor(corpusPath: string): string {
  return join(dirname(corpusPath), `${basename(corpusPath).replace(/\.jsonl$/, '')}-incidents.json`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export async function readIncidents(file: string): Promise<GoldIncident[]> {
  const text = await readFile(file, 'utf8');
  try {
    return parseGoldIncidents(JSON.parse(text));
  } catch (err) {
    throw located(file, null, err);
  }
}

/** Reads a corpus .jsonl and, when present, its sibling incidents file. */
export async function readCorpus(file: string): Promise<Corpus> {
  const reports = await readJsonl(file, parseGoldReport);
  const incidentsPath = incidentsPathFor(file);
  if (!(await exists(incidentsPath))) return { reports, incidents: null, incidentsPath: null };
  return { reports, incidents: await readIncidents(incidentsPath), incidentsPath };
}

/** Reads a predictions .jsonl (one `{id, claims}` a line) into the map scoreCorpus takes. */
export async function readPredictions(file: string): Promise<Map<string, PredictionLine['claims']>> {
  const lines = await readJsonl(file, parsePredictionLine);
  return new Map(lines.map((l) => [l.id, l.claims]));
}
