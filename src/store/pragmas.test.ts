import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { setPragmas } from './pragmas.js';

test('pragmas set for a while are put back as they were', () => {
  const db = new Database(':memory:');
  const cache = db.pragma('cache_size', { simple: true });
  const temp = db.pragma('temp_store', { simple: true });
  const restore = setPragmas(db, { cache_size: -8192, temp_store: 'memory' });
  assert.equal(db.pragma('cache_size', { simple: true }), -8192);
  assert.equal(db.pragma('temp_store', { simple: true }), 2);
  restore();
  assert.equal(db.pragma('cache_size', { simple: true }), cache);
  assert.equal(db.pragma('temp_store', { simple: true }), temp);
  db.close();
});
