import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { evaluateCorpus } from '../src/services/evaluate.js';
import { defaultExtractionContext, defaultExtractor } from '../src/services/pipeline.js';
import { SHARED_DIR } from './support/cli.js';

// Floors a little under what the pipeline scores today (seed 1.000 on all three; dev claim-F1 0.989,
// casualty-exact 0.975, incident-B3-F1 0.924): a change elsewhere that costs extraction, such as a
// geoparser rule tuned on news corpora that drops a village, fails here and not only in a bench.
const FLOORS = {
  'seed/seed-gold.jsonl': { claimF1: 1, casualtyExact: 1, b3F1: 1 },
  'eval/dev.jsonl': { claimF1: 0.98, casualtyExact: 0.97, b3F1: 0.9 },
};

for (const [file, floor] of Object.entries(FLOORS)) {
  test(`vigil eval ${file} stays at or above its floors`, async (t) => {
    const path = join(SHARED_DIR, file);
    if (!existsSync(path)) return t.skip(`${path} not found (../shared is absent)`);
    const { result } = await evaluateCorpus(path, {
      extract: defaultExtractor,
      context: defaultExtractionContext,
      actor: 'eval',
    });
    const got = {
      claimF1: result.detection.f1,
      casualtyExact: result.casualtyExact.value,
      b3F1: result.bcubed.f1,
    };
    for (const [k, min] of Object.entries(floor))
      assert.ok(
        got[k as keyof typeof got] >= min - 1e-9,
        `${k} ${got[k as keyof typeof got].toFixed(3)} < ${min}`,
      );
  });
}
