import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlaceMention } from '../gazetteer/types.js';
import { LEXICONS } from './lexicon/index.js';
import { choosePlaces, cuedSpans, placeName } from './places.js';
import { fold } from './text.js';

function mention(text: string, name: string, country: string, lat = 0, lon = 0): PlaceMention {
  const start = text.indexOf(name);
  return {
    start,
    end: start + name.length,
    name,
    entry: {
      id: `t:${name}:${country}`,
      name,
      lat,
      lon,
      kind: 'populated',
      featureCode: 'PPL',
      country,
      admin1: null,
      population: 0,
    },
    lat,
    lon,
    precision: 'town',
  };
}

function choice(
  text: string,
  country: string | null,
  named: string[],
  reparse: () => PlaceMention[] = () => [],
) {
  return { text, norm: fold(text).norm, lex: LEXICONS.en, country, named: new Set(named), reparse };
}

test('a town read in a far country the report never names is dropped', () => {
  const text = 'Jets hit Oldtown in Syria. Talks resumed in Farcity.';
  const kept = choosePlaces(
    [mention(text, 'Oldtown', 'SY'), mention(text, 'Farcity', 'DE')],
    choice(text, 'SY', ['SY']),
  );
  assert.deepEqual(
    kept.map((m) => m.name),
    ['Oldtown'],
  );
});

test('a town abroad stays when the report names its country or it lies next door', () => {
  const text = 'Syria and Germany: jets hit Farcity; a bomb went off in Bordertown.';
  const kept = choosePlaces(
    [mention(text, 'Farcity', 'DE'), mention(text, 'Bordertown', 'IQ')],
    choice(text, 'SY', ['SY', 'DE']),
  );
  assert.equal(kept.length, 2);
});

test('a name read abroad is read again in its own sentence and kept where that puts it home', () => {
  const text = 'Syria. The school in Twinname was hit.';
  const home = mention(text, 'Twinname', 'SY', 35.8, 38.7);
  const kept = choosePlaces(
    [mention(text, 'Twinname', 'EG', 31, 31)],
    choice(text, 'SY', ['SY'], () => {
      const w = text.indexOf('.') + 1;
      return [{ ...home, start: home.start - w, end: home.end - w }];
    }),
  );
  assert.equal(kept.length, 1);
  assert.equal(kept[0]?.entry?.country, 'SY');
  assert.equal(kept[0]?.start, text.indexOf('Twinname'));
});

test('Arabic function words the gazetteer lists as villages are not places', () => {
  const text = 'وصف الهجوم بأنه مروع في مدينة جديدة';
  const c = { ...choice(text, 'YE', ['YE']), lex: LEXICONS.ar };
  assert.deepEqual(choosePlaces([mention(text, 'بأنه', 'YE'), mention(text, 'جديدة', 'YE')], c), []);
  // With the article it is a name ("الجديدة"), not the adjective.
  const named = 'قصف حي الجديدة';
  const c2 = { ...choice(named, 'IQ', ['IQ']), lex: LEXICONS.ar };
  assert.equal(choosePlaces([mention(named, 'الجديدة', 'IQ')], c2).length, 1);
});

test('a name after a settlement noun is offered to the geoparser as a place span', () => {
  const text = "Le raid a frappé le village d'al-Kharba et la ville de Tell Abyad, selon des témoins.";
  const spans = cuedSpans(fold(text), LEXICONS.fr, []);
  assert.deepEqual(
    spans.map((s) => text.slice(s.start, s.end)),
    ['al-Kharba', 'Tell Abyad'],
  );
  const ar = 'قصف الطيران بلدة الزيارة بريف حماة';
  assert.deepEqual(
    cuedSpans(fold(ar), LEXICONS.ar, []).map((s) => ar.slice(s.start, s.end)),
    ['الزيارة'],
  );
  // Lower case after the noun is not a name; a span the geoparser has is not offered again.
  const en = 'The village was hit. Jets struck the town of Kafr Zita.';
  const start = en.indexOf('Kafr');
  assert.deepEqual(cuedSpans(fold(en), LEXICONS.en, [{ start, end: start + 9 }]), []);
});

test('a bare name read as a province is read again and kept as the city', () => {
  const text = 'Jets hit a hospital in Bigtown on Monday. Bigtown province was calm.';
  const province: PlaceMention = { ...mention(text, 'Bigtown', 'SY', 36.3, 37.5), precision: 'province' };
  const city = { ...mention('Bigtown', 'Bigtown', 'SY', 36.2, 37.16) };
  const c = choice(text, 'SY', ['SY'], () => [city]);
  const [first] = choosePlaces([province], c);
  assert.equal(first?.precision, 'town');
  assert.equal(first?.lat, 36.2);
  const second = { ...province, start: text.lastIndexOf('Bigtown'), end: text.lastIndexOf('Bigtown') + 7 };
  assert.equal(choosePlaces([second], c)[0]?.precision, 'province');
});

test('a place written in another script or in capitals takes the gazetteer name; other names stay as written', () => {
  const named = (written: string, inferred = false): string => {
    const m = mention(written, written, 'SY');
    return placeName({ ...m, entry: m.entry && { ...m.entry, name: 'Dūmā' }, inferred });
  };
  assert.equal(named('دوما'), 'Dūmā');
  assert.equal(named('DOUMA'), 'Dūmā');
  assert.equal(named('Douma'), 'Douma');
  // An inferred point is another place's: the written name is the only name of this one.
  assert.equal(named('دوما', true), 'دوما');
  const unresolved = { ...mention('Zor', 'Zor', 'SY'), entry: null };
  assert.equal(placeName(unresolved), 'Zor');
});
