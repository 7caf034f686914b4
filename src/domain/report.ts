import type { SourceKind } from './codes.js';

export interface SourceInput {
  name: string;
  kind: SourceKind;
  /** A local source's identity is protected: never shown publicly. */
  sensitive?: boolean;
}

/** A document as received, before it is stored. */
export interface ReportInput {
  /** The original bytes, exactly as received: their SHA-256 identifies the report. */
  bytes: Buffer;
  /** Where the bytes came from (file path, URL, "stdin", "file.jsonl:12"). */
  origin: string;
  /** An identifier the input gave itself (e.g. the eval corpus' id). */
  externalId: string | null;
  url: string | null;
  title: string | null;
  /** ISO day. */
  published: string | null;
  language: string | null;
  /**
   * ISO 3166-1 alpha-2 of the country the report is about, where its sender says so (front matter,
   * a feed's settings, `vigil ingest --country`): a place the text names without its country
   * ("an air strike on Ariha") is read there. The country the text itself names comes first.
   */
  country?: string | null;
  source: SourceInput | null;
  /** Extracted plain text that claims' spans point into. */
  text: string;
  mediaType: string;
}
