/**
 * A small, realistic database for the browser tests: English and Arabic reports whose claims
 * carry evidence spans into the report text, grouped into incidents, and an analyst account.
 */
import type { ClaimDraft } from '../../src/domain/claim.js';
import type { Belligerent } from '../../src/domain/codes.js';
import type { Extractor } from '../../src/extract/types.js';
import { createUser } from '../../src/services/accounts.js';
import { ingestReport } from '../../src/services/ingest.js';
import { openSqliteStore } from '../../src/store/database.js';

export const ANALYST = { name: 'amira', password: 'a long analyst password' };

interface Spec {
  title: string;
  language: 'en' | 'ar';
  published: string;
  source: { name: string; kind: 'news' | 'local' | 'ngo' };
  text: string;
  date: string;
  place: { name: string; lat: number; lon: number; admin1: string };
  belligerent: Belligerent;
  /** The civilian figure as written in the text, and its range. */
  civText: string;
  civ: { min: number; max: number | null };
}

export const REPORTS: Spec[] = [
  {
    title: 'Coalition strike on Raqqa market',
    language: 'en',
    published: '2017-03-22',
    source: { name: 'Wire Service', kind: 'news' },
    text:
      'BEIRUT — An airstrike hit a crowded market in Raqqa on Tuesday.\n' +
      'Local monitors said between 20 and 33 civilians were killed, including children. ' +
      'The US-led coalition said it was reviewing the report.',
    date: '2017-03-21',
    place: { name: 'Raqqa', lat: 35.9506, lon: 39.0094, admin1: '04' },
    belligerent: 'us-led-coalition',
    civText: 'between 20 and 33 civilians',
    civ: { min: 20, max: 33 },
  },
  {
    title: 'غارة على سوق الرقة',
    language: 'ar',
    published: '2017-03-22',
    source: { name: 'شبكة الرقة المحلية', kind: 'local' },
    text: 'قُتل 30 مدنيًا على الأقل في غارة جوية استهدفت سوقًا شعبيًا في مدينة الرقة يوم الثلاثاء، بحسب ناشطين محليين.',
    date: '2017-03-21',
    place: { name: 'الرقة', lat: 35.9506, lon: 39.0094, admin1: '04' },
    belligerent: 'us-led-coalition',
    civText: '30 مدنيًا على الأقل',
    civ: { min: 30, max: null },
  },
  {
    title: 'Shelling in Aleppo countryside',
    language: 'en',
    published: '2017-02-10',
    source: { name: 'Monitoring NGO', kind: 'ngo' },
    text: 'Artillery shelling on the town of Atarib killed 7 civilians and injured dozens, the group said.',
    date: '2017-02-09',
    place: { name: 'Atarib', lat: 36.1389, lon: 36.83, admin1: '09' },
    belligerent: 'syrian-government',
    civText: '7 civilians',
    civ: { min: 7, max: 7 },
  },
  {
    title: 'Strike near Idlib',
    language: 'en',
    published: '2016-11-05',
    source: { name: 'Wire Service', kind: 'news' },
    text: 'A strike near Idlib city killed at least 12 civilians, residents said, blaming Russian jets.',
    date: '2016-11-04',
    place: { name: 'Idlib', lat: 35.9306, lon: 36.6339, admin1: '10' },
    belligerent: 'russia',
    civText: 'at least 12 civilians',
    civ: { min: 12, max: null },
  },
];

/** Claims straight from the specs, with spans found in the text (so evidence is always real text). */
const specExtractor: Extractor = (input) => {
  const spec = REPORTS.find((r) => r.title === input.title);
  if (!spec) return [];
  const civAt = input.text.indexOf(spec.civText);
  const placeAt = input.text.indexOf(spec.place.name);
  const draft: ClaimDraft = {
    date: { from: spec.date, to: spec.date, precision: 'day' },
    place: {
      name: spec.place.name,
      gazetteerId: null,
      lat: spec.place.lat,
      lon: spec.place.lon,
      admin1: spec.place.admin1,
      country: 'SY',
      precision: 'town',
    },
    belligerents: [spec.belligerent],
    event: 'air_drone_strike',
    target: null,
    civiliansKilled: spec.civ,
    killed: null,
    injured: null,
    children: null,
    women: null,
    hedged: false,
    strikes: null,
    evidence: [
      { field: 'civiliansKilled', span: { start: civAt, end: civAt + spec.civText.length } },
      ...(placeAt >= 0
        ? [{ field: 'place' as const, span: { start: placeAt, end: placeAt + spec.place.name.length } }]
        : []),
    ],
    confidence: 0.9,
  };
  return [draft];
};

export async function buildFixtureDb(path: string): Promise<void> {
  const store = await openSqliteStore(path);
  try {
    const deps = {
      store,
      extract: specExtractor,
      context: () => ({ geoparser: { parse: () => [], resolve: () => [] } }),
      actor: 'fixture',
    };
    for (const r of REPORTS) {
      await ingestReport(deps as Parameters<typeof ingestReport>[0], {
        bytes: Buffer.from(r.text),
        origin: 'fixture',
        externalId: null,
        url: null,
        title: r.title,
        published: r.published,
        language: r.language,
        source: r.source,
        text: r.text,
        mediaType: 'text/plain',
      });
    }
    await createUser(
      store.db,
      { name: ANALYST.name, role: 'analyst', password: ANALYST.password },
      'fixture',
    );
  } finally {
    await store.close();
  }
}
