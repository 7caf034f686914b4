import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAggregates } from './aggregates.js';
import { LEXICONS } from './lexicon/index.js';
import { fold } from './text.js';

const agg = (s: string) => readAggregates(fold(s).norm, LEXICONS.en).whole;

test('long-period and combined tolls are aggregates', () => {
  assert.equal(agg('Strikes have killed 900 civilians over the past two years.'), true);
  assert.equal(agg('The two attacks combined killed 40 people.'), true);
});

test("the coalition's task force name is not an aggregate", () => {
  assert.equal(agg('Combined Joint Task Force said its strike of May 2 hit a depot.'), false);
});

test('a superlative comparing one event with a period is not an aggregate', () => {
  assert.equal(agg('It was the deadliest single attack since the war began.'), false);
});

test('a trend and the causes of a total just given are aggregates; who the dead were is not', () => {
  assert.equal(agg('Deaths from air strikes fell sharply after the 17 September agreement.'), true);
  assert.equal(agg('Most were caused by ground fighting and by explosive remnants of war;'), true);
  assert.equal(agg('Most of the dead were children, eight of them under five.'), false);
  assert.equal(agg('An air strike on the market killed most of the family.'), false);
  assert.equal(agg('The strike on the school killed 12 people, most of them children.'), false);
});

test('a period named in a relative clause is background: the sentence still tells of its event', () => {
  const s =
    'Security officials in the town, which has been run by the SDF since 2016, said they suspected ISIS sleeper cells, which have carried out several smaller bombings in the area this year.';
  const norm = fold(s).norm;
  const r = readAggregates(norm, LEXICONS.en);
  assert.equal(r.whole, false);
  assert.deepEqual(
    r.clauses.map(([a, b]) => norm.slice(a, b)),
    [
      ', which has been run by the sdf since 2016',
      ', which have carried out several smaller bombings in the area this year.',
    ],
  );
  // Outside a relative clause the period still makes the sentence a tally.
  assert.equal(agg('Strikes on the town have killed 40 civilians this year, monitors said.'), true);
});
