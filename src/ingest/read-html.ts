import { createRequire } from 'node:module';
import type * as ReadabilityModule from '@mozilla/readability';
import type * as JsdomModule from 'jsdom';
import type { ReportInput } from '../domain/report.js';
import { InputError } from './errors.js';
import { languageCode, publishedDate } from './fields.js';
import { decodeUtf8 } from './read-text.js';

// jsdom and Readability are loaded on the first page read, not with the module: jsdom alone took
// 0.85 s of every `vigil` command's start, most of which never read HTML. Both are CommonJS, so a
// plain require keeps reading synchronous.
const require = createRequire(import.meta.url);
let libs: { jsdom: typeof JsdomModule; readability: typeof ReadabilityModule } | null = null;
function htmlLibs(): NonNullable<typeof libs> {
  libs ??= {
    jsdom: require('jsdom') as typeof JsdomModule,
    readability: require('@mozilla/readability') as typeof ReadabilityModule,
  };
  return libs;
}

/** An HTML page: the main article text, found by Mozilla's Readability. */
export function readHtmlReport(bytes: Buffer, origin: string, url: string | null = null): ReportInput {
  const html = decodeUtf8(bytes, origin);
  // A spec-compliant parser (jsdom's parse5) mends broken markup the way browsers do; no scripts run, nothing is fetched.
  const { document } = parse(html);
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
  // Readability mutates the document it reads, so it gets its own parse.
  const article = new (htmlLibs().readability.Readability)(parse(html).document).parse();
  const text = normaliseWhitespace(
    article?.content ? blockText(parse(article.content).document) : visibleText(document),
  );
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

function parse(html: string): { document: Document } {
  const { JSDOM, VirtualConsole } = htmlLibs().jsdom;
  return new JSDOM(html, { virtualConsole: new VirtualConsole() }).window;
}

const BLOCKS = 'p, div, section, article, h1, h2, h3, h4, h5, h6, li, blockquote, pre, tr, br, figcaption';

/** Text with a paragraph break after each block, so sentences of different paragraphs never run together. */
function blockText(document: Document): string {
  for (const el of document.querySelectorAll(BLOCKS)) el.append(document.createTextNode('\n\n'));
  return document.body?.textContent ?? '';
}

/** Body text without scripts and styles, for pages Readability finds no article in. */
function visibleText(document: Document): string {
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  return blockText(document);
}

function normaliseWhitespace(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
