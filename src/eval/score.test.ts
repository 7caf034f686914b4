import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CountRange } from '../domain/range.js';
import type { GoldIncident, PredictedClaim } from './gold.js';
import { scoreCorpus } from './score.js';
import { gold, northKm, pred, report } from './test-fixtures.js';

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);
const preds = (entries: [string, PredictedClaim[]][]): Map<string, PredictedClaim[]> => new Map(entries);
const n = (min: number, max: number | null = min): CountRange => ({ min, max });

test('predictions in a distractor report are false positives; missed gold claims are false negatives', () => {
  const reports = [report('r1', [gold(), gold({ date: '2018-06-01' })]), report('distractor', [])];
  const r = scoreCorpus(
    reports,
    preds([
      ['r1', [pred()]],
      ['distractor', [pred(), pred()]],
    ]),
    null,
  );
  assert.deepEqual([r.detection.tp, r.detection.fp, r.detection.fn], [1, 2, 1]);
  close(r.detection.precision, 1 / 3);
  close(r.detection.recall, 1 / 2);
  close(r.detection.f1, 0.4);
});

test('a report missing from the predictions predicted nothing; an unknown report id is an error', () => {
  const r = scoreCorpus([report('r1', [gold()])], new Map(), null);
  assert.deepEqual([r.detection.tp, r.detection.fp, r.detection.fn], [0, 0, 1]);
  assert.throws(() => scoreCorpus([report('r1', [])], preds([['nope', []]]), null), /nope/);
});

test('claims only match within their own report', () => {
  const r = scoreCorpus([report('r1', [gold()]), report('r2', [])], preds([['r2', [pred()]]]), null);
  assert.equal(r.detection.tp, 0);
});

test('attributes are scored over matched pairs only; belligerents as a set', () => {
  const reports = [
    report('r1', [gold({ belligerents: ['russia', 'syrian-government'] }), gold({ date: '2018-07-01' })]),
  ];
  const r = scoreCorpus(
    reports,
    preds([
      [
        'r1',
        [
          pred({
            belligerents: ['syrian-government', 'russia', 'russia'],
            event: 'shelling_artillery_missile',
          }),
          pred({ date: '2018-07-01', hedged: true, belligerents: ['us-led-coalition', 'united-states'] }),
          // Unmatched (far away): its wrong fields must not count.
          pred({ lat: northKm(300), event: 'attack', hedged: true }),
        ],
      ],
    ]),
    null,
  );
  assert.equal(r.matches.length, 2);
  assert.deepEqual(r.attributes.belligerents, { correct: 1, total: 2, value: 0.5 });
  assert.deepEqual(r.attributes.event, { correct: 1, total: 2, value: 0.5 });
  assert.deepEqual(r.attributes.hedged, { correct: 1, total: 2, value: 0.5 });
  assert.deepEqual(r.attributes.killed, { correct: 2, total: 2, value: 1 });
});

test('count fields compare min and max exactly, null only equal to null', () => {
  const g = [
    gold({ civilians_killed: n(42, null) }),
    gold({ date: '2018-07-01', killed: n(24, null) }),
    gold({ date: '2018-08-01', injured: null }),
  ];
  const p = [
    pred({ civilians_killed: n(42, null) }),
    pred({ date: '2018-07-01', killed: n(24, 24) }),
    pred({ date: '2018-08-01', injured: n(0) }),
  ];
  const r = scoreCorpus([report('r1', g)], preds([['r1', p]]), null);
  assert.equal(r.attributes.civilians_killed.correct, 3);
  assert.equal(r.attributes.killed.correct, 2);
  assert.equal(r.attributes.injured.correct, 2);
});

test('casualty-exact: every count field right, over all count-bearing gold claims, unmatched ones wrong', () => {
  const g = [
    gold({ civilians_killed: n(33) }), // matched, all right -> counts
    gold({ date: '2018-07-01', killed: n(10, null) }), // matched, max wrong
    gold({ date: '2018-08-01', civilians_killed: n(5), injured: n(3) }), // matched, extra killed predicted
    gold({ date: '2018-09-01', injured: n(7) }), // unmatched -> wrong
    gold({ date: '2018-10-01' }), // no count: outside the denominator even though matched
  ];
  const p = [
    pred({ civilians_killed: n(33) }),
    pred({ date: '2018-07-01', killed: n(10) }),
    pred({ date: '2018-08-01', civilians_killed: n(5), injured: n(3), killed: n(5) }),
    pred({ date: '2018-10-01' }),
  ];
  const r = scoreCorpus([report('r1', g)], preds([['r1', p]]), null);
  assert.equal(r.detection.tp, 4);
  assert.deepEqual(r.casualtyExact, { correct: 1, total: 4, value: 0.25 });
});

