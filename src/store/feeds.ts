import type { Kysely } from 'kysely';
import type { Database, FeedsTable } from './schema.js';

export type FeedState = FeedsTable;

/** Makes sure a feed has a state row; a renamed feed keeps its history. */
export async function ensureFeed(
  db: Kysely<Database>,
  feed: { url: string; name: string | null; kind: string },
  now: string,
): Promise<FeedState> {
  await db
    .insertInto('feeds')
    .values({
      url: feed.url,
      name: feed.name,
      kind: feed.kind,
      failures: 0,
      items_seen: 0,
      reports_new: 0,
      created_at: now,
    })
    .onConflict((oc) => oc.column('url').doUpdateSet({ name: feed.name, kind: feed.kind }))
    .execute();
  return db.selectFrom('feeds').selectAll().where('url', '=', feed.url).executeTakeFirstOrThrow();
}

export async function updateFeed(
  db: Kysely<Database>,
  url: string,
  patch: Partial<Omit<FeedState, 'url' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('feeds').set(patch).where('url', '=', url).execute();
}

/** The keys among `keys` this feed has already handled. */
export async function seenItems(db: Kysely<Database>, feedUrl: string, keys: string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('feed_items')
      .select('item_key')
      .where('feed_url', '=', feedUrl)
      .where('item_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) seen.add(r.item_key);
  }
  return seen;
}

export async function markItem(
  db: Kysely<Database>,
  item: { feedUrl: string; key: string; url: string | null; reportId: string | null },
  now: string,
): Promise<void> {
  await db
    .insertInto('feed_items')
    .values({
      feed_url: item.feedUrl,
      item_key: item.key,
      url: item.url,
      report_id: item.reportId,
      seen_at: now,
    })
    .onConflict((oc) => oc.columns(['feed_url', 'item_key']).doNothing())
    .execute();
}

export async function listFeeds(db: Kysely<Database>): Promise<FeedState[]> {
  return db.selectFrom('feeds').selectAll().orderBy('url').execute();
}
