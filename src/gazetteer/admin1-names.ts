import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_INDEX_DIR, FILES, lineToEntry, REPO_ROOT } from './index-format.js';
import type { Admin1Name } from './types.js';

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
    // Only the matching lines are decoded: the whole index as one string (two bytes a character, its
    // names not being ASCII) cost the import's reader thread 30 MB for a few thousand lines it keeps.
    const bytes = readFileSync(entries);
    for (const code of ['\tADM1\t', '\tPPLA\t', '\tPPLC\t']) {
      for (let at = bytes.indexOf(code); at >= 0; at = bytes.indexOf(code, at + code.length)) {
        const start = bytes.lastIndexOf(10, at) + 1;
        const end = bytes.indexOf(10, at);
        const e = lineToEntry(bytes.toString('utf8', start, end < 0 ? bytes.length : end));
        if (!e.country || !e.admin1) continue;
        out.push({ country: e.country, code: e.admin1, name: e.name, own: e.featureCode === 'ADM1' });
      }
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
