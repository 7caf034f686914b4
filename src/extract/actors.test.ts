import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActors } from './actors.js';
import { LEXICONS } from './lexicon/index.js';
import { fold } from './text.js';

function agents(text: string, lang: 'fr' | 'es' | 'en' | 'ar') {
  return findActors(fold(text), LEXICONS[lang], 'SY')
    .filter((a) => a.agent)
    .map((a) => a.code);
}

test('a nationality adjective after the means names the attacker in Romance languages', () => {
  assert.deepEqual(agents('Le marché a été touché par une frappe russe dans la nuit.', 'fr'), ['russia']);
  assert.deepEqual(agents('Los aviones rusos bombardearon el mercado.', 'es'), ['russia']);
  // English puts the adjective first; a means word before a nationality noun is no attack by it.
  assert.deepEqual(agents('The strikes Russians feared did not come.', 'en'), []);
});

test('an Arabic nationality adjective names the attacker with or without the article', () => {
  // "Russian air strikes" (indefinite), then "the Russian aviation" (definite).
  assert.deepEqual(agents('قتل ثمانية مدنيين جراء غارات جوية روسية استهدفت البلدة.', 'ar'), ['russia']);
  assert.deepEqual(agents('قتل ثلاثة مدنيين بقصف للطيران الحربي الروسي على القرية.', 'ar'), ['russia']);
  assert.deepEqual(agents('قتل خمسة مدنيين في غارة جوية إسرائيلية على منزل.', 'ar'), ['israel']);
  assert.deepEqual(agents('قتل ثلاثة مدنيين بقصف مدفعي تركي على قرية.', 'ar'), ['turkey']);
});

test('after an article an attack verb is a noun; after a relative pronoun it is still the verb', () => {
  assert.deepEqual(agents('Refugiados sirios murieron en un bombardeo ruso.', 'es'), ['russia']);
  assert.deepEqual(agents('It was Russia that bombed the hospital.', 'en'), ['russia']);
});

test('forces pushing towards a front, as background to a strike, are not its attacker', () => {
  const background =
    'An air strike killed 18 civilians in Idlib, as government forces pushed towards the last villages held by HTS.';
  assert.deepEqual(agents(background, 'en'), []);
  assert.deepEqual(agents('Government forces shelled the market in Idlib, killing 18 civilians.', 'en'), [
    'syrian-government',
  ]);
});
