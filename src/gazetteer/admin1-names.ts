import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Admin1Name } from '../ingest/importers/admin1-codes.js';
import { DEFAULT_INDEX_DIR, FILES, lineToEntry, REPO_ROOT } from './index-format.js';

/**
 * The names first-level divisions go by, for turning a dataset's division name into its code:
 * from the built index, each division's own name and its seat's (a PPLA or the capital, which
 * often carries the exonym: Damascus for Dimashq). Without a built index, GeoNames' admin1 list
 * alone (data/geonames, CC BY 4.0).
 */
export function readAdmin1Names(indexDir = DEFAULT_INDEX_DIR): Admin1Name[] {
  const out: Admin1Name[] = [];
  const entries = join(indexDir, FILES.entries);
  if (existsSync(entries)) {
    for (const line of readFileSync(entries, 'utf8').split('\n')) {
      // Cheap test first: three feature codes among a million lines.
      if (!/\t(ADM1|PPLA|PPLC)\t/.test(line)) continue;
      const e = lineToEntry(line);
      if (!e.country || !e.admin1) continue;
      out.push({ country: e.country, code: e.admin1, name: e.name, own: e.featureCode === 'ADM1' });
    }
    if (out.length > 0) return out;
  }
  const codes = join(REPO_ROOT, 'data', 'geonames', 'admin1CodesASCII.txt');
  for (const line of readFileSync(codes, 'utf8').split('\n')) {
    const [full, name, ascii] = line.split('\t');
    const [country, code] = (full ?? '').split('.');
    if (!country || !code || !name) continue;
    out.push({ country, code, name, own: true });
    if (ascii && ascii !== name) out.push({ country, code, name: ascii, own: false });
  }
  return out;
}
