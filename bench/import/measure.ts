/**
 * One measured import, in its own process so its peak memory is its own, of the built code
 * (dist/, what the vigil command runs) or of the source:
 * node --import tsx bench/import/measure.ts built|source FILE sqlite DBFILE | postgres URL
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type * as ImportService from '../../src/services/import.js';
import type * as Database from '../../src/store/database.js';
import type * as Postgres from '../../src/store/postgres.js';

const [code, file, kind, target] = process.argv.slice(2);
if (
  !file ||
  !target ||
  (code !== 'built' && code !== 'source') ||
  (kind !== 'sqlite' && kind !== 'postgres')
) {
  console.error('usage: measure.ts built|source FILE sqlite DBFILE | postgres URL');
  process.exit(2);
}
const root = code === 'built' ? '../../dist' : '../../src';
const { DEFAULT_EMBEDDED_IMPORT_BATCH, DEFAULT_IMPORT_BATCH, DEFAULT_ROWS_PER_COMMIT, importFile } =
  (await import(`${root}/services/import.js`)) as typeof ImportService;
const { openSqliteStore } = (await import(`${root}/store/database.js`)) as typeof Database;
let store: Database.Store;
let label: string;
if (kind === 'sqlite') {
  store = await openSqliteStore(target);
  label = `embedded (SQLite, ${DEFAULT_EMBEDDED_IMPORT_BATCH} rows a batch, ${DEFAULT_ROWS_PER_COMMIT} a commit)`;
} else {
  const { openPostgresStore, redactUrl } = (await import(`${root}/store/postgres.js`)) as typeof Postgres;
  store = await openPostgresStore(target, { poolSize: 2 });
  label = `PostgreSQL (${redactUrl(target)}, ${DEFAULT_IMPORT_BATCH} rows a transaction)`;
}

/** Bytes this process has had written to disk (Linux only): on the embedded database, the file and its WAL. */
function writtenBytes(): number | null {
  if (!existsSync('/proc/self/io')) return null;
  const m = /^write_bytes: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
  return m ? Number(m[1]) : null;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const loadBefore = load();
const written0 = writtenBytes();
let peak = process.memoryUsage().rss;
// What the main thread held when the process peaked: tells its heap from the reader thread's
// (capped), the database's page cache and the driver's buffers, which RSS alone lumps together.
let atPeak = process.memoryUsage();
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss > peak) {
    peak = m.rss;
    atPeak = m;
  }
}, 100);
const cpu0 = process.cpuUsage();
const s = await importFile(store, { format: 'ucdp', path: file, actor: 'bench' });
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
const written1 = writtenBytes();
await store.close();
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakMb = Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20;
const diskMb = written0 === null || written1 === null ? null : (written1 - written0) / 2 ** 20;
console.log(
  `${label}, ${code === 'built' ? 'built code' : 'source'}:\n` +
    `  ${s.rows} rows (${s.created} new, ${s.failed} failed) in ${s.seconds.toFixed(1)} s wall = ${Math.round(s.rows / s.seconds)} rows/s\n` +
    `  CPU ${cpuSeconds.toFixed(1)} s (${Math.round(s.rows / cpuSeconds)} rows per CPU-second of this process)\n` +
    `  peak RSS ${peakMb.toFixed(0)} MB (sampled peak ${mb(atPeak.rss)}: main thread's heap ${mb(atPeak.heapUsed)} used of ${mb(atPeak.heapTotal)}, ` +
    `${mb(atPeak.external)} external)` +
    (diskMb === null ? '' : `; ${diskMb.toFixed(0)} MB written to disk by this process`) +
    `\n  load average (1, 5, 15 min) ${loadBefore} before, ${load()} after`,
);
// The target: ≥ 50,000 rows/s embedded, and peak RSS < 500 MB.
const rate = s.rows / s.seconds;
const verdicts = [`peak RSS ${peakMb < 500 ? 'under' : 'OVER'} 500 MB`];
if (kind === 'sqlite') verdicts.unshift(`${rate >= 50_000 ? 'meets' : 'BELOW'} 50,000 rows/s`);
console.log(`  target: ${verdicts.join(', ')}`);
