/** The web app's pure modules: URL state, point sets (date filter, timeline buckets, totals), evidence highlighting. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLAIM_STATUSES } from '../../src/domain/codes.js';
import { bucketize, selectByDate, toPointSet, totalsByGrade } from '../../web/src/data/points.js';
import { ar } from '../../web/src/i18n/ar.js';
import { en } from '../../web/src/i18n/en.js';
import { makeI18n } from '../../web/src/i18n/messages.js';
import { formatDateSpan } from '../../web/src/incidents/format.js';
import { excerptBounds, segments } from '../../web/src/incidents/highlight.js';
import { apiQuery, parseState, serializeState } from '../../web/src/state/query.js';
import { ROOT } from './harness.js';

test('view state survives a round trip through the query string and drops junk', () => {
  const s = parseState(
    '?from=2017-03-01&to=2017-02-31&country=sy,IQ&grading=fair,confirmed&q=Raqqa&lang=ar&map=6/35.5/38.2&x=1',
  );
  assert.equal(s.filters.from, '2017-03-01');
  // 31 February is not a day; it is dropped rather than passed to the API.
  assert.equal(s.filters.to, null);
  assert.deepEqual(s.filters.country, ['IQ', 'SY']);
  assert.equal(s.lang, 'ar');
  assert.deepEqual(s.map, { zoom: 6, lat: 35.5, lon: 38.2 });
  assert.deepEqual(parseState(serializeState(s)), s);
  assert.equal(serializeState(parseState('')), '');
});

test('the API query leaves out the dates for the timeline data and says grading=all by default', () => {
  const s = parseState('?from=2017-03-01&country=SY&q=x');
  assert.equal(apiQuery(s.filters).toString(), 'from=2017-03-01&country=SY&grading=all&q=x');
  assert.equal(apiQuery(s.filters, { withDates: false }).toString(), 'country=SY&grading=all&q=x');
});

const points = toPointSet({
  code: ['A', 'B', 'C', 'D'],
  lon: [38, 38.1, null, 37],
  lat: [35, 35.1, null, 36],
  from: ['2017-03-01', '2017-03-20', '2017-04-02', null],
  to: ['2017-03-01', '2017-03-25', '2017-04-02', null],
  civMin: [10, 5, 40, 1],
  civMax: [12, 5, null, 1],
  grading: ['fair', 'confirmed', 'weak', null],
});

test('date selection uses the overlap rule and skips undated incidents', () => {
  assert.deepEqual([...selectByDate(points, '2017-03-22', '2017-03-31')], [1]);
  assert.deepEqual([...selectByDate(points, null, null)], [0, 1, 2, 3]);
});

test('timeline buckets sum minimums and maximums; an open maximum opens the bucket', () => {
  const months = bucketize(points, 'month');
  assert.deepEqual(
    months.map((b) => [b.start, b.incidents, b.civilians.min, b.civilians.max]),
    [
      ['2017-03-01', 2, 15, 17],
      ['2017-04-01', 1, 40, null],
    ],
  );
  const weeks = bucketize(points, 'week');
  // 2017-03-01 was a Wednesday: its week starts on Monday 27 February.
  assert.equal(weeks[0]?.start, '2017-02-27');
  assert.equal(
    weeks.reduce((n, b) => n + b.incidents, 0),
    3,
  );
});

test('totals are kept per grading', () => {
  const t = totalsByGrade(points, selectByDate(points, null, null));
  assert.deepEqual(t.fair, { incidents: 1, civilians: { min: 10, max: 12 } });
  assert.deepEqual(t.weak.civilians, { min: 40, max: null });
  assert.equal(t.ungraded.incidents, 1);
});

test('evidence spans split the text, overlapping spans carry both fields', () => {
  const text = 'at least 12 civilians died in Idlib';
  const parts = segments(text, [
    { start: 0, end: 21, field: 'civiliansKilled' },
    { start: 9, end: 11, field: 'killed' },
    { start: 30, end: 35, field: 'place' },
  ]);
  assert.equal(parts.map((p) => p.text).join(''), text);
  assert.deepEqual(parts.find((p) => p.text === '12')?.fields, ['civiliansKilled', 'killed']);
  assert.deepEqual(parts.find((p) => p.text === 'Idlib')?.fields, ['place']);
  assert.deepEqual(excerptBounds('one\ntwo three\nfour', [{ start: 4, end: 7, field: 'x' }]), {
    start: 4,
    end: 13,
  });
});

test('every audit action the services record about incidents and claims has a label in both languages', () => {
  const dir = join(ROOT, 'src', 'services');
  const actions = new Set<string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/'((?:incident|claim)\.[a-z_]+)'/g)) actions.add(m[1] as string);
    // Claim decisions name their action after the status: `claim.${status}`, `incident.claim_${status}`.
    if (/`claim\.\$\{status\}`/.test(src))
      for (const s of CLAIM_STATUSES.filter((x) => x !== 'candidate'))
        actions.add(`claim.${s}`).add(`incident.claim_${s}`);
  }
  assert.ok(actions.has('incident.published') && actions.has('claim.accepted'), [...actions].join(' '));
  const missing = [...actions].filter((a) => !(`audit.${a}` in en) || !(`audit.${a}` in ar));
  assert.deepEqual(missing, []);
});

test('Arabic figures and dates: Arabic words and month names, Latin digits', () => {
  const i18n = makeI18n('ar');
  assert.equal(i18n.num(12345), '12,345');
  assert.match(i18n.date('2017-03-05'), /^5 مارس 2017$/);
  assert.match(i18n.month('2017-03-01'), /^مارس 2017$/);
  assert.match(i18n.dateTime('2017-03-05T14:07:00Z'), /14:07/);
  assert.equal(i18n.code('audit', 'incident.published'), 'نُشرت');
  assert.equal(makeI18n('en').fixed(35.5, 3), '35.500');
});

test("counts take the plural form of the reader's language: one incident, two in Arabic's dual", () => {
  const english = makeI18n('en');
  assert.equal(english.t('totals.incidents', { count: 1 }), '1 incident');
  assert.equal(english.t('totals.incidents', { count: 0 }), '0 incidents');
  assert.equal(english.t('totals.incidents', { count: 12345 }), '12,345 incidents');
  assert.equal(english.t('map.unlocated', { count: 1 }), '1 incident without a location is not on the map');
  const arabic = makeI18n('ar');
  assert.equal(arabic.t('totals.incidents', { count: 1 }), 'حادثة واحدة');
  assert.equal(arabic.t('totals.incidents', { count: 2 }), 'حادثتان');
  assert.equal(arabic.t('totals.incidents', { count: 3 }), '3 حوادث');
  assert.equal(arabic.t('totals.incidents', { count: 11 }), '11 حادثة');
  // Latin digits, as every other figure (ar-u-nu-latn).
  assert.equal(arabic.t('totals.incidents', { count: 12345 }), `${arabic.num(12345)} حادثة`);
  // Every message's placeholders are filled: none is left as "{count}".
  for (const i18n of [english, arabic])
    for (const key of Object.keys(en) as (keyof typeof en)[])
      assert.doesNotMatch(i18n.t(key, { count: 2, credits: 'x', name: 'x' }), /\{count/, key);
});

test('an incident date spanning days shows both ends, from the API or the review queue', () => {
  const en = makeI18n('en');
  assert.equal(formatDateSpan(en, { from: '2016-01-01', to: '2016-12-31' }), '1 Jan 2016 – 31 Dec 2016');
  assert.equal(formatDateSpan(en, '2017-08-08..2017-08-15'), '8 Aug 2017 – 15 Aug 2017');
  assert.equal(formatDateSpan(en, { from: '2017-03-05', to: '2017-03-05' }), '5 Mar 2017');
  assert.equal(formatDateSpan(en, '2017-03-05'), '5 Mar 2017');
  assert.equal(formatDateSpan(en, null), '–');
  assert.match(formatDateSpan(makeI18n('ar'), '2017-08-08..2017-08-15'), /^8 أغسطس 2017 – 15 أغسطس 2017$/);
});
