import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { belligerentEntries, setBelligerent } from './belligerent.js';

test('belligerent entries record role and the belligerent’s own assessment, and survive recomputation', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33 us-led-coalition']);
  const inc = f.incidents[0];
  assert.ok(inc);
  assert.deepEqual(await belligerentEntries(f.store.db, inc.id), [
    { belligerent: 'us-led-coalition', role: 'suspected', assessment: 'not_assessed' },
  ]);
  let v = Number(inc.version);
  v = (
    await setBelligerent(
      f.deps,
      inc.id,
      'us-led-coalition',
      { role: 'known', assessment: 'credible' },
      by('amal', v),
    )
  ).incident.version;
  v = (
    await setBelligerent(
      f.deps,
      inc.id,
      'russia',
      { role: 'suspected', assessment: 'non_credible' },
      by('amal', v),
    )
  ).incident.version;
  assert.deepEqual(await belligerentEntries(f.store.db, inc.id), [
    { belligerent: 'russia', role: 'suspected', assessment: 'non_credible' },
    { belligerent: 'us-led-coalition', role: 'known', assessment: 'credible' },
  ]);
  assert.deepEqual(JSON.parse((await f.reload(inc.id)).belligerents), ['russia', 'us-led-coalition']);
  await setBelligerent(f.deps, inc.id, 'russia', null, by('amal', v, 'no Russian sorties that day'));
  assert.deepEqual(
    (await belligerentEntries(f.store.db, inc.id)).map((e) => e.belligerent),
    ['us-led-coalition'],
  );
});
