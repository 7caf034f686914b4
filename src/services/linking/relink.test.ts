import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SHARED_DIR } from '../../../test/support/cli.js';
import { scratchStore, testDeps } from '../../../test/support/fixtures.js';
import { incidentsOf, runGoldLinking } from '../../../test/support/gold-linking.js';
import { shuffled } from '../../../test/support/random.js';
import type { ReportInput } from '../../domain/report.js';
import { readCorpus } from '../../eval/read-corpus.js';
import { ingestReport } from '../ingest.js';

function report(text: string, published = '2017-03-22', source = 'Wire'): ReportInput {
  return {
    bytes: Buffer.from(text),
    origin: 'test',
    externalId: text.split(' ')[0] ?? null,
    url: null,
    title: null,
    published,
    language: 'en',
    source: { name: source, kind: 'news' },
    text,
    mediaType: 'text/plain',
  };
}

const TRICKY = [
  // One report naming two events; later reports each name one of them again, on neighbouring days.
  report(
    'A1 two events: CLAIM 2017-03-20 35.83 38.75 33 us-led-coalition CLAIM 2017-03-22 35.84 38.55 12 us-led-coalition',
  ),
  report('B1 school: CLAIM 2017-03-21 35.83 38.75 40'),
  report('C1 market: CLAIM 2017-03-22 35.85 38.56 15 united-states'),
  report('D1 school again: CLAIM 2017-03-20 35.84 38.76 50 us-led-coalition', '2017-09-24'),
  // Jableh and Tartus the same day, 52 km apart, named together twice.
  report('E1 pair: CLAIM 2016-05-23 35.36 35.93 100 isis CLAIM 2016-05-23 34.89 35.89 48 isis', '2016-05-23'),
  report('F1 pair: CLAIM 2016-05-23 34.89 35.89 45 isis CLAIM 2016-05-23 35.36 35.93 120 isis', '2016-05-23'),
  // A chain: each a day from the next, so only neighbours can be one event.
  report('G1 chain: CLAIM 2018-01-01 36.2 37.1 3', '2018-01-02'),
  report('H1 chain: CLAIM 2018-01-02 36.2 37.1 4', '2018-01-03'),
  report('I1 chain: CLAIM 2018-01-03 36.2 37.1 5', '2018-01-04'),
  report('J1 chain: CLAIM 2018-01-04 36.2 37.1 6', '2018-01-05'),
  // Competing attribution: at most a suggestion.
  report('K1 blame: CLAIM 2018-02-10 33.5 36.3 9 russia', '2018-02-10'),
  report('L1 blame: CLAIM 2018-02-10 33.5 36.3 11 us-led-coalition', '2018-02-11'),
];

test('ingesting the same reports in any order gives the same incidents and ranges', async (t) => {
  let expected: string[] | null = null;
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const store = await scratchStore(t);
    const deps = testDeps(store);
    for (const r of seed === 1 ? TRICKY : shuffled(TRICKY, seed)) await ingestReport(deps, r);
    const got = await incidentsOf(store);
    if (expected === null) {
      expected = got;
      // The two multi-event reports' events stay apart, and the blame pair is not merged.
      assert.ok(got.includes('A1#0 B1#0 D1#0 => 33..50'), got.join('\n'));
      assert.ok(got.includes('A1#1 C1#0 => 12..15'), got.join('\n'));
      assert.ok(got.includes('E1#0 F1#1 => 100..120'), got.join('\n'));
      assert.ok(got.some((g) => g.startsWith('K1#0 =>')));
      // Average linkage keeps a day-by-day chain from collapsing into one incident.
      assert.ok(got.includes('G1#0 H1#0 => 3..4') && got.includes('I1#0 J1#0 => 5..6'), got.join('\n'));
    } else assert.deepEqual(got, expected, `order of seed ${seed}`);
  }
});

const DEV = join(SHARED_DIR, 'eval', 'dev.jsonl');

