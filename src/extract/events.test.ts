import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventType, findTriggers } from './events.js';
import { LEXICONS } from './lexicon/index.js';
import { fold } from './text.js';

function triggers(text: string, lang: 'de' | 'en') {
  const norm = fold(text).norm;
  return findTriggers(norm, LEXICONS[lang]).map((t) => ({
    word: norm.slice(t.start, t.end),
    irrealis: t.irrealis,
  }));
}

test('a German campaign that began or is under way is not an incident', () => {
  assert.deepEqual(triggers('Die Armee setzt ihre im Herbst begonnene Offensive fort.', 'de'), [
    { word: 'offensive', irrealis: true },
  ]);
  assert.deepEqual(triggers('Während der seit Tagen andauernden Offensive gab es Tote.', 'de'), [
    { word: 'offensive', irrealis: true },
  ]);
  assert.deepEqual(triggers('Eine Offensive der Armee traf das Dorf am Montag.', 'de'), [
    { word: 'offensive', irrealis: false },
  ]);
});

test("a party's standing role named in passing is no incident: the coalition, which supports the offensive", () => {
  assert.deepEqual(
    triggers('Residents blamed the US-led coalition, which supports the Iraqi offensive from the air.', 'en'),
    [{ word: 'offensive', irrealis: true }],
  );
  assert.deepEqual(triggers('The Iraqi offensive on the Old City began on Sunday.', 'en'), [
    { word: 'offensive', irrealis: false },
  ]);
});

test('a vehicle packed with explosives, laden with them or booby-trapped is a remote explosive', () => {
  for (const text of [
    'A car packed with explosives blew up on a market street.',
    'An explosives-laden truck went off at the checkpoint.',
    'A booby-trapped motorbike exploded near the mosque.',
  ]) {
    const found = findTriggers(fold(text).norm, LEXICONS.en);
    assert.equal(eventType(found), 'remote_explosive', text);
  }
});

test('"fighting positions" in a strike report is a target, not fighting', () => {
  const words = (text: string) => findTriggers(fold(text).norm, LEXICONS.en).map((t) => t.family);
  assert.deepEqual(words('27 strikes near Raqqa hit 19 ISIS units and 22 fighting positions.'), ['hit']);
  assert.deepEqual(words('Heavy fighting broke out in the old city.'), ['clash']);
});
