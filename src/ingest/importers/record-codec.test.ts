import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keep, keepValues } from './fields.js';
import { IMPORTERS } from './index.js';
import { decodeRecord, encodeRecord } from './record-codec.js';

test('a record of listed columns is stored as values by position and read back whole', () => {
  const columns = ['year', 'dyad_name', 'adm_2', 'region'];
  const record = { year: '2016', adm_2: 'Ar Rastan district' };
  const text = encodeRecord(columns, record);
  assert.equal(text, '["2016",null,"Ar Rastan district"]');
  assert.deepEqual(decodeRecord(columns, text), record);
});

test('a record with a column outside the list keeps its names; object records still read', () => {
  const columns = ['a', 'b'];
  const record = { a: '1', z: 'stray' };
  const text = encodeRecord(columns, record);
  assert.deepEqual(JSON.parse(text), record);
  assert.deepEqual(decodeRecord(columns, text), record);
  assert.deepEqual(decodeRecord(columns, '{"b":"2"}'), { b: '2' });
  assert.deepEqual(decodeRecord(columns, encodeRecord(columns, {})), {});
});

test('every importer lists each column once', () => {
  for (const importer of Object.values(IMPORTERS))
    assert.equal(new Set(importer.recordColumns).size, importer.recordColumns.length, importer.format);
});

test('kept values by position store as the same record as kept columns by name', () => {
  const columns = ['year', 'dyad_name', 'adm_2', 'region'];
  const row = { year: '2016', dyad_name: '', adm_2: 'Ar Rastan district', region: '', other: 'x' };
  assert.equal(encodeRecord(columns, keepValues(row, columns)), encodeRecord(columns, keep(row, columns)));
  assert.equal(encodeRecord(columns, keepValues(row, columns)), '["2016",null,"Ar Rastan district"]');
  assert.equal(encodeRecord(columns, keepValues({}, columns)), '[]');
  // Values kept for another list of columns are stored by name as that list names them.
  const other = ['adm_2', 'year'];
  assert.equal(encodeRecord(other, keepValues(row, columns)), encodeRecord(other, keep(row, columns)));
});
