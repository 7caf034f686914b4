import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../errors.js';
import { ACLED_COLUMNS, mapAcledRow } from './acled.js';
import { mapActors } from './actors.js';
import { mapAirwarsRow, parseRangeCell } from './airwars.js';
import { overlong } from './lengths.js';
import type { CsvRecord, RowContext } from './types.js';
import { mapUcdpRow, ucdpSources } from './ucdp.js';

function ctx(header: readonly string[], line = 2): RowContext {
  return { origin: 'f.csv', line, column: (n) => (header.includes(n) ? header.indexOf(n) + 1 : null) };
}

const UCDP_ROW: CsvRecord = {
  id: '244657',
  side_a: 'Government of Syria',
  side_b: 'Ahrar al-Sham, HTS, Liwa al-Aqsa',
  source_article:
    '"SOHR,2017-03-20,Raids on Idlib, 12 killed";"Reuters, Beirut,2017-03-21,Strikes hit market"',
  where_prec: '3',
  where_coordinates: 'Ariha district',
  adm_1: 'Idlib Governorate',
  latitude: '35.8',
  longitude: '36.6',
  country: 'Syria',
  date_prec: '2',
  date_start: '2017-03-18',
  date_end: '2017-03-20',
  deaths_civilians: '9',
  low: '10',
  best: '12',
  high: '15',
};

test('UCDP: low..high is the killed range, deaths_civilians the civilian figure, best kept apart', () => {
  const { incident: i, unmappedActors, warnings } = mapUcdpRow(UCDP_ROW, ctx(Object.keys(UCDP_ROW)));
  assert.deepEqual(i.killed, { min: 10, max: 15 });
  assert.deepEqual(i.civiliansKilled, { min: 9, max: 9 });
  assert.equal(i.killedBest, 12);
  assert.equal(i.injured, null);
  assert.equal(i.grading, null);
  assert.equal(i.externalId, 'ucdp:244657');
  assert.deepEqual(i.date, { from: '2017-03-18', to: '2017-03-20', precision: 'week' });
  assert.equal(i.geoPrecision, 'district');
  assert.equal(i.country, 'SY');
  assert.deepEqual(i.belligerents, ['hts', 'syrian-government', 'syrian-opposition']);
  assert.deepEqual(unmappedActors, ['Liwa al-Aqsa']);
  assert.deepEqual(warnings, []);
  assert.match(i.attribution ?? '', /Uppsala Conflict Data Program.*CC BY 4\.0/);
});

test('UCDP sources: one per quoted entry; a comma in the office or headline is kept', () => {
  assert.deepEqual(ucdpSources(UCDP_ROW), [
    { name: 'SOHR', published: '2017-03-20', title: 'Raids on Idlib, 12 killed', url: null },
    { name: 'Reuters, Beirut', published: '2017-03-21', title: 'Strikes hit market', url: null },
  ]);
});

test('UCDP: an inverted low/high is imported as coded with a warning; a bad cell is an error naming its column', () => {
  const header = Object.keys(UCDP_ROW);
  const inverted = mapUcdpRow({ ...UCDP_ROW, low: '20' }, ctx(header, 7));
  assert.deepEqual(inverted.incident.killed, { min: 20, max: 15 });
  assert.deepEqual(
    inverted.warnings.map((w) => [w.line, w.field]),
    [
      [7, 'low'],
      [7, 'best'],
    ],
  );
  assert.throws(
    () => mapUcdpRow({ ...UCDP_ROW, where_prec: '9' }, ctx(header, 5)),
    (e: unknown) =>
      e instanceof InputError &&
      e.where === `f.csv:5 (where_prec, column ${header.indexOf('where_prec') + 1})`,
  );
  assert.throws(() => mapUcdpRow({ ...UCDP_ROW, high: '1.5' }, ctx(header)), /whole number/);
  // One past what PostgreSQL's integer holds: refused with its place, on either database.
  assert.throws(
    () => mapUcdpRow({ ...UCDP_ROW, high: '2147483648' }, ctx(header, 9)),
    (e: unknown) =>
      e instanceof InputError &&
      /too large: 2147483648 \(at most 2,147,483,647\)/.test(e.message) &&
      e.where === `f.csv:9 (high, column ${header.indexOf('high') + 1})`,
  );
  assert.equal(mapUcdpRow({ ...UCDP_ROW, high: '2147483647' }, ctx(header)).incident.killed?.max, 2147483647);
});

