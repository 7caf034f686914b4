import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ImportedIncident } from '../ingest/importers/types.js';
import { UCDP_KEPT } from '../ingest/importers/ucdp.js';
import { encodeImport, packImports, unpackImports } from './import-rows.js';

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
