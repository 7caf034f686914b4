/**
 * Ingests a corpus with the real extractor in several shuffled orders and reports whether every
 * order gives the same incidents (as sets of report#ordinal) and ranges.
 *   node --import tsx bench/link/order-check.ts [corpus.jsonl] [orders]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCorpus } from '../../src/eval/read-corpus.js';
import { ingestReport } from '../../src/services/ingest.js';
import { defaultExtractionContext, defaultExtractor } from '../../src/services/pipeline.js';
import { openSqliteStore } from '../../src/store/database.js';
import { incidentsOf, reportInput } from '../../test/support/gold-linking.js';
import { shuffled } from '../../test/support/random.js';

const file = process.argv[2] ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'eval', 'dev.jsonl');
const orders = Number(process.argv[3] ?? 3);
const corpus = await readCorpus(file);

const results: string[] = [];
for (let k = 0; k < orders; k++) {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-order-'));
  const store = await openSqliteStore(join(dir, 'o.db'));
  const deps = { store, extract: defaultExtractor, context: defaultExtractionContext, actor: 'bench' };
  for (const r of k === 0 ? corpus.reports : shuffled(corpus.reports, k * 7919))
    await ingestReport(deps, reportInput(r));
  results.push((await incidentsOf(store)).join('\n'));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
const same = results.every((r) => r === results[0]);
process.stdout.write(
  `${orders} orders, ${results[0]?.split('\n').length ?? 0} incidents: ${same ? 'identical' : 'DIFFERENT'}\n`,
);
if (!same) process.exitCode = 1;
