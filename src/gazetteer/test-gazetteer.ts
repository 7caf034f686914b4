import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex } from './build-index.js';
import { DEFAULT_INDEX_DIR, FILES } from './index-format.js';
import { loadGazetteer } from './load.js';
import type { Gazetteer } from './types.js';

/** The built index for tests; builds it first when a test runs before `npm run build`. */
export function testGazetteer(): Gazetteer {
  if (!existsSync(join(DEFAULT_INDEX_DIR, FILES.meta))) buildIndex(DEFAULT_INDEX_DIR);
  return loadGazetteer(DEFAULT_INDEX_DIR);
}
