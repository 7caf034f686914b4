import type { Kysely } from 'kysely';
import type { FeedConfig, WatchConfig } from '../ingest/feeds/config.js';
import { FetchError, type FetchOptions, type FetchResult, fetchUrl } from '../ingest/feeds/fetch.js';
import { type FeedItem, pageLinks, parseFeed } from '../ingest/feeds/parse-feed.js';
import { readHtmlReport } from '../ingest/read-html.js';
import type { Store } from '../store/database.js';
import { ensureFeed, type FeedState, listFeeds, markItem, seenItems, updateFeed } from '../store/feeds.js';
import type { Database } from '../store/schema.js';
import { type IngestDeps, ingestReport } from './ingest.js';

export interface FeedDeps {
  store: Store;
  ingest: IngestDeps;
  allowPrivate: boolean;
  maxItemsPerPoll: number;
  /** Replaceable in tests (e.g. to skip backoff waits). */
  fetch?: (url: string, options: FetchOptions) => Promise<FetchResult>;
  fetchOptions?: Partial<FetchOptions>;
  now?: () => string;
}

export interface PollOutcome {
  url: string;
  status: 'ok' | 'not-modified' | 'error';
  items: number;
  fetched: number;
  reportsNew: number;
  reportsKnown: number;
  /** Problems with the feed itself (status error) or with single articles. */
  errors: string[];
}

/**
 * Polls one feed: a conditional GET of the feed, then each item not seen before is fetched,
 * read (main text of the HTML) and ingested. The feed's state row records the outcome. An
 * article that failed for a passing reason (network, 5xx) is tried again next poll; one that
 * cannot succeed (404, no readable text) is marked seen with its error.
 */
export async function pollFeed(deps: FeedDeps, feed: FeedConfig): Promise<PollOutcome> {
  const now = () => deps.now?.() ?? new Date().toISOString();
  const { db } = deps.store;
  const get = deps.fetch ?? fetchUrl;
  const fetchOptions = (extra: Partial<FetchOptions> = {}): FetchOptions => ({
    ...deps.fetchOptions,
    ...extra,
    allowPrivate: deps.allowPrivate,
  });
  const state = await ensureFeed(db, feed, now());
  const out: PollOutcome = {
    url: feed.url,
    status: 'ok',
    items: 0,
    fetched: 0,
    reportsNew: 0,
    reportsKnown: 0,
    errors: [],
  };
  const failed = async (message: string) => {
    out.status = 'error';
    out.errors.push(message);
    const at = now();
    await updateFeed(db, feed.url, {
      last_polled_at: at,
      last_error: message,
      last_error_at: at,
      failures: Number(state.failures) + 1,
    });
    return out;
  };

  let res: FetchResult;
  try {
    res = await get(feed.url, fetchOptions({ etag: state.etag, lastModified: state.last_modified }));
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  }
  if (res.status === 'not-modified') {
    out.status = 'not-modified';
    const at = now();
    await updateFeed(db, feed.url, { last_polled_at: at, last_success_at: at, failures: 0 });
    return out;
  }
  let items: FeedItem[];
  try {
    const body = res.bytes.toString('utf8');
    items =
      feed.kind === 'page' ? pageLinks(body, res.url, feed.linkPattern ?? /./) : parseFeed(body, res.url);
  } catch (err) {
    return failed(`${feed.url}: ${(err as Error).message}`);
  }
  out.items = items.length;
  const seen = await seenItems(
    db,
    feed.url,
    items.map((i) => i.key),
  );
  const fresh = items.filter((i) => !seen.has(i.key) && i.url).slice(0, deps.maxItemsPerPoll);
  for (const item of fresh) await fetchItem(deps, feed, item, out, fetchOptions);

  const at = now();
  await updateFeed(db, feed.url, {
    etag: res.etag,
    last_modified: res.lastModified,
    last_polled_at: at,
    last_success_at: at,
    failures: 0,
    items_seen: Number(state.items_seen) + out.fetched,
    reports_new: Number(state.reports_new) + out.reportsNew,
    ...(out.errors.length > 0
      ? { last_error: out.errors[out.errors.length - 1] ?? null, last_error_at: at }
      : {}),
  });
  return out;
}

async function fetchItem(
  deps: FeedDeps,
  feed: FeedConfig,
  item: FeedItem,
  out: PollOutcome,
  fetchOptions: (extra?: Partial<FetchOptions>) => FetchOptions,
): Promise<void> {
  const url = item.url as string;
  const mark = (reportId: string | null) =>
    markItem(
      deps.store.db,
      { feedUrl: feed.url, key: item.key, url, reportId },
      deps.now?.() ?? new Date().toISOString(),
    );
  let res: FetchResult;
  try {
    res = await (deps.fetch ?? fetchUrl)(url, fetchOptions());
  } catch (err) {
    out.errors.push(`${url}: ${(err as Error).message}`);
    if (err instanceof FetchError && !err.retryable) await mark(null);
    return;
  }
  if (res.status !== 'ok') return;
  out.fetched++;
  try {
    const report = readHtmlReport(res.bytes, url, url);
    if (feed.source) report.source = feed.source;
    report.published ??= item.published;
    report.title ??= item.title;
    report.language ??= feed.language;
    report.country ??= feed.country;
    const outcome = await ingestReport(deps.ingest, report);
    if (outcome.status === 'new') out.reportsNew++;
    else out.reportsKnown++;
    await mark(outcome.reportId);
  } catch (err) {
    out.errors.push(`${url}: ${(err as Error).message}`);
    await mark(null);
  }
}

/**
 * Polls every feed on its own interval until `signal` aborts (or once each, with `once`). A feed
 * that keeps failing waits longer between polls (doubling, up to 16 intervals).
 */
export async function watchFeeds(
  deps: FeedDeps,
  config: WatchConfig,
  options: { once?: boolean; signal?: AbortSignal; onPoll?: (o: PollOutcome) => void } = {},
): Promise<void> {
  const due = new Map(config.feeds.map((f) => [f.url, 0]));
  const failures = new Map<string, number>();
  while (!options.signal?.aborted) {
    for (const feed of config.feeds) {
      if (options.signal?.aborted) return;
      if ((due.get(feed.url) ?? 0) > Date.now()) continue;
      const o = await pollFeed(deps, feed);
      options.onPoll?.(o);
      const f = o.status === 'error' ? (failures.get(feed.url) ?? 0) + 1 : 0;
      failures.set(feed.url, f);
      due.set(feed.url, Date.now() + feed.intervalSeconds * 1000 * Math.min(16, 2 ** f));
    }
    if (options.once) return;
    const next = Math.min(...due.values());
    await sleepUntil(next, options.signal);
  }
}

function sleepUntil(t: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, t - Date.now()));
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

export function feedStates(db: Kysely<Database>): Promise<FeedState[]> {
  return listFeeds(db);
}
