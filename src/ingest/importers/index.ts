import { acledImporter } from './acled.js';
import { airwarsImporter } from './airwars.js';
import type { Importer, ImportFormat } from './types.js';
import { ucdpImporter } from './ucdp.js';

export const IMPORTERS: Record<ImportFormat, Importer> = {
  ucdp: ucdpImporter,
  acled: acledImporter,
  airwars: airwarsImporter,
};

/** The record columns of a dataset named in incident_imports (none for a name no importer has). */
export function recordColumnsOf(dataset: string): readonly string[] {
  return (IMPORTERS as Partial<Record<string, Importer>>)[dataset]?.recordColumns ?? [];
}

/** The header's problem, if any: which required columns are missing. */
export function checkHeader(importer: Importer, header: readonly string[]): string | null {
  const have = new Set(header);
  const missing = importer.requiredColumns
    .filter((c) => (typeof c === 'string' ? !have.has(c) : !c.some((n) => have.has(n))))
    .map((c) => (typeof c === 'string' ? c : c.join(' or ')));
  if (missing.length === 0) return null;
  return `not in ${importer.format.toUpperCase()} format: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
}
