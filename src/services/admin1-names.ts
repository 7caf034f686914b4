import { readAdmin1Names } from '../gazetteer/admin1-names.js';
import { admin1Namer } from '../ingest/importers/admin1-codes.js';

let namer: ReturnType<typeof admin1Namer> | null = null;

/**
 * The division's name for an incident's GeoNames code ("Aleppo" for SY, "09"), read from the
 * gazetteer on first use: exports write names, and people read them. A value that is no known code
 * (an incident imported before divisions were stored as codes) is given as it is.
 */
export function admin1NameOf(country: string | null, admin1: string | null): string | null {
  namer ??= admin1Namer(readAdmin1Names());
  return namer(country, admin1) ?? admin1;
}
