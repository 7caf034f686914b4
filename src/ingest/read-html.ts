import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ReportInput } from '../domain/report.js';
import { InputError } from './errors.js';
import { languageCode, publishedDate } from './fields.js';
import { decodeUtf8 } from './read-text.js';

/** An HTML page: the main article text, found by Mozilla's Readability. */
export function readHtmlReport(bytes: Buffer, origin: string, url: string | null = null): ReportInput {
  const html = decodeUtf8(bytes, origin);
  const { document } = parseHTML(html);
  const meta = (name: string): string | null =>
    document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content') ?? null;
  const where = { origin };
  const publishedRaw = meta('article:published_time') ?? meta('date') ?? meta('pubdate');
  let published: string | null = null;
  try {
    published = publishedDate(publishedRaw, where, 'meta article:published_time');
  } catch {
    // A page's own metadata is often sloppy; a bad date there is not worth refusing the article.
    published = null;
  }
  const lang = document.documentElement?.getAttribute('lang')?.slice(0, 2) ?? null;
  // Readability mutates the document it reads; it gets its own parse.
  // biome-ignore lint/suspicious/noExplicitAny: linkedom's Document is structurally compatible but typed apart
  const article = new Readability(parseHTML(html).document as any).parse();
  const text = normaliseWhitespace(article?.textContent ?? document.body?.textContent ?? '');
  if (text.length === 0) throw new InputError('no readable text found in the HTML', origin);
  return {
    bytes,
    origin,
    externalId: null,
    url: url ?? meta('og:url'),
    title: article?.title?.trim() || document.querySelector('title')?.textContent?.trim() || null,
    published,
    language: lang ? languageCode(lang, where) : null,
    source: meta('og:site_name') ? { name: meta('og:site_name') as string, kind: 'news' } : null,
    text,
    mediaType: 'text/html',
  };
}

function normaliseWhitespace(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
