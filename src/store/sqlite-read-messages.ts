/** What the main thread and an embedded-database reader thread say to each other. */

export interface ReaderSetup {
  path: string;
  busyTimeoutMs: number;
}

export type ReaderRequest =
  | { id: number; sql: string; parameters: readonly unknown[]; close?: undefined }
  | { close: true };

/** id 0 answers the setup: ready, or why the database could not be opened. */
export interface ReaderReply {
  id: number;
  ready?: true;
  rows?: Record<string, unknown>[];
  error?: { message: string; code?: string };
}
