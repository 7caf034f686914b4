import assert from 'node:assert/strict';
import { test } from 'node:test';
import { by, reviewFixture } from '../../../test/support/review.js';
import type { StrikeStatus } from '../../domain/codes.js';
import { setStrikeStatus } from './strike-status.js';

test('strike status takes only the known values', async (t) => {
  const f = await reviewFixture(t, ['CLAIM 2017-03-20 35.95 39.01 33']);
  const inc = f.incidents[0];
  assert.ok(inc);
  await assert.rejects(
    setStrikeStatus(f.deps, inc.id, 'maybe' as StrikeStatus, by('amal', Number(inc.version))),
    /unknown strike status/,
  );
  const out = await setStrikeStatus(
    f.deps,
    inc.id,
    'declared',
    by('amal', Number(inc.version), 'CENTCOM strike report'),
  );
  assert.equal(out.incident.strikeStatus, 'declared');
});
