import type { ReportInput } from '../../src/domain/report.js';
import { ingestReport } from '../../src/services/ingest.js';
import type { ReviewCommand, ReviewDeps } from '../../src/services/review/command.js';
import type { Store } from '../../src/store/database.js';
import type { IncidentsTable } from '../../src/store/schema.js';
import { scratchStore, testDeps } from './fixtures.js';

export function lineReport(text: string, published = '2017-03-22', source = 'Wire'): ReportInput {
  return {
    bytes: Buffer.from(text),
    origin: 'test',
    externalId: null,
    url: null,
    title: null,
    published,
    language: 'en',
    source: { name: source, kind: 'news' },
    text,
    mediaType: 'text/plain',
  };
}

export interface ReviewFixture {
  store: Store;
  deps: ReviewDeps;
  /** The incidents the reports made, oldest code first. */
  incidents: IncidentsTable[];
  /** Claim ids by incident id. */
  claims: Map<string, string[]>;
  reload(id: string): Promise<IncidentsTable>;
}

/**
 * A scratch store with incidents made by ingesting one report per text (lineExtractor's
 * "CLAIM <date> <lat> <lon> <civ> [belligerent]" lines), each from its own source.
 */
export async function reviewFixture(
  t: { after: (fn: () => void | Promise<void>) => void },
  texts: string[],
): Promise<ReviewFixture> {
  const store = await scratchStore(t);
  const ingest = testDeps(store);
  for (const [i, text] of texts.entries())
    await ingestReport(ingest, lineReport(text, '2017-03-22', `Source ${i}`));
  const incidents = await store.db
    .selectFrom('incidents')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('code')
    .execute();
  const claims = new Map<string, string[]>();
  for (const c of await store.db.selectFrom('claims').select(['id', 'incident_id']).orderBy('id').execute())
    if (c.incident_id) claims.set(c.incident_id, [...(claims.get(c.incident_id) ?? []), c.id]);
  return {
    store,
    deps: { store },
    incidents,
    claims,
    reload: (id) =>
      store.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  };
}

export function by(actor: string, expectedVersion: number, reason?: string): ReviewCommand {
  return { actor, expectedVersion, reason };
}
