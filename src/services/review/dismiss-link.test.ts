import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import { dismissLink } from './dismiss-link.js';

test('dismissing needs an open suggestion between that claim and that incident', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2018-02-10 33.5 36.3 9']);
  const [a] = f.incidents;
  assert.ok(a);
  await assert.rejects(
    dismissLink(f.deps, 'c_nope', a.id, by('amal', Number(a.version))),
    /no open suggestion/,
  );
  assert.equal(
    Number((await f.reload(a.id)).version),
    Number(a.version),
    'a refused command changes nothing',
  );
});
