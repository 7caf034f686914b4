import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { REPO_ROOT } from '../../test/support/cli.js';
import { scratchDir, scratchStore, testDeps } from '../../test/support/fixtures.js';
import type { ReportInput } from '../domain/report.js';
import { ACLED_COLUMNS } from '../ingest/importers/acled.js';
import { UCDP_ATTRIBUTION } from '../ingest/importers/types.js';
import type { Store } from '../store/database.js';
import { type ExportFormat, exportIncidents } from './export.js';
import { UCDP_COLUMNS } from './export-datasets.js';
import { applyIncidentFilter, type IncidentFilter } from './filters.js';
import { importFile } from './import.js';
import { ingestReport } from './ingest.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'ucdp-ged-syria-sample.csv');
type Row = Record<string, string>;

const ogrinfoMissing =
  spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).status === 0
    ? null
    : 'ogrinfo (GDAL, Debian package gdal-bin) is not installed';

async function exportTo(store: Store, format: ExportFormat, filter: IncidentFilter, path: string) {
  const out = createWriteStream(path);
  for await (const chunk of exportIncidents(store.db, format, filter)) out.write(chunk);
  out.end();
  await finished(out);
}

/** ogrinfo's summary of a file: feature count and field names. */
function ogr(path: string, extra: string[] = []): { count: number; fields: string[]; text: string } {
  const r = spawnSync('ogrinfo', ['-ro', '-al', '-so', ...extra, path], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const count = Number(/Feature Count: (\d+)/.exec(r.stdout)?.[1]);
  const fields = [...r.stdout.matchAll(/^(\w+): (?:String|Integer|Integer64|Real|Date)/gm)].map(
    (m) => m[1] as string,
  );
  return { count, fields, text: r.stdout };
}

async function seeded(t: Parameters<typeof scratchStore>[0]) {
  const store = await scratchStore(t);
  const dir = scratchDir(t);
  await importFile(store, { format: 'ucdp', path: FIXTURE, actor: 'test' });
  const airwars = join(dir, 'airwars.csv');
  writeFileSync(
    airwars,
    'code,date,location,latitude,longitude,country,belligerent,civilian_deaths,grading,sources\n' +
      'CS1,2017-03-16,Al Jinah,36.1,36.8,SY,us-led-coalition,38–49,fair,https://example.org/a\n' +
      'CS2,2017-03-20,Tabqa,35.8,38.5,SY,us-led-coalition,7,weak,SOHR\n',
  );
  const s = await importFile(store, { format: 'airwars', path: airwars, actor: 'test' });
  assert.equal(s.created, 2);
  return { store, dir };
}

const rows = (): Row[] => parse(readFileSync(FIXTURE), { columns: true, bom: true }) as Row[];
const in2017 = (r: Row) => (r.date_end ?? '') >= '2017-01-01' && (r.date_start ?? '') <= '2017-12-31';

test('GeoJSON and the UCDP/ACLED CSVs read back with GDAL: counts, fields, filters, attribution', async (t) => {
  if (ogrinfoMissing) return t.skip(ogrinfoMissing);
  const { store, dir } = await seeded(t);
  const filter: IncidentFilter = { grading: 'all', from: '2017-01-01', to: '2017-12-31' };
  const expected = rows().filter(in2017).length + 2;

  const geojson = join(dir, 'x.geojson');
  await exportTo(store, 'geojson', filter, geojson);
  const g = ogr(geojson);
  assert.equal(g.count, expected);
  for (const f of ['code', 'grading', 'attribution', 'belligerents']) assert.ok(g.fields.includes(f), f);
  const doc = JSON.parse(readFileSync(geojson, 'utf8')) as { attribution?: string; features: unknown[] };
  assert.ok(doc.attribution?.includes(UCDP_ATTRIBUTION), 'the collection credits UCDP');

  const ucdp = join(dir, 'x-ucdp.csv');
  await exportTo(store, 'ucdp', filter, ucdp);
  const xy = ['-oo', 'X_POSSIBLE_NAMES=longitude', '-oo', 'Y_POSSIBLE_NAMES=latitude'];
  const u = ogr(ucdp, xy);
  assert.equal(u.count, expected);
  assert.deepEqual(u.fields, [...UCDP_COLUMNS, 'attribution']);
  assert.match(u.text, /Geometry: Point/);

  const acled = join(dir, 'x-acled.csv');
  await exportTo(store, 'acled', { grading: ['fair', 'weak'] }, acled);
  const a = ogr(acled, xy);
  assert.equal(a.count, 2, 'only the graded Airwars-style rows match');
  assert.deepEqual(a.fields, [...ACLED_COLUMNS, 'attribution']);
});

test('a UCDP export of UCDP rows gives back UCDP’s own columns, and re-imports unchanged', async (t) => {
  const { store, dir } = await seeded(t);
  const out = join(dir, 'back.csv');
  await exportTo(store, 'ucdp', { grading: 'all', text: 'UCDP-' }, out);
  const original = new Map(rows().map((r) => [r.id, r]));
  const exported = parse(readFileSync(out), { columns: true }) as Row[];
  assert.equal(exported.length, original.size);
  for (const e of exported) {
    const o = original.get(e.id ?? '') as Row;
    assert.ok(o, e.id);
    for (const c of [
      'side_a',
      'side_b',
      'low',
      'best',
      'high',
      'deaths_civilians',
      'date_prec',
      'where_prec',
      'adm_1',
    ])
      assert.equal(e[c], o[c], `${e.id} ${c}`);
    assert.equal(e.source_article, o.source_article, `${e.id} source_article`);
    assert.equal(e.attribution, UCDP_ATTRIBUTION);
  }
  const again = await importFile(store, { format: 'ucdp', path: out, actor: 'test' });
  assert.equal(again.failed, 0);
  assert.equal(again.unchanged, original.size);
});

test('imported rows are filed under the GeoNames code of their division: filters take them, exports name it', async (t) => {
  const { store, dir } = await seeded(t);
  const aleppo = rows().filter((r) => r.adm_1 === 'Aleppo Governorate').length;
  assert.ok(aleppo > 0);
  const found = await applyIncidentFilter(store.db.selectFrom('incidents').select('code'), {
    admin1: ['SY.09'],
  }).execute();
  assert.equal(found.length, aleppo, 'every UCDP row of Aleppo Governorate, and only those');
  // An incident with a code and no dataset name of its own (here an Airwars row given one) is exported
  // under the division's GeoNames name.
  const airwars = join(dir, 'airwars-admin1.csv');
  writeFileSync(
    airwars,
    'code,date,location,country,admin1,civilian_deaths\nCS9,2017-03-16,Atareb,SY,Aleppo province,3\n',
  );
  await importFile(store, { format: 'airwars', path: airwars, actor: 'test' });
  const out = join(dir, 'acled.csv');
  await exportTo(store, 'acled', { grading: 'all', text: 'CS9' }, out);
  const [row] = parse(readFileSync(out), { columns: true }) as Row[];
  assert.equal(row?.admin1, 'Aleppo');
});

test('an extracted incident cites the reports behind its claims in the UCDP and ACLED CSVs, sensitive sources left out', async (t) => {
  const store = await scratchStore(t);
  const deps = testDeps(store);
  const report = (text: string, name: string): ReportInput => ({
    bytes: Buffer.from(text),
    origin: 'test',
    externalId: null,
    url: null,
    title: `${name} on the strike`,
    published: '2017-03-21',
    language: 'en',
    source: { name, kind: 'news' },
    text,
    mediaType: 'text/plain',
  });
  await ingestReport(deps, report('CLAIM 2017-03-20 35.95 39.01 33 us-led-coalition', 'Levant Wire'));
  await ingestReport(deps, report('CLAIM 2017-03-20 35.95 39.01 40 us-led-coalition', 'Raqqa Network'));
  await ingestReport(deps, report('CLAIM 2017-03-20 35.95 39.01 35 us-led-coalition', 'Resident A'));
  // An analyst protects this one's identity.
  await store.db.updateTable('sources').set({ sensitive: 1 }).where('name', '=', 'Resident A').execute();
  const incidents = await store.db.selectFrom('incidents').select('id').execute();
  assert.equal(incidents.length, 1, 'the three reports tell of one incident');
  const dir = scratchDir(t);
  const read = async (format: ExportFormat): Promise<Row> => {
    const path = join(dir, `${format}.csv`);
    await exportTo(store, format, { grading: 'all' }, path);
    const [row] = parse(readFileSync(path), { columns: true, bom: true }) as Row[];
    assert.ok(row);
    return row;
  };
  const ucdp = await read('ucdp');
  assert.equal(ucdp.number_of_sources, '2');
  assert.deepEqual(ucdp.source_office?.split(';').sort(), ['Levant Wire', 'Raqqa Network']);
  assert.match(ucdp.source_headline ?? '', /Levant Wire on the strike/);
  const acled = await read('acled');
  assert.deepEqual(acled.source?.split('; ').sort(), ['Levant Wire', 'Raqqa Network']);
  for (const row of [ucdp, acled]) assert.doesNotMatch(JSON.stringify(row), /Resident A/);
});

test("UCDP rows exported as ACLED carry an event type from UCDP's type of violence, and read back as ACLED", async (t) => {
  const store = await scratchStore(t);
  await importFile(store, { format: 'ucdp', path: FIXTURE, actor: 'test' });
  const path = join(scratchDir(t), 'acled.csv');
  await exportTo(store, 'acled', { grading: 'all' }, path);
  const exported = parse(readFileSync(path), { columns: true, bom: true }) as Row[];
  const violence = new Map(rows().map((r) => [r.id, r.type_of_violence]));
  assert.equal(exported.length, violence.size);
  for (const r of exported) {
    const type = violence.get(r.event_id_cnty?.replace(/^UCDP-/, '') ?? '');
    assert.ok(type, `${r.event_id_cnty} is a row of the file`);
    assert.equal(r.sub_event_type, type === '3' ? 'Attack' : 'Armed clash', r.event_id_cnty);
  }
  const back = await scratchStore(t);
  const s = await importFile(back, { format: 'acled', path, actor: 'test' });
  assert.deepEqual(s.errors, []);
  assert.equal(s.created, exported.length);
});
