import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shownAttribution, storedAttribution } from './attribution.js';
import { ACLED_ATTRIBUTION, UCDP_ATTRIBUTION } from './types.js';

test("a known dataset's credit is stored as a short reference and shown as its text; others as written", () => {
  for (const text of [UCDP_ATTRIBUTION, ACLED_ATTRIBUTION]) {
    const stored = storedAttribution(text);
    assert.ok(stored !== null && stored.length < 20, String(stored));
    assert.equal(shownAttribution(stored), text);
  }
  assert.equal(storedAttribution('Airwars, CC BY-NC 4.0'), 'Airwars, CC BY-NC 4.0');
  assert.equal(shownAttribution('Airwars, CC BY-NC 4.0'), 'Airwars, CC BY-NC 4.0');
  assert.equal(storedAttribution(null), null);
  assert.equal(shownAttribution(null), null);
  // A reference to no known dataset is shown as it is stored rather than dropped.
  assert.equal(shownAttribution('dataset:unknown'), 'dataset:unknown');
});
