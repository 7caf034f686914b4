import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bandBuckets,
  canonicalReport,
  estimatedJaccard,
  figuresIn,
  fingerprint,
  isNearCopy,
  minhashSignature,
} from './near-duplicate.js';

const WIRE =
  'Air strikes by the US-led coalition hit a school sheltering displaced families in al-Mansoura, west of ' +
  'Raqqa, on Monday night, killing at least 33 people, the Syrian Observatory for Human Rights said. ' +
  'The monitor said the dead were civilians who had fled fighting elsewhere in the province, and that ' +
  'rescue workers were still pulling bodies from the rubble on Tuesday morning.';

test('a syndicated copy with a new dateline and punctuation is a near copy of the wire story', () => {
  const copy = `BEIRUT (Reuters) — ${WIRE.replace(/,/g, '')}\n\nReporting by staff; editing by the desk.`;
  assert.ok(estimatedJaccard(minhashSignature(WIRE), minhashSignature(copy)) >= 0.75);
  assert.ok(isNearCopy(fingerprint(WIRE), fingerprint(copy)));
  // LSH finds it: the two share at least one band bucket.
  const a = bandBuckets(minhashSignature(WIRE));
  const b = bandBuckets(minhashSignature(copy));
  assert.ok(a.some((x, i) => x === b[i]));
});

test('a rewrite that changes a figure is new information, not a copy', () => {
  const updated = WIRE.replace('at least 33', 'at least 40');
  assert.ok(estimatedJaccard(minhashSignature(WIRE), minhashSignature(updated)) > 0.8);
  assert.equal(isNearCopy(fingerprint(WIRE), fingerprint(updated)), false);
});

test('two independent accounts of one event are not copies', () => {
  const other =
    'At least 33 displaced people sheltering in a school near al-Mansoura died when coalition jets bombed ' +
    'the building, according to activists from Raqqa Is Being Slaughtered Silently, who put the number of ' +
    'families inside at about fifty.';
  assert.ok(estimatedJaccard(minhashSignature(WIRE), minhashSignature(other)) < 0.3);
  assert.equal(isNearCopy(fingerprint(WIRE), fingerprint(other)), false);
});

test('figures ignore years and read Arabic-Indic digits', () => {
  assert.deepEqual(figuresIn('في 2017 قتل ٣٣ مدنيا و 1,200 جريح'), ['1200', '33']);
});

test('the original of a group is the earliest published, then the smallest id, in any order', () => {
  const group = [
    { id: 'r_b', published: '2017-03-22' },
    { id: 'r_a', published: '2017-03-22' },
    { id: 'r_c', published: '2017-03-21' },
    { id: 'r_d', published: null },
  ];
  assert.equal(canonicalReport(group).id, 'r_c');
  assert.equal(canonicalReport([...group].reverse()).id, 'r_c');
  assert.equal(canonicalReport(group.slice(0, 2)).id, 'r_a');
});