test('actor names map to codes whatever the dataset’s wording; victims are not belligerents', () => {
  assert.deepEqual(
    mapActors([
      'Military Forces of Syria (2000-)',
      'Military Forces of Russia (2000-) Air Force',
      'Islamic State (Syria)',
      'QSD: Syrian Democratic Forces',
      'Civilians (Syria)',
      'Government of Russia (Soviet Union)',
      'Some Brigade',
    ]),
    { codes: ['isis', 'russia', 'sdf', 'syrian-government'], unmapped: ['Some Brigade'] },
  );
  // The parties of the other wars monitors cover, as UCDP and ACLED write them.
  assert.deepEqual(
    mapActors([
      'Government of Ukraine',
      'Military Forces of Ukraine (2019-)',
      'Hamas',
      'Ansarallah',
      'Houthi Movement',
      'Military Forces of Sudan (2019-)',
      'RSF',
      'Rapid Support Forces',
    ]),
    {
      codes: ['hamas', 'houthis', 'rapid-support-forces', 'sudanese-armed-forces', 'ukraine'],
      unmapped: [],
    },
  );
});

const ACLED_ROW: CsvRecord = Object.fromEntries(ACLED_COLUMNS.map((c) => [c, '']));
Object.assign(ACLED_ROW, {
  event_id_cnty: 'SYR12345',
  event_date: '15 March 2017',
  year: '2017',
  time_precision: '2',
  disorder_type: 'Political violence',
  event_type: 'Explosions/Remote violence',
  sub_event_type: 'Air/drone strike',
  actor1: 'Military Forces of Russia (2000-)',
  actor2: 'Civilians (Syria)',
  civilian_targeting: 'Civilian targeting',
  iso: '760',
  country: 'Syria',
  admin1: 'Idlib',
  location: 'Maarrat an Nu’man',
  latitude: '35.6476',
  longitude: '36.6741',
  geo_precision: '1',
  source: 'SOHR; Syria Direct',
  fatalities: '11',
});

test('ACLED: sub-event type, time and geo precision, fatalities and civilian targeting', () => {
  const { incident: i } = mapAcledRow(ACLED_ROW, ctx(ACLED_COLUMNS));
  assert.equal(i.event, 'air_drone_strike');
  assert.deepEqual(i.date, { from: '2017-03-12', to: '2017-03-18', precision: 'week' });
  assert.equal(i.geoPrecision, 'town');
  assert.equal(i.country, 'SY');
  assert.deepEqual(i.killed, { min: 11, max: 11 });
  assert.deepEqual(i.civiliansKilled, { min: 0, max: 11 });
  assert.deepEqual(i.belligerents, ['russia']);
  assert.deepEqual(
    i.sources.map((s) => s.name),
    ['SOHR', 'Syria Direct'],
  );
  const vac = mapAcledRow(
    { ...ACLED_ROW, event_type: 'Violence against civilians', sub_event_type: 'Attack', time_precision: '3' },
    ctx(ACLED_COLUMNS),
  ).incident;
  assert.deepEqual(vac.civiliansKilled, { min: 11, max: 11 });
  assert.deepEqual(vac.date, { from: '2017-03-01', to: '2017-03-31', precision: 'month' });
  const battle = mapAcledRow(
    { ...ACLED_ROW, event_type: 'Battles', sub_event_type: 'Armed clash', civilian_targeting: '' },
    ctx(ACLED_COLUMNS),
  ).incident;
  assert.equal(battle.civiliansKilled, null, 'no civilian figure is invented');
});

