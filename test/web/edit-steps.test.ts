import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editFormOf, editSteps } from '../../web/src/analyst/edit-steps.js';
import type { IncidentView } from '../../web/src/api/types.js';

const incident = {
  placeName: 'Mosul',
  date: { from: '2017-05-30', to: '2017-05-30', precision: 'day' },
  event: 'air_drone_strike',
  target: 'home',
  civiliansKilled: { min: 18, max: null },
} as IncidentView;

test('a Save with nothing changed sends nothing: the range is not set by hand unasked', () => {
  assert.deepEqual(editSteps(incident, editFormOf(incident)), []);
});

test('the changed fields go in one edit, then the range, if it changed', () => {
  const form = {
    ...editFormOf(incident),
    place: 'West Mosul',
    event: 'shelling_artillery_missile',
    min: '20',
    max: '25',
  };
  assert.deepEqual(editSteps(incident, form), [
    ['edit', { fields: { place_name: 'West Mosul', event: 'shelling_artillery_missile' } }],
    ['set-range', { range: { min: 20, max: 25 } }],
  ]);
});

test('dates: a span is an interval, one day alone is both ends; an emptied range follows the claims again', () => {
  const span = { ...editFormOf(incident), from: '2017-05-29', to: '2017-05-31' };
  assert.deepEqual(editSteps(incident, span), [
    ['edit', { fields: { date_from: '2017-05-29', date_to: '2017-05-31', date_precision: 'interval' } }],
  ]);
  const day = { ...editFormOf(incident), from: '2017-05-31', to: '' };
  assert.deepEqual(editSteps(incident, day)[0], [
    'edit',
    { fields: { date_from: '2017-05-31', date_to: '2017-05-31', date_precision: 'day' } },
  ]);
  assert.deepEqual(editSteps(incident, { ...editFormOf(incident), min: '' }), [
    ['set-range', { range: null }],
  ]);
});
