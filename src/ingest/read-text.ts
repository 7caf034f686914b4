import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import type { ReportInput } from '../domain/report.js';
import { InputError } from './errors.js';
import { countryField, languageCode, optionalString, publishedDate, sourceFrom } from './fields.js';

/** A .txt or .md file, with optional YAML front matter (title, published, source, source_kind, source_sensitive, language, country, url). */
export function readTextReport(
  bytes: Buffer,
  origin: string,
  mediaType: 'text/plain' | 'text/markdown',
): ReportInput {
  const raw = decodeUtf8(bytes, origin);
  let data: Record<string, unknown> = {};
  let body = raw;
  if (raw.startsWith('---')) {
    try {
      // YAML 1.2's core schema keeps "2017-02-30" a string, so the date check below can refuse it.
      const parsed = matter(raw, { engines: { yaml: (s) => (parseYaml(s) ?? {}) as object } });
      data = parsed.data;
      body = parsed.content;
    } catch (err) {
      const pos = (err as { linePos?: { line: number }[] }).linePos?.[0];
      throw new InputError(
        `front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`,
        origin,
        pos ? pos.line + 1 : 1,
        'front matter',
      );
    }
  }
  const where = { origin };
  try {
    return reportFrom(bytes, origin, mediaType, data, raw, body, where);
  } catch (err) {
    // A front matter field is reported at its line, as a JSONL field is.
    if (err instanceof InputError && err.line === null && err.field !== null && err.field !== 'text') {
      const line = frontMatterLine(raw, FIELD_KEYS[err.field] ?? [err.field]);
      if (line !== null) throw new InputError(err.message, err.origin, line, err.field);
    }
    throw err;
  }
}

/** The front matter keys a field may be written under, first found first; reportFrom reads them with `entry`. */
const FIELD_KEYS: Record<string, string[]> = {
  published: ['published', 'date'],
  language: ['language', 'lang'],
  source_kind: ['source_kind', 'source kind', 'sourceKind'],
  source_sensitive: ['source_sensitive', 'source sensitive', 'sourceSensitive'],
};

/** A field's value under the first of its keys that is set. */
function entry(data: Record<string, unknown>, field: string): unknown {
  for (const key of FIELD_KEYS[field] ?? [field]) if (data[key] != null) return data[key];
  return undefined;
}

/** The 1-based file line of the first of `keys` set in the front matter (which opens at line 1). */
function frontMatterLine(raw: string, keys: string[]): number | null {
  const lines = raw.split('\n');
  for (let i = 1; i < lines.length && !/^---\s*$/.test(lines[i] ?? ''); i++) {
    const key = /^\s*["']?([^:"']+?)["']?\s*:/.exec(lines[i] ?? '')?.[1];
    if (key !== undefined && keys.includes(key)) return i + 1;
  }
  return null;
}

function reportFrom(
  bytes: Buffer,
  origin: string,
  mediaType: 'text/plain' | 'text/markdown',
  data: Record<string, unknown>,
  raw: string,
  body: string,
  where: { origin: string },
): ReportInput {
  const text = mediaType === 'text/markdown' ? markdownToText(body) : body.trim();
  // As a JSONL line without "text" and an HTML page with no readable text are: nothing to archive.
  if (text === '')
    throw new InputError(
      raw === body ? 'no report text: the file is empty' : 'no report text after the front matter',
      origin,
      null,
      'text',
    );
  return {
    bytes,
    origin,
    externalId: optionalString(data.id, 'id', where),
    url: optionalString(data.url, 'url', where),
    title: optionalString(data.title, 'title', where) ?? firstHeading(body),
    published: publishedDate(entry(data, 'published'), where),
    language: languageCode(entry(data, 'language'), where),
    country: countryField(data.country, where),
    source: sourceFrom(
      data.source,
      entry(data, 'source_kind'),
      where,
      undefined,
      entry(data, 'source_sensitive'),
    ),
    text,
    mediaType,
  };
}

export function decodeUtf8(bytes: Buffer, origin: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError('not valid UTF-8 text (is it a binary file?)', origin);
  }
  // Valid UTF-8, yet no text file holds it, and PostgreSQL refuses to store it.
  if (text.includes('\u0000')) throw new InputError(NUL_MESSAGE, origin);
  return text;
}

export const NUL_MESSAGE = 'a NUL character (U+0000): the file is damaged or not text';

function firstHeading(body: string): string | null {
  const m = /^#\s+(.+)$/m.exec(body);
  return m?.[1]?.trim() ?? null;
}

/** Markdown emphasis and link syntax would otherwise sit inside evidence quotes. */
export function markdownToText(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/[ \t]+$/gm, '')
    .trim();
}
