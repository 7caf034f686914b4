/**
 * Measures linking alone: feeds a corpus' gold claims through the linker and prints the
 * scorer's table. Usage: node --import tsx bench/link/gold-linking.ts [corpus.jsonl]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatEvalTable } from '../../src/eval/format.js';
import { readCorpus } from '../../src/eval/read-corpus.js';
import { openSqliteStore } from '../../src/store/database.js';
import { runGoldLinking } from '../../test/support/gold-linking.js';

const file = process.argv[2] ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'eval', 'dev.jsonl');
const corpus = await readCorpus(file);
const dir = mkdtempSync(join(tmpdir(), 'vigil-gold-link-'));
const store = await openSqliteStore(join(dir, 'gold.db'));
try {
  const run = await runGoldLinking(store, corpus.reports, corpus);
  process.stdout.write(`${formatEvalTable(run.result)}\n`);
  for (const r of run.result.incidentRanges?.incidents ?? [])
    if (!r.correct)
      process.stdout.write(
        `range wrong: ${r.incident} gold ${JSON.stringify(r.gold)} got ${JSON.stringify(r.predicted)}\n`,
      );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
