import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scratchStore, testDeps } from '../../test/support/fixtures.js';
import type { ReportInput } from '../domain/report.js';
import { exportIncidents } from './export.js';
import { filterFromParams } from './filters.js';
import { ingestReport } from './ingest.js';
import { statsBy } from './stats.js';

function report(text: string): ReportInput {
  return {
    bytes: Buffer.from(text),
    origin: 'test',
    externalId: null,
    url: null,
    title: null,
    published: '2017-06-01',
    language: 'en',
    source: null,
    text,
    mediaType: 'text/plain',
  };
}

async function seeded(t: Parameters<typeof scratchStore>[0]) {
  const store = await scratchStore(t);
  const deps = testDeps(store);
  // Three separate incidents: two in March (one graded fair), one in May.
  await ingestReport(deps, report('CLAIM 2017-03-20 35.95 39.01 33 us-led-coalition'));
  await ingestReport(deps, report('CLAIM 2017-03-21 35.96 39.02 40 us-led-coalition'));
  await ingestReport(deps, report('CLAIM 2017-03-05 36.20 37.15 10 russia'));
  await ingestReport(deps, report('CLAIM 2017-05-02 35.93 36.63 7 russia'));
  await store.db.updateTable('incidents').set({ grading: 'fair' }).where('civ_min', '=', 10).execute();
  // An open-ended toll on the May incident.
  await store.db.updateTable('incidents').set({ civ_max: null }).where('civ_min', '=', 7).execute();
  return store;
}

test('stats by month: sums of minimums and maximums; an open maximum makes the sum open', async (t) => {
  const store = await seeded(t);
  const rows = await statsBy(store.db, 'month', { grading: 'all' });
  assert.deepEqual(
    rows.map((r) => [r.key, r.incidents, r.civilians_killed]),
    [
      ['2017-03', 2, { min: 43, max: 50, unreported: 0 }],
      ['2017-05', 1, { min: 7, max: null, unreported: 0 }],
    ],
  );
});

test('stats say how many incidents give no figure at all, since they add nothing to either bound', async (t) => {
  const store = await seeded(t);
  await store.db
    .updateTable('incidents')
    .set({ civ_min: null, civ_max: null })
    .where('civ_min', '=', 10)
    .execute();
  const rows = await statsBy(store.db, 'month', { grading: 'all' });
  assert.deepEqual(
    rows.map((r) => [r.key, r.incidents, r.civilians_killed, r.injured.unreported]),
    [
      ['2017-03', 2, { min: 33, max: 40, unreported: 1 }, 2],
      ['2017-05', 1, { min: 7, max: null, unreported: 0 }, 1],
    ],
  );
});

test('stats default grading filter counts only graded incidents; belligerent splits', async (t) => {
  const store = await seeded(t);
  const fair = await statsBy(store.db, 'year', { grading: ['fair', 'confirmed'] });
  assert.deepEqual(
    fair.map((r) => [r.key, r.incidents, r.civilians_killed]),
    [['2017', 1, { min: 10, max: 10, unreported: 0 }]],
  );
  const byActor = await statsBy(store.db, 'belligerent', { grading: 'all' });
  assert.deepEqual(
    byActor.map((r) => [r.key, r.incidents, r.civilians_killed.min]),
    [
      ['russia', 2, 17],
      ['us-led-coalition', 1, 33],
    ],
  );
  const filtered = await statsBy(store.db, 'country', {
    grading: 'all',
    belligerent: ['russia'],
    from: '2017-04-01',
  });
  assert.deepEqual(
    filtered.map((r) => [r.key, r.incidents]),
    [['SY', 1]],
  );
});

test('exports: CSV rows, RFC 7946 GeoJSON with [lon, lat], JSONL lines', async (t) => {
  const store = await seeded(t);
  const collect = async (format: 'csv' | 'geojson' | 'jsonl') => {
    let s = '';
    for await (const chunk of exportIncidents(store.db, format, { grading: 'all' })) s += chunk;
    return s;
  };
  const csv = (await collect('csv')).trim().split('\n');
  assert.equal(csv.length, 4);
  assert.match(csv[0] ?? '', /^code,status,grading,date_from/);
  assert.match(csv[0] ?? '', /,event,target,belligerents,/);
  const geo = JSON.parse(await collect('geojson')) as {
    type: string;
    features: { geometry: { coordinates: number[] } }[];
  };
  assert.equal(geo.type, 'FeatureCollection');
  assert.equal(geo.features.length, 3);
  for (const f of geo.features)
    assert.ok((f.geometry.coordinates[0] ?? 0) > (f.geometry.coordinates[1] ?? 0));
  const lines = (await collect('jsonl')).trim().split('\n');
  assert.equal(lines.length, 3);
  assert.ok(lines.every((l) => typeof JSON.parse(l).code === 'string'));
});

test('the admin1 filter takes GeoNames codes (country.admin1) and refuses anything else', async (t) => {
  const store = await seeded(t);
  await store.db.updateTable('incidents').set({ admin1: '04' }).where('civ_min', '=', 7).execute();
  const rows = await statsBy(
    store.db,
    'country',
    filterFromParams({ admin1: 'SY.04', grading: 'all' }, 'all'),
  );
  assert.deepEqual(
    rows.map((r) => [r.key, r.incidents, r.civilians_killed.min]),
    [['SY', 1, 7]],
  );
  assert.throws(() => filterFromParams({ admin1: 'Raqqa' }, 'all'), /GeoNames code/);
});
