import type { ReportInput } from '../domain/report.js';
import { InputError } from './errors.js';
import { countryField, languageCode, optionalString, publishedDate, sourceFrom } from './fields.js';
import { NUL_MESSAGE } from './read-text.js';

/**
 * One line of a .jsonl file in the ../shared/eval shape:
 * {id, published, language, country?, source:{name,kind,sensitive?}, title, text, url?}.
 */
export function readJsonlLine(line: string, origin: string, lineNo: number): ReportInput {
  let obj: unknown;
  // JSON may spell U+0000 as \u0000, which PostgreSQL refuses to store: the field holding it is named.
  let nulIn: string | null = null;
  try {
    obj = JSON.parse(line, (key, value: unknown) => {
      if (typeof value === 'string' && value.includes('\u0000')) nulIn ??= key;
      return value;
    });
  } catch (err) {
    throw new InputError(`invalid JSON: ${(err as Error).message}`, origin, lineNo);
  }
  if (nulIn !== null) throw new InputError(NUL_MESSAGE, origin, lineNo, nulIn);
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
    throw new InputError('expected a JSON object', origin, lineNo);
  const o = obj as Record<string, unknown>;
  const where = { origin, line: lineNo };
  if (typeof o.text !== 'string' || o.text.trim() === '')
    throw new InputError('missing "text" (the report body)', origin, lineNo, 'text');
  const src = o.source;
  let source = null;
  if (typeof src === 'string') source = sourceFrom(src, undefined, where);
  else if (typeof src === 'object' && src !== null) {
    const s = src as Record<string, unknown>;
    source = sourceFrom(
      s.name,
      s.kind,
      where,
      { kind: 'source.kind', sensitive: 'source.sensitive' },
      s.sensitive,
    );
  }
  return {
    bytes: Buffer.from(line, 'utf8'),
    origin: `${origin}:${lineNo}`,
    externalId: optionalString(o.id, 'id', where),
    url: optionalString(o.url, 'url', where),
    title: optionalString(o.title, 'title', where),
    published: publishedDate(o.published, where),
    language: languageCode(o.language, where),
    country: countryField(o.country, where),
    source,
    text: o.text,
    mediaType: 'application/json',
  };
}
