/**
 * Import throughput: the UCDP GED file replicated to 1,000,000 rows (ids made unique), imported
 * into a fresh embedded database, then into PostgreSQL when one is reachable. Prints rows/second
 * and peak memory against the target (≥ 50,000 rows/s embedded, peak RSS < 500 MB), with the load
 * average, since other work on the machine changes the figures.
 * Usage: node --import tsx bench/import/run.ts [rows]
 * (VIGIL_BENCH_CSV=path also keeps the generated file there.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { replicate } from './replicate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const UCDP = join(ROOT, '..', 'shared', 'data', 'ucdp-ged-syria-2016-2019.csv');
const TARGET = Number(process.argv[2] ?? 1_000_000);
const PG_ADMIN =
  process.env.VIGIL_BENCH_PG ?? process.env.VIGIL_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

if (!existsSync(UCDP)) {
  console.log(`UCDP file not found at ${UCDP}; nothing to measure`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-import-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/**
 * The code measured is the built code (dist/), which the `vigil` command runs, compiled first from
 * this tree's source so the two agree; from source (through tsx, whose transform adds a little
 * to every call of an inner function) only where compiling fails.
 */
function buildFromSource(): boolean {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status === 0) return true;
  console.log(
    `compiling dist/ failed (exit ${r.status}); measuring the source instead: ${`${r.stdout}${r.stderr}`.trim().split('\n').slice(0, 3).join(' ')}`,
  );
  return false;
}
const code = buildFromSource() ? 'built' : 'source';

/** Runs one import in a child process and passes its report through. */
function measure(args: string[]): void {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'import', 'measure.ts'), code, ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  process.stdout.write(r.stdout);
  if (r.status !== 0)
    console.log(`measurement failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
}

const TARGET_ROWS_PER_SECOND = 50_000;
const TARGET_PEAK_MB = 500;

console.log(
  `Import bench: ${UCDP} replicated to ${TARGET} rows, imported with \`vigil import --format ucdp\`'s code path\n` +
    '  (the built code in dist/, as the vigil command runs it, compiled from this tree first)\n' +
    '  each import runs in its own process into a fresh database; rows/s = rows ÷ wall seconds of the whole\n' +
    "  import (read, split, map, write, commits); peak RSS = that process's maximum resident memory\n" +
    `  target: ≥ ${TARGET_ROWS_PER_SECOND} rows/s embedded, peak RSS < ${TARGET_PEAK_MB} MB\n` +
    `  machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);
const t0 = performance.now();
// VIGIL_BENCH_CSV keeps the generated file (outside the scratch dir) for profiling runs.
const file = await replicate(UCDP, TARGET, process.env.VIGIL_BENCH_CSV ?? join(dir, `ucdp-${TARGET}.csv`));
console.log(
  `generated ${TARGET} rows (${(statSync(file).size / 2 ** 20).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const dbFile = join(dir, 'bench.db');
measure([file, 'sqlite', dbFile]);
if (existsSync(dbFile)) console.log(`  database file: ${(statSync(dbFile).size / 2 ** 20).toFixed(0)} MB`);
rmSync(dbFile, { force: true });

const postgres = existsSync(join(ROOT, 'src', 'store', 'postgres.ts'));
if (!postgres) console.log('PostgreSQL skipped: no PostgreSQL store (src/store/postgres.ts) in this tree');
else {
  const name = `vigil_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 3000 });
  admin.on('error', () => {});
  let reachable = true;
  try {
    await admin.connect();
  } catch (err) {
    reachable = false;
    console.log(
      `PostgreSQL skipped: not reachable at ${PG_ADMIN.replace(/:[^:@/]*@/, ':***@')} (${(err as Error).message}); set VIGIL_BENCH_PG`,
    );
  }
  if (reachable) {
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(PG_ADMIN);
      url.pathname = `/${name}`;
      measure([file, 'postgres', url.toString()]);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}