test('Airwars-style rows: ranges, grading, belligerent names, source links', () => {
  assert.deepEqual(parseRangeCell('3–5'), { min: 3, max: 5 });
  assert.deepEqual(parseRangeCell('12+'), { min: 12, max: null });
  assert.equal(parseRangeCell('a few'), null);
  const row: CsvRecord = {
    code: 'cs1234',
    date: '2017-03-16',
    location: 'Al Jinah',
    latitude: '36.1',
    longitude: '36.8',
    country: 'Syria',
    belligerent: 'US-led Coalition; Russia',
    civilian_deaths: '38–49',
    injuries_min: '20',
    injuries_max: '',
    grading: 'Fair',
    sources: 'https://www.example.org/a; SOHR',
  };
  const { incident: i } = mapAirwarsRow(row, ctx(Object.keys(row)));
  assert.equal(i.code, 'CS1234');
  assert.equal(i.grading, 'fair');
  assert.deepEqual(i.civiliansKilled, { min: 38, max: 49 });
  assert.deepEqual(i.injured, { min: 20, max: null });
  // Vigil's own CSV export writes "–" in civilians_killed for a figure nobody reported.
  for (const none of ['–', ' - ', '—'])
    assert.equal(
      mapAirwarsRow({ ...row, civilian_deaths: none }, ctx(Object.keys(row))).incident.civiliansKilled,
      null,
      none,
    );
  assert.deepEqual(i.belligerents, ['russia', 'us-led-coalition']);
  assert.deepEqual(
    i.sources.map((s) => [s.name, s.url]),
    [
      ['example.org', 'https://www.example.org/a'],
      ['SOHR', null],
    ],
  );
  assert.throws(() => mapAirwarsRow({ ...row, grading: 'probable' }, ctx(Object.keys(row))), /grading/);
  // What the attack hit, as Vigil's CSV export writes it.
  assert.equal(mapAirwarsRow({ ...row, target: 'mosque' }, ctx(Object.keys(row))).incident.target, 'mosque');
  assert.equal(mapAirwarsRow(row, ctx(Object.keys(row))).incident.target, null);
  // A range that runs backwards is kept as the file gives it, with a warning naming its column.
  const backwards = mapAirwarsRow(
    { ...row, civilian_deaths: '', civilian_deaths_min: '9', civilian_deaths_max: '4' },
    ctx([]),
  );
  assert.deepEqual(backwards.incident.civiliansKilled, { min: 9, max: 4 });
  assert.deepEqual(
    backwards.warnings.map((w) => [w.field, w.message]),
    [['civilian_deaths_max', 'maximum 4 is below minimum 9; kept as the file gives it']],
  );
  const cell = mapAirwarsRow({ ...row, civilian_deaths: '177–142' }, ctx([]));
  assert.deepEqual(cell.incident.civiliansKilled, { min: 177, max: 142 });
  assert.match(cell.warnings[0]?.message ?? '', /range "177–142" runs backwards; kept as the file gives it/);
  // Counts beyond what the databases hold are refused in every form a count takes.
  for (const cells of [
    { civilian_deaths: '3000000000' },
    { civilian_deaths: '5–3000000000' },
    { civilian_deaths: '3000000000+' },
    { civilian_deaths: '', civilian_deaths_min: '3000000000' },
  ])
    assert.throws(
      () => mapAirwarsRow({ ...row, ...cells }, ctx(Object.keys(row))),
      /too large: .*3000000000/,
    );
});

test("codes, ids and publisher names past what storage indexes are named as the row's error", () => {
  const row: CsvRecord = { code: 'CS1', date: '2017-03-16', country: 'Syria', sources: 'SOHR' };
  const mapped = (cells: CsvRecord) => mapAirwarsRow({ ...row, ...cells }, ctx(Object.keys(row))).incident;
  assert.equal(overlong(mapped({})), null);
  assert.equal(overlong(mapped({ code: `CS${'9'.repeat(98)}` })), null, '100 characters are kept');
  assert.equal(overlong(mapped({ code: `CS${'9'.repeat(99)}` }))?.field, 'code');
  assert.equal(overlong(mapped({ sources: `SOHR; ${'x'.repeat(301)}` }))?.field, 'source');
  assert.match(
    overlong(mapped({ sources: 'y'.repeat(5000) }))?.message ?? '',
    /5000 characters.*at most 300/,
  );
});
