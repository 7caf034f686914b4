import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClaimDraft } from '../../src/domain/claim.js';
import type { Extractor } from '../../src/extract/types.js';
import type { IngestDeps } from '../../src/services/ingest.js';
import { openSqliteStore, type SqliteStoreOptions, type Store } from '../../src/store/database.js';

/** A fresh directory removed when the test ends. */
export function scratchDir(t: { after: (fn: () => void) => void }, prefix = 'vigil-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function scratchStore(
  t: { after: (fn: () => void | Promise<void>) => void },
  options: SqliteStoreOptions = {},
): Promise<Store> {
  const dir = scratchDir(t);
  const store = await openSqliteStore(join(dir, 'test.db'), options);
  t.after(() => store.close());
  return store;
}

/**
 * A stand-in extractor for tests of storage and linking: every line "CLAIM <date> <lat> <lon> <civ>"
 * in a report becomes one claim, so tests control claims exactly.
 */
export const lineExtractor: Extractor = (input) => {
  const out: ClaimDraft[] = [];
  for (const m of input.text.matchAll(
    /CLAIM (\d{4}-\d{2}-\d{2}) (-?[\d.]+) (-?[\d.]+) (\d+)(?: (\w[\w-]*))?/g,
  )) {
    const [, date, lat, lon, civ, actor] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
      string | undefined,
    ];
    out.push({
      date: { from: date, to: date, precision: 'day' },
      place: {
        name: `P${lat}`,
        gazetteerId: null,
        lat: Number(lat),
        lon: Number(lon),
        admin1: null,
        country: 'SY',
        precision: 'town',
      },
      belligerents: actor ? [actor as ClaimDraft['belligerents'][number]] : [],
      event: 'air_drone_strike',
      target: null,
      civiliansKilled: { min: Number(civ), max: Number(civ) },
      killed: null,
      injured: null,
      children: null,
      women: null,
      hedged: false,
      strikes: null,
      evidence: [
        { field: 'civiliansKilled', span: { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length } },
      ],
      confidence: 1,
    });
  }
  return out;
};

export function testDeps(store: Store, extract: Extractor = lineExtractor): IngestDeps {
  return {
    store,
    extract,
    context: () => ({ geoparser: { parse: () => [], resolve: () => [] } }),
    actor: 'test',
  };
}
