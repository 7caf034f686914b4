import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ImportedIncident } from '../ingest/importers/types.js';
import { UCDP_KEPT } from '../ingest/importers/ucdp.js';
import { encodeImport, legacyImportDigest, packImports, sameImport, unpackImports } from './import-rows.js';

const incident = (
  id: string,
  sources: ImportedIncident['sources'],
  belligerents: ImportedIncident['belligerents'],
): ImportedIncident => ({
  dataset: 'ucdp',
  datasetId: id,
  externalId: `ucdp:${id}`,
  code: `UCDP-${id}`,
  status: 'published',
  grading: null,
  date: { from: '2016-01-01', to: '2016-01-02', precision: 'day' },
  placeName: null,
  lat: 34.8,
  lon: 36.7,
  admin1: null,
  country: 'SY',
  geoPrecision: 'point',
  event: null,
  target: null,
  belligerents,
  civiliansKilled: { min: 0, max: 0 },
  killed: null,
  injured: null,
  killedBest: id === '2' ? null : 4,
  sources,
  attribution: null,
  record: { year: '2016', side_a: 'Government of Syria' },
});

test('rows packed to cross threads unpack to the same rows, lists of any length included', () => {
  const rows = [
    incident(
      '1',
      [{ name: 'SOHR', published: '2016-01-01', title: 'Shelling', url: null }],
      ['syrian-government', 'syrian-opposition'],
    ),
    incident('2', [], []),
    incident(
      '3',
      [
        { name: null, published: null, title: 'Untitled', url: null },
        { name: 'AFP', published: null, title: null, url: 'https://example.org/a' },
      ],
      ['syrian-government'],
    ),
  ].map((i) => encodeImport(i, UCDP_KEPT));
  assert.deepEqual(unpackImports(packImports(rows)), rows);
  assert.deepEqual(unpackImports(packImports([])), []);
});

test("a row's digest changes with anything it writes; a stored digest of the form before still matches", () => {
  const sohr = { name: 'SOHR', published: '2016-01-01', title: 'Shelling', url: null };
  const row = encodeImport(incident('1', [sohr], ['syrian-government']), UCDP_KEPT);
  assert.match(row.hash, /^2:[0-9a-f]{32}$/);
  assert.equal(encodeImport(incident('1', [sohr], ['syrian-government']), UCDP_KEPT).hash, row.hash);
  const changes = [
    incident('1', [{ ...sohr, title: 'Shelling.' }], ['syrian-government']),
    incident('1', [sohr], ['syrian-opposition']),
    incident('1', [sohr, sohr], ['syrian-government']),
    { ...incident('1', [sohr], ['syrian-government']), lat: 34.9 },
    {
      ...incident('1', [sohr], ['syrian-government']),
      record: { year: '2017', side_a: 'Government of Syria' },
    },
  ];
  for (const c of changes) assert.notEqual(encodeImport(c, UCDP_KEPT).hash, row.hash);

  assert.ok(sameImport(row.hash, row));
  assert.ok(sameImport(legacyImportDigest(row), row), 'an earlier version stored the legacy form');
  const other = encodeImport(changes[0] as ImportedIncident, UCDP_KEPT);
  assert.ok(!sameImport(legacyImportDigest(other), row));
  assert.ok(!sameImport(null, row));
  // A digest of this form that differs is a change, never read as a legacy one.
  assert.ok(!sameImport(`2:${legacyImportDigest(row)}`, row));
});