test('B-cubed runs over matched claims of all reports, with predicted ids shared across reports', () => {
  // gold A in r1, r2, r3; B in r4. Predicted: X for r1, r2; Y for r3, r4; an unmatched Y claim in r5.
  const reports = [
    report('r1', [gold({ incident: 'A' })]),
    report('r2', [gold({ incident: 'A' })]),
    report('r3', [gold({ incident: 'A' })]),
    report('r4', [gold({ incident: 'B' })]),
    report('r5', []),
  ];
  const r = scoreCorpus(
    reports,
    preds([
      ['r1', [pred({ incident: 'X' })]],
      ['r2', [pred({ incident: 'X' })]],
      ['r3', [pred({ incident: 'Y' })]],
      ['r4', [pred({ incident: 'Y' })]],
      ['r5', [pred({ incident: 'Y' })]],
    ]),
    null,
  );
  // P: 1, 1, 1/2, 1/2 -> 3/4.  R: 2/3, 2/3, 1/3, 1 -> 2/3.
  assert.equal(r.bcubed.items, 4);
  close(r.bcubed.precision, 3 / 4);
  close(r.bcubed.recall, 2 / 3);
  close(r.bcubed.f1, (2 * (3 / 4) * (2 / 3)) / (3 / 4 + 2 / 3));
});

test("per gold incident: the predicted incident holding most of its matched claims, and that one's civilian range", () => {
  const reports = [
    report('r1', [gold({ incident: 'G1' })]),
    report('r2', [gold({ incident: 'G1' })]),
    report('r3', [gold({ incident: 'G1' })]),
    report('r4', [gold({ incident: 'G3' })]),
    report('r5', [gold({ incident: 'G4' })]),
    report('r6', [gold({ incident: 'G4' })]),
  ];
  const incidents: GoldIncident[] = [
    { incident: 'G1', civilians_killed: n(33, null), reports: ['r1', 'r2', 'r3'] },
    { incident: 'G2', civilians_killed: null, reports: [] },
    { incident: 'G3', civilians_killed: n(5), reports: ['r4'] },
    { incident: 'G4', civilians_killed: null, reports: ['r5', 'r6'] },
  ];
  const predictions = preds([
    ['r1', [pred({ incident: 'P2' })]],
    ['r2', [pred({ incident: 'P1' })]],
    ['r3', [pred({ incident: 'P1' })]],
    ['r4', [pred({ incident: 'P3' })]],
    // A tie between Q9 and Q1 goes to the smaller id.
    ['r5', [pred({ incident: 'Q9' })]],
    ['r6', [pred({ incident: 'Q1' })]],
  ]);
  const ranges = new Map<string, CountRange | null>([
    ['P1', n(33, null)],
    ['P2', n(40)],
    ['P3', n(5, 6)],
    ['Q1', null],
    ['Q9', n(1)],
  ]);
  const r = scoreCorpus(reports, predictions, incidents, ranges);
  const byId = new Map(r.incidentRanges?.incidents.map((x) => [x.incident, x]));
  assert.deepEqual(
    [...byId.values()].map((x) => [x.incident, x.predictedIncident, x.correct]),
    [
      ['G1', 'P1', true],
      ['G2', null, false],
      ['G3', 'P3', false],
      ['G4', 'Q1', true],
    ],
  );
  assert.deepEqual(r.incidentRanges?.accuracy, { correct: 2, total: 4, value: 0.5 });
  assert.equal(scoreCorpus(reports, predictions, null, ranges).incidentRanges, null);
  assert.throws(() => scoreCorpus(reports, predictions, incidents, new Map()), /P1/);
});

test('per-language rows split detection and casualty-exact by report language', () => {
  const reports = [
    report('en1', [gold({ civilians_killed: n(10) })], 'en'),
    report('ar1', [gold({ civilians_killed: n(12) }), gold({ date: '2018-07-01' })], 'ar'),
    report('ar2', [], 'ar'),
  ];
  const r = scoreCorpus(
    reports,
    preds([
      ['en1', [pred({ civilians_killed: n(10) })]],
      ['ar1', [pred({ civilians_killed: n(21) })]],
      ['ar2', [pred()]],
    ]),
    null,
  );
  assert.deepEqual(
    r.languages.map((l) => l.language),
    ['ar', 'en'],
  );
  const [ar, en] = r.languages;
  assert.deepEqual([ar?.reports, ar?.detection.tp, ar?.detection.fp, ar?.detection.fn], [2, 1, 1, 1]);
  assert.deepEqual(ar?.casualtyExact, { correct: 0, total: 1, value: 0 });
  assert.deepEqual([en?.detection.precision, en?.detection.recall], [1, 1]);
  assert.deepEqual(en?.casualtyExact, { correct: 1, total: 1, value: 1 });
  assert.deepEqual(r.casualtyExact, { correct: 1, total: 2, value: 0.5 });
});
