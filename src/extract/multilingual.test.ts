import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Belligerent } from '../domain/codes.js';
import { fakeGeoparser } from './fake-geoparser.js';
import { extractClaims } from './index.js';

const geoparser = fakeGeoparser({
  Idlib: { lat: 35.93, lon: 36.63, country: 'SY' },
  Idleb: { lat: 35.93, lon: 36.63, country: 'SY' },
  Hasaka: { lat: 36.5, lon: 40.75, country: 'SY' },
  Gaza: { lat: 31.5, lon: 34.47, country: 'PS' },
  Ariha: { lat: 35.81, lon: 36.61, country: 'SY' },
  إدلب: { lat: 35.93, lon: 36.63, country: 'SY' },
});

// Word orders the European languages use and English does not: the day between the verb and its
// count, the attacker's adjective after an article-led noun, singular and plural verbs.
const CASES: {
  language: string;
  text: string;
  belligerents: Belligerent[];
  civiliansKilled: number | null;
  killed?: number;
}[] = [
  {
    language: 'de',
    text: 'Ein israelischer Luftangriff tötete am Freitag fünf Zivilisten in einem Haus in Gaza.',
    belligerents: ['israel'],
    civiliansKilled: 5,
  },
  {
    language: 'de',
    text: 'Türkische Artillerie tötete am Freitag drei Zivilisten in einem Dorf bei Hasaka.',
    belligerents: ['turkey'],
    civiliansKilled: 3,
  },
  {
    language: 'de',
    text: 'Ein Zivilist starb am Freitag bei einem russischen Luftangriff in Idlib.',
    belligerents: ['russia'],
    civiliansKilled: 1,
  },
  {
    language: 'fr',
    text: 'Une frappe russe a tué vendredi cinq civils à Idleb.',
    belligerents: ['russia'],
    civiliansKilled: 5,
  },
  {
    language: 'es',
    text: 'Bombardeos turcos mataron a tres civiles el viernes en una aldea cerca de Hasaka.',
    belligerents: ['turkey'],
    civiliansKilled: 3,
  },
  {
    language: 'es',
    text: 'Un ataque aéreo israelí mató a cinco civiles el viernes en Gaza.',
    belligerents: ['israel'],
    civiliansKilled: 5,
  },
  {
    language: 'es',
    text: 'Un civil murió el viernes en un bombardeo ruso en Idlib.',
    belligerents: ['russia'],
    civiliansKilled: 1,
  },
  {
    language: 'es',
    text: 'La aviación rusa mató el viernes a cinco civiles en Idlib.',
    belligerents: ['russia'],
    civiliansKilled: 5,
  },
  {
    language: 'de',
    text: 'Bei russischen Luftangriffen auf die Stadt Idlib sind am Freitag zwölf Zivilisten getötet worden.',
    belligerents: ['russia'],
    civiliansKilled: 12,
  },
  {
    language: 'es',
    text: 'Doce civiles murieron el viernes en bombardeos rusos sobre Idlib.',
    belligerents: ['russia'],
    civiliansKilled: 12,
  },
  {
    language: 'ar',
    text: 'قتل 12 مدنياً في غارات روسية على مدينة إدلب يوم الجمعة.',
    belligerents: ['russia'],
    civiliansKilled: 12,
  },
  {
    language: 'pt',
    text: 'Bombardeios russos mataram cinco civis na sexta-feira em Idlib.',
    belligerents: ['russia'],
    civiliansKilled: 5,
  },
];

for (const c of CASES) {
  test(`${c.language}: ${c.text}`, () => {
    const claims = extractClaims(
      { text: c.text, published: '2019-05-04', language: c.language },
      { geoparser },
    );
    assert.equal(claims.length, 1, JSON.stringify(claims));
    const [claim] = claims;
    assert.deepEqual(claim?.date, { from: '2019-05-03', to: '2019-05-03', precision: 'day' });
    assert.deepEqual(claim?.belligerents, c.belligerents);
    assert.deepEqual(
      claim?.civiliansKilled,
      c.civiliansKilled === null ? null : { min: c.civiliansKilled, max: c.civiliansKilled },
    );
  });
}

test('an indefinite article is no count of one unless a counted noun follows it', () => {
  const claims = extractClaims(
    {
      text: 'Une femme a été tuée vendredi dans une frappe russe à Idleb.',
      published: '2019-05-04',
      language: 'fr',
    },
    { geoparser },
  );
  assert.equal(claims.length, 1);
  assert.deepEqual(claims[0]?.killed, { min: 1, max: 1 }, 'one woman killed');
});

test('"une vingtaine", "una veintena": about twenty, counted as twenty, not 21', () => {
  for (const [language, text] of [
    ['fr', 'Un bombardement a fait huit morts et une vingtaine de blessés lundi à Ariha.'],
    ['es', 'Un bombardeo dejó ocho muertos y una veintena de heridos el lunes en Ariha.'],
  ] as const) {
    const [claim] = extractClaims({ text, published: '2019-05-04', language }, { geoparser });
    assert.deepEqual(claim?.killed, { min: 8, max: 8 }, text);
    assert.deepEqual(claim?.injured, { min: 20, max: 20 }, text);
  }
});