test('the dev corpus (gold claims) links to the same incidents in shuffled orders', {
  skip: existsSync(DEV) ? false : `no ${DEV}: shared eval data not present`,
}, async (t) => {
  const corpus = await readCorpus(DEV);
  const runs = [];
  for (const seed of [0, 11, 29]) {
    const store = await scratchStore(t);
    runs.push(
      await runGoldLinking(store, seed === 0 ? corpus.reports : shuffled(corpus.reports, seed), corpus),
    );
  }
  const [first, ...rest] = runs;
  assert.ok(first);
  assert.ok(first.result.bcubed.f1 >= 0.9, `B3 F1 ${first.result.bcubed.f1}`);
  for (const r of rest) {
    assert.deepEqual(r.partition, first.partition);
    assert.deepEqual(r.ranges, first.ranges);
  }
});

test('a syndicated copy joins the incident but its claim is not counted twice', async (t) => {
  const wire =
    'Coalition aircraft struck the school in the town on Monday night, killing 33 civilians who had fled ' +
    'fighting elsewhere, the monitor said, adding that rescue workers were still searching the rubble. ' +
    'CLAIM 2017-03-20 35.83 38.75 33';
  const copy = `BEIRUT (AFP) - ${wire}`;
  for (const order of [
    [report(wire, '2017-03-21'), report(copy, '2017-03-22', 'Other Paper')],
    [report(copy, '2017-03-22', 'Other Paper'), report(wire, '2017-03-21')],
  ]) {
    const store = await scratchStore(t);
    const deps = testDeps(store);
    for (const r of order) await ingestReport(deps, r);
    const reports = await store.db
      .selectFrom('reports')
      .select(['id', 'duplicate_of', 'published'])
      .execute();
    const original = reports.find((r) => r.published === '2017-03-21');
    const later = reports.find((r) => r.published === '2017-03-22');
    assert.equal(original?.duplicate_of, null);
    assert.equal(
      later?.duplicate_of,
      original?.id,
      'the later report is marked as the copy, whatever arrived first',
    );
    const incidents = await store.db
      .selectFrom('incidents')
      .selectAll()
      .where('deleted_at', 'is', null)
      .execute();
    assert.equal(incidents.length, 1);
  }
});

test('a copy with its own figure is not a copy, and an open-ended figure opens the range', async (t) => {
  const store = await scratchStore(t);
  const deps = testDeps(store);
  const text =
    'Strike on the market. Rescue workers searched the rubble through the night, the monitor said.';
  await ingestReport(deps, report(`${text} CLAIM 2017-03-20 35.83 38.75 33`));
  await ingestReport(deps, report(`${text} CLAIM 2017-03-20 35.83 38.75 47`));
  const inc = await store.db.selectFrom('incidents').selectAll().where('deleted_at', 'is', null).execute();
  assert.equal(inc.length, 1);
  assert.deepEqual([inc[0]?.civ_min, inc[0]?.civ_max], [33, 47]);
  const marked = await store.db
    .selectFrom('reports')
    .select('duplicate_of')
    .where('duplicate_of', 'is not', null)
    .execute();
  assert.equal(marked.length, 0);
});

test('a plausible but competing attribution is stored as an open suggestion with its score', async (t) => {
  const store = await scratchStore(t);
  const deps = testDeps(store);
  await ingestReport(deps, report('CLAIM 2018-02-10 33.5 36.3 9 russia'));
  await ingestReport(deps, report('CLAIM 2018-02-10 33.5 36.3 11 us-led-coalition'));
  const incidents = await store.db
    .selectFrom('incidents')
    .select('id')
    .where('deleted_at', 'is', null)
    .execute();
  assert.equal(incidents.length, 2);
  const suggestions = await store.db.selectFrom('link_suggestions').selectAll().execute();
  assert.equal(suggestions.length, 2, 'each claim is suggested for the other incident');
  for (const s of suggestions) {
    assert.equal(s.status, 'open');
    assert.ok(Number(s.score) > 0.3 && Number(s.score) < 0.55);
  }
});
