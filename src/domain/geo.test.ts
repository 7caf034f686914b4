import assert from 'node:assert/strict';
import { test } from 'node:test';
import { haversineKm } from './geo.js';

test('haversineKm is zero for the same point and symmetric', () => {
  const p = { lat: 36.2, lon: 37.15 };
  assert.equal(haversineKm(p, p), 0);
  const q = { lat: 35.95, lon: 39.01 };
  assert.equal(haversineKm(p, q), haversineKm(q, p));
});

test('haversineKm: one degree of latitude is about 111.2 km', () => {
  const d = haversineKm({ lat: 35, lon: 38 }, { lat: 36, lon: 38 });
  assert.ok(Math.abs(d - 111.2) < 0.1, `got ${d}`);
});

test('haversineKm: a degree of longitude shrinks with latitude', () => {
  const equator = haversineKm({ lat: 0, lon: 10 }, { lat: 0, lon: 11 });
  const north = haversineKm({ lat: 60, lon: 10 }, { lat: 60, lon: 11 });
  assert.ok(Math.abs(north - equator / 2) < 0.2, `got ${north} vs ${equator}`);
});
