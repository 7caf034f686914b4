import { extractClaims } from '../extract/index.js';
import type { ExtractionContext, Extractor } from '../extract/types.js';
import { createGeoparser } from '../gazetteer/geoparser.js';
import { loadGazetteer } from '../gazetteer/load.js';

export const defaultExtractor: Extractor = extractClaims;

let context: ExtractionContext | null = null;

/** The gazetteer takes a moment to load, so it is loaded once, on first need. */
export function defaultExtractionContext(): ExtractionContext {
  context ??= { geoparser: createGeoparser(loadGazetteer()) };
  return context;
}
