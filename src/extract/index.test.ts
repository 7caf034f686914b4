import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeGeoparser } from './fake-geoparser.js';
import { extractClaims } from './index.js';

const geoparser = fakeGeoparser({
  Kafrnabl: { lat: 35.61, lon: 36.56, country: 'SY' },
  Hamoriyeh: { lat: 33.52, lon: 36.39, country: 'SY' },
  Hama: { lat: 35.13, lon: 36.75, country: 'SY' },
  Fallujah: { lat: 33.35, lon: 43.78, country: 'IQ' },
  Syria: { lat: 35, lon: 38, country: 'SY', precision: 'country' },
  Beirut: { lat: 33.89, lon: 35.5, country: 'LB' },
});
const ctx = { geoparser };

test('one English report of one strike gives one claim with its facts and evidence', () => {
  const text =
    'BEIRUT — Russian warplanes bombed a crowded market in the town of Kafrnabl on Tuesday, killing at least 17 civilians, including four children, and wounding dozens, activists said on Wednesday.';
  const claims = extractClaims({ text, published: '2016-05-04', language: 'en' }, ctx);
  assert.equal(claims.length, 1);
  const c = claims[0];
  assert.ok(c);
  assert.equal(c.place?.name, 'Kafrnabl');
  assert.deepEqual(c.date, { from: '2016-05-03', to: '2016-05-03', precision: 'day' });
  assert.deepEqual(c.belligerents, ['russia']);
  assert.equal(c.event, 'air_drone_strike');
  assert.deepEqual(c.civiliansKilled, { min: 17, max: null });
  assert.deepEqual(c.children, { min: 4, max: 4 });
  assert.equal(c.killed, null);
  assert.equal(c.hedged, false);
  for (const field of ['date', 'place', 'belligerents', 'event', 'civiliansKilled', 'injured'] as const) {
    const ev = c.evidence.find((e) => e.field === field);
    assert.ok(ev, `evidence for ${field}`);
    assert.ok(ev.span.end > ev.span.start);
  }
  const placeEv = c.evidence.find((e) => e.field === 'place');
  assert.equal(placeEv && text.slice(placeEv.span.start, placeEv.span.end), 'Kafrnabl');
});

test('two incidents in one report give two claims; aggregates and threats give none', () => {
  const text = [
    'Government helicopters dropped barrel bombs on Hamoriyeh last Sunday, killing 9 people.',
    'Separately, a car bomb exploded in Fallujah on Monday, leaving 4 people dead and 11 wounded.',
    'Over the past four years, air strikes have killed 3,100 civilians in Syria.',
    'The army threatened to attack Hama next week.',
  ].join('\n\n');
  const claims = extractClaims({ text, published: '2016-05-04', language: 'en' }, ctx);
  assert.equal(claims.length, 2);
  const [a, b] = claims;
  assert.equal(a?.place?.name, 'Hamoriyeh');
  assert.equal(a?.date?.from, '2016-05-01');
  assert.deepEqual(a?.killed, { min: 9, max: 9 });
  assert.equal(b?.place?.name, 'Fallujah');
  assert.equal(b?.event, 'remote_explosive');
  assert.deepEqual(b?.killed, { min: 4, max: 4 });
  assert.deepEqual(b?.injured, { min: 11, max: 11 });
});

test('never throws, whatever the input', () => {
  const bad = [
    { text: '', published: null, language: null },
    { text: '\u0000\uffff\ud800', published: 'not a date', language: 'xx' },
    // biome-ignore lint/suspicious/noExplicitAny: deliberately malformed input
    { text: 42 as any, published: null, language: null },
  ];
  for (const input of bad) assert.doesNotThrow(() => extractClaims(input, ctx));
  const boom = (): never => {
    throw new Error('boom');
  };
  const throwing = { parse: boom, resolve: boom };
  assert.deepEqual(
    extractClaims(
      { text: 'Air strikes hit Hama on Monday.', published: '2016-05-04', language: 'en' },
      { geoparser: throwing },
    ),
    [],
  );
});

test('a bomb that "targeted" a place is one event, and the group that claimed it is the attacker', () => {
  const geo = fakeGeoparser({ الفلوجة: { lat: 33.35, lon: 43.78, country: 'IQ' } });
  const text =
    'بغداد - قالت مصادر أمنية، اليوم الثلاثاء، إن التفجير الانتحاري الذي استهدف سوقا في الفلوجة يوم السبت الماضي أسفر عن مقتل 14 شخصا. وكان تنظيم داعش قد تبنى الهجوم في بيان.';
  const claims = extractClaims({ text, published: '2017-05-09', language: 'ar' }, { geoparser: geo });
  assert.equal(claims.length, 1);
  assert.deepEqual(claims[0]?.belligerents, ['isis']);
  assert.equal(claims[0]?.date?.from, '2017-05-06');
  assert.deepEqual(claims[0]?.killed, { min: 14, max: 14 });
});

test('an attack whose only toll is of fighters is not coded; the same attack on civilians is', () => {
  const soldiers =
    'A suicide car bomb killed three soldiers at a checkpoint in Fallujah on Tuesday, officers said.';
  assert.deepEqual(extractClaims({ text: soldiers, published: '2017-06-01', language: 'en' }, ctx), []);
  const civilians = soldiers.replace('soldiers', 'civilians');
  assert.equal(extractClaims({ text: civilians, published: '2017-06-01', language: 'en' }, ctx).length, 1);
});

test('"the same aircraft hit" a second target is a second strike, with its own toll', () => {
  const text =
    'Coalition warplanes struck a market in Kafrnabl on Monday, killing 12 civilians.\n\n' +
    'The same aircraft hit a water station two streets away, wounding at least 15 people.';
  const claims = extractClaims({ text, published: '2017-08-16', language: 'en' }, ctx);
  assert.equal(claims.length, 2);
  assert.deepEqual(claims[0]?.civiliansKilled, { min: 12, max: 12 });
  assert.equal(claims[0]?.injured, null);
  assert.deepEqual(claims[1]?.injured, { min: 15, max: null });
});