test('"Syrian" names the attacker beside a means word, not a people beside a noun that folds like a verb', () => {
  const claim = (language: string, text: string) =>
    extractClaims({ text, published: '2019-05-04', language }, { geoparser })[0];
  assert.deepEqual(
    claim(
      'es',
      'Siete personas perdieron la vida el lunes en el bombardeo de un hospital en Idlib por la aviación siria.',
    )?.belligerents,
    ['syrian-government'],
  );
  assert.deepEqual(
    claim(
      'fr',
      "Sept personnes ont péri lundi dans le bombardement d'un hôpital à Idleb par l'aviation syrienne.",
    )?.belligerents,
    ['syrian-government'],
  );
  // "un bombardeo" is the noun, though "bombardeó" folds alike: the refugees did not attack.
  assert.deepEqual(
    claim('es', 'Refugiados sirios murieron el lunes en un bombardeo ruso en Idlib.')?.belligerents,
    ['russia'],
  );
});

test('German: "starben" before its count, the day between', () => {
  const [claim] = extractClaims(
    {
      text: 'In Ariha starben am Freitag 14 Menschen bei einem Luftangriff.',
      published: '2019-05-04',
      language: 'de',
    },
    { geoparser },
  );
  assert.deepEqual(claim?.killed, { min: 14, max: 14 });
  // "Freitag 14" is no written date: Friday is the day.
  assert.deepEqual(claim?.date, { from: '2019-05-03', to: '2019-05-03', precision: 'day' });
});

test('the parties of the other wars monitors cover: Ukraine, Hamas, the Houthis, the Sudanese army and the RSF', () => {
  const parser = fakeGeoparser({
    Ashkelon: { lat: 31.67, lon: 34.57, country: 'IL' },
    Marib: { lat: 15.46, lon: 45.32, country: 'YE' },
    'El Fasher': { lat: 13.63, lon: 25.35, country: 'SD' },
    Nyala: { lat: 12.05, lon: 24.88, country: 'SD' },
    Donetsk: { lat: 48.0, lon: 37.8, country: 'UA' },
  });
  const cases: [string, string, Belligerent][] = [
    ['en', 'A Hamas rocket hit a house in Ashkelon on Saturday, killing two civilians.', 'hamas'],
    ['fr', 'Des tirs de roquettes du Hamas ont tué deux civils samedi à Ashkelon.', 'hamas'],
    ['en', 'A Houthi drone strike on a market in Marib killed six civilians on Friday.', 'houthis'],
    ['es', 'Un ataque con drones de los hutíes mató a seis civiles el viernes en Marib.', 'houthis'],
    ['en', 'RSF shelling of El Fasher killed 15 civilians on Friday.', 'rapid-support-forces'],
    [
      'en',
      'Sudanese army drone strikes on a market in Nyala killed 30 civilians on Tuesday.',
      'sudanese-armed-forces',
    ],
    ['en', 'Ukrainian shelling killed three civilians in Donetsk on Friday.', 'ukraine'],
  ];
  for (const [language, text, code] of cases) {
    const [claim] = extractClaims({ text, published: '2019-05-04', language }, { geoparser: parser });
    assert.deepEqual(claim?.belligerents, [code], text);
  }
});

test('"rebels" are Syria\'s opposition in Syria, the Houthis in Yemen, and no listed party elsewhere', () => {
  const parser = fakeGeoparser({
    Aleppo: { lat: 36.2, lon: 37.16, country: 'SY' },
    Taiz: { lat: 13.58, lon: 44.02, country: 'YE' },
    Mopti: { lat: 14.49, lon: -4.2, country: 'ML' },
  });
  const cases: [string, Belligerent][] = [
    ['Rebel shelling killed four civilians in Aleppo on Friday.', 'syrian-opposition'],
    ['Rebel shelling killed four civilians in Taiz on Friday.', 'houthis'],
    ['Rebels attacked a village near Mopti on Friday, killing 20 civilians.', 'unknown'],
  ];
  for (const [text, code] of cases) {
    const [claim] = extractClaims({ text, published: '2019-05-04', language: 'en' }, { geoparser: parser });
    assert.deepEqual(claim?.belligerents, [code], text);
  }
});

test('English "a", "an" count one right after a verb of killing or wounding, and nowhere else', () => {
  const claim = (text: string) =>
    extractClaims({ text, published: '2019-05-04', language: 'en' }, { geoparser })[0];
  assert.deepEqual(claim('Jets shelled Idlib on Friday, killing a civilian.')?.civiliansKilled, {
    min: 1,
    max: 1,
  });
  const boy = claim(
    'An air strike on Idlib on Friday killed a 12-year-old boy and wounded an elderly woman.',
  );
  assert.deepEqual(boy?.killed, { min: 1, max: 1 });
  assert.deepEqual(boy?.injured, { min: 1, max: 1 });
  const convoy = claim(
    'A civilian convoy was hit by Russian jets in Idlib on Friday and three people were killed.',
  );
  assert.deepEqual(convoy?.killed, { min: 3, max: 3 });
  assert.equal(convoy?.civiliansKilled, null, 'the article before "civilian convoy" is no count');
});
