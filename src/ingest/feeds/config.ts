import { parse } from 'yaml';
import { isOneOf, SOURCE_KINDS, type SourceKind } from '../../domain/codes.js';
import { InputError } from '../errors.js';
import { countryField } from '../fields.js';

export interface FeedConfig {
  url: string;
  name: string | null;
  /** feed: RSS/Atom; page: an HTML page whose matching links are articles. */
  kind: 'feed' | 'page';
  intervalSeconds: number;
  /** For pages: which links are articles. */
  linkPattern: RegExp | null;
  source: { name: string; kind: SourceKind } | null;
  language: string | null;
  /** ISO 3166-1 alpha-2 the feed reports on: places its articles name without a country are read there. */
  country: string | null;
}

export interface WatchConfig {
  feeds: FeedConfig[];
  /** Outbound requests to private, loopback and link-local addresses are refused unless this is set. */
  allowPrivate: boolean;
  /** Articles fetched per feed per poll, at most (a feed's backlog arrives over several polls). */
  maxItemsPerPoll: number;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

function duration(v: unknown, field: string, origin: string): number {
  if (typeof v === 'number' && v > 0) return v;
  const m = typeof v === 'string' ? /^(\d+(?:\.\d+)?)\s*([smhd])$/.exec(v.trim()) : null;
  if (!m)
    throw new InputError(
      `expected a duration such as 90s, 15m or 2h, got ${JSON.stringify(v)}`,
      origin,
      null,
      field,
    );
  return Number(m[1]) * (UNITS[m[2] as string] as number);
}

/**
 * FEEDS.yaml:
 *   interval: 15m            # default for every feed
 *   allow_private: false     # true only for feeds on a private network (or tests on 127.0.0.1)
 *   max_items_per_poll: 50
 *   feeds:
 *     - url: https://example.org/feed.xml
 *       name: Example
 *       interval: 30m
 *       source: { name: Example, kind: news }
 *       language: en
 *       country: SY          # the country its articles report on, where they do not name one
 *     - url: https://example.org/statements/
 *       kind: page
 *       link_pattern: /statements/\d+
 */
export function parseWatchConfig(text: string, origin: string): WatchConfig {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new InputError(`not valid YAML: ${(err as Error).message}`, origin);
  }
  if (!doc || typeof doc !== 'object') throw new InputError('expected a mapping with a feeds list', origin);
  const d = doc as Record<string, unknown>;
  const defaultInterval = d.interval === undefined ? 900 : duration(d.interval, 'interval', origin);
  if (!Array.isArray(d.feeds) || d.feeds.length === 0)
    throw new InputError('expected a non-empty list of feeds', origin, null, 'feeds');
  const feeds = d.feeds.map((f: unknown, i: number): FeedConfig => {
    const at = (k: string) => `feeds[${i}].${k}`;
    if (!f || typeof f !== 'object')
      throw new InputError('expected a mapping with a url', origin, null, `feeds[${i}]`);
    const e = f as Record<string, unknown>;
    let url: URL;
    try {
      url = new URL(String(e.url ?? ''));
    } catch {
      throw new InputError(`not a URL: ${JSON.stringify(e.url)}`, origin, null, at('url'));
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new InputError(`only http and https feeds, got ${url.protocol}`, origin, null, at('url'));
    const kind = e.kind ?? 'feed';
    if (kind !== 'feed' && kind !== 'page')
      throw new InputError(`kind is feed or page, got ${JSON.stringify(kind)}`, origin, null, at('kind'));
    let linkPattern: RegExp | null = null;
    if (kind === 'page') {
      if (typeof e.link_pattern !== 'string')
        throw new InputError(
          'a page needs a link_pattern (a regular expression)',
          origin,
          null,
          at('link_pattern'),
        );
      try {
        linkPattern = new RegExp(e.link_pattern);
      } catch (err) {
        throw new InputError(
          `bad regular expression: ${(err as Error).message}`,
          origin,
          null,
          at('link_pattern'),
        );
      }
    }
    let source: FeedConfig['source'] = null;
    if (e.source !== undefined) {
      const s = e.source as Record<string, unknown>;
      if (!s || typeof s.name !== 'string')
        throw new InputError('source needs a name', origin, null, at('source.name'));
      const sk = s.kind ?? 'news';
      if (!isOneOf(SOURCE_KINDS, sk))
        throw new InputError(
          `source kind is one of ${SOURCE_KINDS.join(', ')}`,
          origin,
          null,
          at('source.kind'),
        );
      source = { name: s.name, kind: sk };
    }
    return {
      url: url.toString(),
      name: typeof e.name === 'string' ? e.name : null,
      kind,
      intervalSeconds:
        e.interval === undefined ? defaultInterval : duration(e.interval, at('interval'), origin),
      linkPattern,
      source,
      language: typeof e.language === 'string' ? e.language : null,
      country: countryField(e.country, { origin }, at('country')),
    };
  });
  const max = d.max_items_per_poll ?? 50;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1)
    throw new InputError('expected a whole number ≥ 1', origin, null, 'max_items_per_poll');
  return { feeds, allowPrivate: d.allow_private === true, maxItemsPerPoll: max };
}
