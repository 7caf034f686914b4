import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeGeoparser } from './fake-geoparser.js';
import { extractClaims } from './index.js';
import { LEXICONS } from './lexicon/index.js';
import { findTargets } from './targets.js';
import { fold } from './text.js';

const kinds = (s: string, lang: keyof typeof LEXICONS = 'en') =>
  findTargets(fold(s).norm, LEXICONS[lang]).map((t) => t.name);

test('kinds of place an attack hits are found in each language, the longest form first', () => {
  assert.deepEqual(kinds('A car bomb blew up on a busy market street near a school.'), ['market', 'school']);
  assert.deepEqual(kinds('Jets bombed residential buildings and a field hospital.'), ['home', 'hospital']);
  assert.deepEqual(kinds('قصف الطيران مسجد البلدة والسوق الشعبي', 'ar'), ['mosque', 'market']);
  assert.deepEqual(kinds("Une frappe a touché l'hôpital et une école.", 'fr'), ['hospital', 'school']);
  assert.deepEqual(kinds('Das Krankenhaus von Afrin wurde getroffen.', 'de'), ['hospital']);
});

test('a claim takes as its target the place its attack hit, with the words as evidence; a place named away from any attack is none', () => {
  const context = { geoparser: fakeGeoparser({ Ariha: { lat: 35.81, lon: 36.61, country: 'SY' } }) };
  const [hit] = extractClaims(
    {
      text: 'An air strike hit the mosque in Ariha on 3 June 2019, killing 12 civilians, medics said.',
      published: '2019-06-04',
      language: 'en',
    },
    context,
  );
  assert.equal(hit?.target, 'mosque');
  const ev = hit?.evidence.find((e) => e.field === 'target');
  assert.ok(ev);
  const [fled] = extractClaims(
    {
      text:
        'An air strike on Ariha on 3 June 2019 killed 12 civilians, medics said. Hundreds of families ' +
        'later sought refuge in the town, and many of those who stayed have since been sleeping in a school.',
      published: '2019-06-04',
      language: 'en',
    },
    context,
  );
  assert.ok(fled);
  assert.equal(fled?.target, null);
});

test('"a second round of shelling" is another event: what it hit is not the first attack\'s target', () => {
  const context = { geoparser: fakeGeoparser({ Ariha: { lat: 35.81, lon: 36.61, country: 'SY' } }) };
  const claims = extractClaims(
    {
      text:
        'Government artillery shelled Ariha on 23 April 2019, killing seven people, medics said. ' +
        "A second round of shelling the next day damaged the town's main bakery.",
      published: '2019-04-25',
      language: 'en',
    },
    context,
  );
  const first = claims.find((c) => c.killed?.min === 7);
  assert.ok(first);
  assert.equal(first?.target, null);
  assert.ok(!first?.evidence.some((e) => e.span.start > 90), 'nothing of the second sentence');
});

test('"a second round of shelling" opens another event in each language the extractor reads', () => {
  const ariha = { lat: 35.81, lon: 36.61, country: 'SY' };
  const context = { geoparser: fakeGeoparser({ Ariha: ariha, أريحا: ariha }) };
  const cases: [string, string][] = [
    [
      'fr',
      "L'artillerie gouvernementale a bombardé Ariha le 23 avril 2019, tuant sept personnes, selon des médecins. " +
        'Une deuxième vague de bombardements le lendemain a endommagé la boulangerie principale de la ville.',
    ],
    [
      'es',
      'La artillería del gobierno bombardeó Ariha el 23 de abril de 2019 y mató a siete personas, según médicos. ' +
        'Una segunda ronda de bombardeos al día siguiente dañó la panadería principal de la ciudad.',
    ],
    [
      'pt',
      'A artilharia do governo bombardeou Ariha em 23 de abril de 2019, matando sete pessoas, segundo médicos. ' +
        'Uma segunda rodada de bombardeios no dia seguinte danificou a padaria principal da cidade.',
    ],
    [
      'de',
      'Regierungsartillerie beschoss Ariha am 23. April 2019 und tötete sieben Menschen, sagten Ärzte. ' +
        'Eine zweite Welle des Beschusses am nächsten Tag beschädigte die größte Bäckerei der Stadt.',
    ],
    [
      'ar',
      'قصفت مدفعية النظام مدينة أريحا في 23 نيسان 2019 ما أدى إلى مقتل سبعة أشخاص بحسب مصادر طبية. ' +
        // Without a day named: a date of its own would part it from the first attack anyway.
        'وفي جولة ثانية من القصف تضرر الفرن الرئيسي في المدينة.',
    ],
  ];
  for (const [language, text] of cases) {
    const claims = extractClaims({ text, published: '2019-04-25', language }, context);
    const first = claims.find((c) => c.killed?.min === 7 || c.civiliansKilled?.min === 7);
    assert.ok(first, `${language}: the first attack's claim`);
    assert.equal(first?.target, null, `${language}: the bakery was hit in the second round, not the first`);
    const cut = text.indexOf('.', text.indexOf('2019')) + 1;
    assert.ok(
      !first?.evidence.some((e) => e.span.start > cut),
      `${language}: nothing of the second sentence`,
    );
  }
});
