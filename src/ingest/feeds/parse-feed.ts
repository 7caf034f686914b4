import { XMLParser } from 'fast-xml-parser';
import { sha256Hex } from '../../domain/ids.js';

/** One entry of a feed, or one article link found on a page. */
export interface FeedItem {
  /** What identifies the item across polls: its guid/id, else its link. */
  key: string;
  url: string | null;
  title: string | null;
  /** ISO day when the feed gives a parseable date. */
  published: string | null;
}

export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // Entities beyond XML's own are not expanded: a feed cannot blow up memory with nested entities.
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

function textOf(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'object') return textOf((v as Node)['#text']);
  return null;
}

function isoDay(v: unknown): string | null {
  const s = textOf(v);
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).toString();
  } catch {
    return null;
  }
}

/** RSS 2.0, RSS 1.0 (RDF) and Atom, to items in document order. Pure. */
/** Longest item key kept as written; the store indexes keys, and PostgreSQL refuses index rows past 2,704 bytes. */
const MAX_ITEM_KEY_CHARS = 500;

/** An item's guid, id or link as its key; a longer one (a tracking URL, a mangled guid) by its digest. */
export function itemKey(raw: string): string;
export function itemKey(raw: string | null): string | null;
export function itemKey(raw: string | null): string | null {
  if (raw === null || raw.length <= MAX_ITEM_KEY_CHARS) return raw;
  return `sha256:${sha256Hex(raw)}`;
}

export function parseFeed(xml: string, baseUrl: string): FeedItem[] {
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (err) {
    throw new FeedParseError(`not well-formed XML: ${(err as Error).message}`);
  }
  const rss = doc.rss as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (rss || rdf) {
    const items = ((rss?.channel as Node | undefined)?.item ?? rdf?.item ?? []) as Node[];
    return items.flatMap((it) => {
      const url = absolute(textOf(it.link), baseUrl);
      const key = itemKey(textOf(it.guid) ?? url);
      if (!key) return [];
      return [{ key, url, title: textOf(it.title), published: isoDay(it.pubDate ?? it['dc:date']) }];
    });
  }
  if (atom) {
    const entries = (atom.entry ?? []) as Node[];
    return entries.flatMap((e) => {
      const links = (e.link ?? []) as Node[];
      const alt = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0];
      const url = absolute(alt ? (alt['@href'] as string) : null, baseUrl);
      const key = itemKey(textOf(e.id) ?? url);
      if (!key) return [];
      return [{ key, url, title: textOf(e.title), published: isoDay(e.published ?? e.updated) }];
    });
  }
  throw new FeedParseError('neither RSS nor Atom: no <rss>, <rdf:RDF> or <feed> element');
}

/**
 * A plain page (a newsroom's list of statements): the links on it that match `pattern`, on the
 * page's own site. A regular expression over the HTML is enough here: only hrefs are wanted.
 */
export function pageLinks(html: string, baseUrl: string, pattern: RegExp): FeedItem[] {
  const base = new URL(baseUrl);
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const m of html.matchAll(/<a\b[^>]*\bhref\s*=\s*["']([^"'#]+)["'][^>]*>([\s\S]*?)<\/a>/gi)) {
    const url = absolute(m[1] ?? null, baseUrl);
    if (!url || new URL(url).host !== base.host || !pattern.test(url) || seen.has(url)) continue;
    seen.add(url);
    const title =
      (m[2] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim() || null;
    out.push({ key: itemKey(url), url, title, published: null });
  }
  return out;
}
