import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { assign } from './assign.js';
import { reviewQueue } from './queue.js';

test('the queue lists open incidents with claim, source and suggestion counts', async (t) => {
  const f = await reviewFixture(t, [
    'CLAIM 2017-03-20 35.95 39.01 33',
    'CLAIM 2017-03-20 35.95 39.01 40',
    'CLAIM 2018-02-10 33.5 36.3 9 russia',
    'CLAIM 2018-02-10 33.5 36.3 11 us-led-coalition',
  ]);
  const q = await reviewQueue(f.store.db);
  assert.equal(q.length, 3);
  const first = q[0];
  assert.ok(first);
  assert.deepEqual([first.claims, first.sources, first.openSuggestions], [2, 2, 0]);
  assert.equal(q[1]?.openSuggestions, 1);
  await assign(f.deps, first.id, 'amal', by('lead', first.version));
  assert.deepEqual(
    (await reviewQueue(f.store.db, { assignee: 'amal' })).map((i) => i.id),
    [first.id],
  );
});
