import { pathToFileURL } from 'node:url';
import type { ExtractionContext, Extractor } from '../extract/types.js';

export interface Pipeline {
  extract: Extractor;
  context: () => ExtractionContext;
}

/**
 * The extraction a worker runs: Vigil's own, or (VIGIL_EXTRACTOR=path/to/module, exporting
 * `extract` and `context`) another one — tests use this to make jobs slow or predictable.
 * Imported lazily: the gazetteer and lexicons are only loaded by processes that extract.
 */
export async function loadPipeline(env: NodeJS.ProcessEnv = process.env): Promise<Pipeline> {
  if (env.VIGIL_EXTRACTOR) {
    const mod = (await import(pathToFileURL(env.VIGIL_EXTRACTOR).href)) as Partial<Pipeline>;
    if (typeof mod.extract !== 'function' || typeof mod.context !== 'function')
      throw new Error(`${env.VIGIL_EXTRACTOR} must export functions "extract" and "context"`);
    return { extract: mod.extract, context: mod.context };
  }
  const { defaultExtractor, defaultExtractionContext } = await import('../services/pipeline.js');
  return { extract: defaultExtractor, context: defaultExtractionContext };
}
