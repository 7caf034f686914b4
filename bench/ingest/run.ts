/**
 * Ingest + extraction throughput: 10,000 generated reports into a fresh embedded database.
 *   node --import tsx bench/ingest/run.ts [count]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readJsonlLine } from '../../src/ingest/read-jsonl.js';
import { ingestReport } from '../../src/services/ingest.js';
import { defaultExtractionContext, defaultExtractor } from '../../src/services/pipeline.js';
import { openSqliteStore } from '../../src/store/database.js';
import { generateReports } from './generate.js';

const count = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
const store = await openSqliteStore(join(dir, 'bench.db'));
const lines = generateReports(count, 42).map((r) => JSON.stringify(r));

const t0 = performance.now();
defaultExtractionContext();
const loadMs = performance.now() - t0;

const deps = { store, extract: defaultExtractor, context: defaultExtractionContext, actor: 'bench' };
let claims = 0;
const t1 = performance.now();
for (const [i, line] of lines.entries()) {
  const outcome = await ingestReport(deps, readJsonlLine(line, 'bench', i + 1));
  if (outcome.status === 'new') claims += outcome.claims;
}
const seconds = (performance.now() - t1) / 1000;
const incidents = await store.db
  .selectFrom('incidents')
  .select((e) => e.fn.countAll().as('n'))
  .executeTakeFirstOrThrow();
await store.close();
rmSync(dir, { recursive: true, force: true });

console.log(`gazetteer load: ${loadMs.toFixed(0)} ms`);
console.log(`reports: ${count}, claims: ${claims}, incidents: ${incidents.n}`);
console.log(
  `ingest + extraction: ${(count / seconds).toFixed(0)} reports/s (${seconds.toFixed(1)} s, one process)`,
);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
