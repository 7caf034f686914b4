import type { ClaimDraft } from '../domain/claim.js';
import type { Geoparser } from '../gazetteer/types.js';

export interface ExtractionInput {
  text: string;
  /** ISO day the report was published: relative dates resolve against it. */
  published: string | null;
  /** ISO 639-1 code when known; otherwise the extractor detects it. */
  language: string | null;
  title?: string | null;
  /** ISO 3166-1 alpha-2 the report's sender says it is about (ReportInput.country); the text's own country comes first. */
  country?: string | null;
}

export interface ExtractionContext {
  geoparser: Geoparser;
}

/** Text -> claims. Pure: never throws on any input, no I/O. */
export type Extractor = (input: ExtractionInput, context: ExtractionContext) => ClaimDraft[];
