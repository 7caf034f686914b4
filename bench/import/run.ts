/**
 * Import throughput: the UCDP GED file replicated to 1,000,000 rows (ids made unique), imported
 * into a fresh embedded database, then into PostgreSQL when one is reachable. Prints rows/second
 * and peak memory. Usage: node --import tsx bench/import/run.ts [rows]
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
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

/** Writes `rows` rows: the file's rows over and over, the k-th copy's ids shifted by k × 10^7. */
async function replicate(rows: number): Promise<string> {
  const records: string[][] = [];
  let header: string[] = [];
  for await (const r of createReadStream(UCDP).pipe(parse({ bom: true })) as AsyncIterable<string[]>) {
    if (header.length === 0) header = r;
    else records.push(r);
  }
  const idCol = header.indexOf('id');
  const path = join(dir, `ucdp-${rows}.csv`);
  const out = createWriteStream(path);
  out.write(stringify([header]));
  for (let written = 0, copy = 0; written < rows; copy++) {
    const chunk: string[][] = [];
    for (const r of records) {
      if (written + chunk.length >= rows) break;
      const c = [...r];
      c[idCol] = String(Number(r[idCol]) + copy * 10_000_000);
      chunk.push(c);
    }
    written += chunk.length;
    if (!out.write(stringify(chunk))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return path;
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

const t0 = performance.now();
const file = await replicate(TARGET);
console.log(
  `generated ${TARGET} rows (${(statSync(file).size / 2 ** 20).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const dbFile = join(dir, 'bench.db');
measure([file, 'sqlite', dbFile]);
console.log(`embedded database file: ${(statSync(dbFile).size / 2 ** 20).toFixed(0)} MB (plus its WAL)`);
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
