import type { ExtractionContext, Extractor } from '../../src/extract/types.js';
import { lineExtractor } from './fixtures.js';

/**
 * A pipeline for `vigil worker` in tests (VIGIL_EXTRACTOR=this file): the line extractor,
 * made to take VIGIL_TEST_EXTRACT_MS per report so a worker can be killed mid-job.
 */
const pause = new Int32Array(new SharedArrayBuffer(4));

export const extract: Extractor = (input, context) => {
  Atomics.wait(pause, 0, 0, Number(process.env.VIGIL_TEST_EXTRACT_MS ?? 150));
  return lineExtractor(input, context);
};

export function context(): ExtractionContext {
  return { geoparser: { parse: () => [], resolve: () => [] } };
}
