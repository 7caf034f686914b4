/**
 * Where an embedded import's time goes: the two stages `vigil import` runs at once, each timed
 * alone. Reading (split, map, encode, digest) runs on this thread with nothing written; writing
 * takes the batches read beforehand, packed as the reader thread posts them, and does what the
 * importing thread does with them: unpacks them, then runs importFile's own write path (batches,
 * commits, deferred index rebuild) into a fresh embedded database. The import overlaps the two on two threads, so neither
 * stage's rate can be beaten by the whole: 50,000 rows/s needs each under 20 µs a row.
 * Usage: node --import tsx bench/import/stages.ts [rows]
 * (default 200,000: the batches for the writing stage are all held in memory before it starts)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type PackedReadBatch,
  type ReadBatch,
  readPackedImportBatches,
} from '../../src/ingest/import-reader.js';
import { POST_ROWS } from '../../src/ingest/import-reader-thread.js';
import { DEFAULT_EMBEDDED_IMPORT_BATCH, importFile } from '../../src/services/import.js';
import { openSqliteStore } from '../../src/store/database.js';
import { unpackImports } from '../../src/store/import-rows.js';
import { replicate } from './replicate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const UCDP = join(ROOT, '..', 'shared', 'data', 'ucdp-ged-syria-2016-2019.csv');
const ROWS = Number(process.argv[2] ?? 200_000);
const TARGET_ROWS_PER_SECOND = 50_000;

if (!existsSync(UCDP)) {
  console.log(`UCDP file not found at ${UCDP}; nothing to measure`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-stages-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `Import stages: ${UCDP} replicated to ${ROWS} rows, each stage of \`vigil import --format ucdp\` timed alone\n` +
    `  machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average ${load()}`,
);
const file = await replicate(UCDP, ROWS, join(dir, `ucdp-${ROWS}.csv`));

/** Wall and CPU seconds of `run`, with the rate it implies for `rows`. */
async function timed(label: string, rows: () => number, run: () => Promise<void>): Promise<number> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const n = rows();
  const perRow = (wall * 1e6) / n;
  console.log(
    `  ${label}: ${n} rows in ${wall.toFixed(2)} s wall, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s` +
      ` = ${perRow.toFixed(1)} µs a row: at most ${Math.round(n / wall)} rows/s`,
  );
  return perRow;
}

const options = { format: 'ucdp', path: file, batchSize: DEFAULT_EMBEDDED_IMPORT_BATCH } as const;
let read = 0;
// The reader thread's own work: its rows packed as they are encoded, ready to post, as many at a
// time as it posts.
const readUs = await timed(
  'reading alone (one thread: split, map, encode, pack, digest)',
  () => read,
  async () => {
    for await (const b of readPackedImportBatches({ ...options, batchSize: POST_ROWS }))
      read += b.lines.length;
  },
);

// Read again, untimed, packed, and kept for the writing stage, which unpacks them as the
// importing thread does.
const packed: PackedReadBatch[] = [];
for await (const b of readPackedImportBatches(options)) packed.push(b);
function* batches(): Generator<ReadBatch> {
  for (const b of packed) yield { ...b, rows: unpackImports(b.rows) };
}

const store = await openSqliteStore(join(dir, 'stages.db'));
let written = 0;
const writeUs = await timed(
  'writing alone (embedded: unpack, batches, commits, index rebuild)',
  () => written,
  async () => {
    const s = await importFile(store, { format: 'ucdp', path: file, actor: 'bench', batches: batches() });
    written = s.created + s.updated + s.unchanged;
  },
);
await store.close();

const budget = 1e6 / TARGET_ROWS_PER_SECOND;
const slower = Math.max(readUs, writeUs);
console.log(
  `  ${TARGET_ROWS_PER_SECOND} rows/s needs each stage under ${budget.toFixed(0)} µs a row; the slower stage here ` +
    `(${readUs >= writeUs ? 'reading' : 'writing'}) takes ${slower.toFixed(1)}, ${(slower / budget).toFixed(1)}× that\n` +
    `  load average (1, 5, 15 min) ${load()} after`,
);
