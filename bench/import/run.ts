/**
 * Import throughput: the UCDP GED file replicated to 1,000,000 rows (ids made unique), imported
 * into a fresh embedded database, then into PostgreSQL when one is reachable. Prints rows/second
 * and peak memory against the target (≥ 50,000 rows/s embedded, peak RSS < 500 MB), with the load
 * average, since other work on the machine changes the figures.
 * Usage: node --import tsx bench/import/run.ts [rows]
 * (VIGIL_BENCH_CSV=path also keeps the generated file there.)
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import pg from 'pg';

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
 * Writes `rows` rows: the file's rows over and over, the k-th copy's ids shifted by k × 10^7.
 * Each source record is kept as its raw text split around the id cell, so a copy is one string
 * template per row (re-serialising every row with csv-stringify took minutes at a million rows).
 */
async function replicate(rows: number): Promise<string> {
  const records: { before: string; id: number; after: string }[] = [];
  let header = '';
  let idCol = -1;
  for await (const { record, raw } of createReadStream(UCDP).pipe(
    parse({ bom: true, raw: true, skip_empty_lines: true }),
  ) as AsyncIterable<{ record: string[]; raw: string }>) {
    const line = raw.replace(/\r?\n$/, '');
    if (idCol < 0) {
      header = line;
      idCol = record.indexOf('id');
      continue;
    }
    const id = record[idCol] ?? '';
    // The id is an unquoted number, so its cell is found by counting the unquoted cells before it.
    const start = idCol === 0 ? 0 : cellStart(line, idCol);
    if (!/^\d+$/.test(id) || line.slice(start, start + id.length) !== id)
      throw new Error(`cannot locate the id cell in: ${line.slice(0, 80)}`);
    records.push({ before: line.slice(0, start), id: Number(id), after: line.slice(start + id.length) });
  }
  // VIGIL_BENCH_CSV keeps the generated file (outside the scratch dir) for profiling runs.
  const path = process.env.VIGIL_BENCH_CSV ?? join(dir, `ucdp-${rows}.csv`);
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  let chunk = '';
  for (let written = 0, copy = 0; written < rows; copy++) {
    for (const r of records) {
      if (written >= rows) break;
      chunk += `${r.before}${r.id + copy * 10_000_000}${r.after}\n`;
      written++;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return path;
}

/** Offset of the n-th cell (0-based) of a CSV line, honouring quoted cells. */
function cellStart(line: string, n: number): number {
  let cell = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted && ++cell === n) return i + 1;
  }
  return -1;
}

/** Runs one import in a child process and passes its report through. */
function measure(args: string[]): void {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'import', 'measure.ts'), ...args],
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
    '  each import runs in its own process into a fresh database; rows/s = rows ÷ wall seconds of the whole\n' +
    "  import (read, split, map, write, commits); peak RSS = that process's maximum resident memory\n" +
    `  target: ≥ ${TARGET_ROWS_PER_SECOND} rows/s embedded, peak RSS < ${TARGET_PEAK_MB} MB\n` +
    `  machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);
const t0 = performance.now();
const file = await replicate(TARGET);
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
