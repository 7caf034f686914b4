/**
 * One measured import, in its own process so its peak memory is its own:
 * node --import tsx bench/import/measure.ts FILE sqlite DBFILE | postgres URL
 */
import { importFile } from '../../src/services/import.js';
import { openSqliteStore, type Store } from '../../src/store/database.js';

const [file, kind, target] = process.argv.slice(2);
if (!file || !target || (kind !== 'sqlite' && kind !== 'postgres')) {
  console.error('usage: measure.ts FILE sqlite DBFILE | postgres URL');
  process.exit(2);
}
let store: Store;
let label: string;
if (kind === 'sqlite') {
  store = await openSqliteStore(target);
  label = 'embedded (SQLite)';
} else {
  const { openPostgresStore, redactUrl } = await import('../../src/store/postgres.js');
  store = await openPostgresStore(target, { poolSize: 2 });
  label = `PostgreSQL (${redactUrl(target)})`;
}
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 100);
const cpu0 = process.cpuUsage();
const s = await importFile(store, { format: 'ucdp', path: file, actor: 'bench' });
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
await store.close();
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `${label}: ${s.rows} rows (${s.created} new, ${s.failed} failed) in ${s.seconds.toFixed(1)} s wall = ` +
    `${Math.round(s.rows / s.seconds)} rows/s; CPU ${cpuSeconds.toFixed(1)} s (${Math.round(s.rows / cpuSeconds)} rows per CPU-second); ` +
    `peak RSS ${(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(0)} MB`,
);
