import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createGeoparser } from '../gazetteer/geoparser.js';
import { REPO_ROOT } from '../gazetteer/index-format.js';
import { testGazetteer } from '../gazetteer/test-gazetteer.js';
import { parseGeoCorpus } from './geo-corpus.js';
import { evaluateGeoparser } from './geo-run.js';
import { distanceKm, errorKm, MAX_ERROR_KM, matchSpans, scoreErrors, spanScores } from './geo-score.js';

test('accuracy at 161 km, mean and median', () => {
  const s = scoreErrors([0, 100, 161, 200, 1000]);
  assert.equal(s.acc161, 3 / 5);
  assert.equal(s.medianKm, 161);
  assert.equal(s.meanKm, (0 + 100 + 161 + 200 + 1000) / 5);
});

test('AUC follows the CamCoder trapezoid over sorted log errors', () => {
  assert.equal(scoreErrors([0, 0, 0]).auc, 0);
  assert.ok(
    Math.abs(
      scoreErrors([MAX_ERROR_KM, MAX_ERROR_KM]).auc - Math.log(MAX_ERROR_KM + 1) / Math.log(MAX_ERROR_KM),
    ) < 1e-12,
  );
  const errs = [10, 0, 100];
  const [y0, y1, y2] = [0, 10, 100].map((e) => Math.log(e + 1)) as [number, number, number];
  const expected = ((y0 + y1) / 2 + (y1 + y2) / 2) / (Math.log(MAX_ERROR_KM) * 2);
  assert.ok(Math.abs(scoreErrors(errs).auc - expected) < 1e-12);
});

test('an unresolved toponym costs the maximum error', () => {
  assert.equal(errorKm({ lat: 0, lon: 0 }, null), MAX_ERROR_KM);
  assert.equal(errorKm({ lat: 0, lon: 0 }, { lat: null, lon: null }), MAX_ERROR_KM);
  assert.ok(Math.abs(distanceKm(0, 0, 0, 1) - 111.19) < 0.1);
});

test('spans match on exact offsets only', () => {
  const m = matchSpans(
    [
      { start: 0, end: 5 },
      { start: 10, end: 15 },
    ],
    [
      { start: 0, end: 5 },
      { start: 10, end: 14 },
      { start: 20, end: 25 },
    ],
  );
  assert.deepEqual(m, [0, -1]);
  const s = spanScores(2, 3, 1);
  assert.equal(s.precision, 1 / 3);
  assert.equal(s.recall, 1 / 2);
  assert.ok(Math.abs(s.f1 - 0.4) < 1e-12);
});

test('reads each corpus layout with aligned offsets', () => {
  const lgl = `<?xml version="1.0"?><articles><article docid="1"><text><![CDATA[Floods hit Paris, Texas.]]></text>
    <toponyms><toponym><start>11</start><end>16</end><phrase>Paris</phrase><gaztag geonameid="1"><lat>33.66</lat><lon>-95.55</lon></gaztag></toponym>
    <toponym><start>18</start><end>23</end><phrase>Texas</phrase></toponym></toponyms></article></articles>`;
  const c = parseGeoCorpus(lgl);
  assert.equal(c.format, 'lgl');
  assert.equal(c.documents[0]?.toponyms.length, 2);
  assert.equal(c.documents[0]?.toponyms[1]?.lat, null);
  // GeoVirus counts from one character before its text.
  const gv = `<articles><article><source>x</source><text>Cases in Pandi rose.</text><locations><location><name>Pandi</name><start>10</start><end>15</end><lat>14.87</lat><lon>120.95</lon><page>p</page></location></locations></article></articles>`;
  const v = parseGeoCorpus(gv);
  assert.equal(v.format, 'geovirus');
  assert.equal(v.misaligned, 0);
  assert.equal(v.documents[0]?.toponyms[0]?.start, 9);
  assert.throws(() => parseGeoCorpus('<articles/>'), /unrecognised geoparsing corpus/);
});

test('scores a slice of the LGL corpus from ../shared', (t) => {
  const file = join(REPO_ROOT, '..', 'shared', 'data', 'geoparsing', 'lgl.xml');
  if (!existsSync(file)) {
    t.skip('../shared not found: skipping the corpus slice');
    return;
  }
  const corpus = parseGeoCorpus(readFileSync(file, 'utf8'));
  assert.ok(corpus.documents.length > 500);
  const slice = { ...corpus, documents: corpus.documents.slice(0, 40) };
  const parser = createGeoparser(testGazetteer());
  const res = evaluateGeoparser(parser, slice, 'resolution');
  assert.ok(res.resolution.n > 100);
  // Far above the population baseline is not asserted here (held-out figures are reported by eval-geo);
  // this checks the pipeline resolves most names sensibly end to end.
  assert.ok(res.resolution.acc161 > 0.5, `acc161 ${res.resolution.acc161}`);
  const e2e = evaluateGeoparser(parser, slice, 'end-to-end');
  assert.ok(e2e.spans && e2e.spans.matched > 0 && e2e.spans.f1 > 0.3, `f1 ${e2e.spans?.f1}`);
});
