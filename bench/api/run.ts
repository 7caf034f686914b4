/**
 * API benchmark: N incidents shaped like UCDP GED rows (../shared/data/ucdp-ged-syria-2016-2019.csv,
 * replicated with shifted ids and dates), then p50/p95 latency and requests/s over loopback HTTP for
 * a filtered incident list, stats by month and incident detail, on the embedded database and on
 * PostgreSQL. Prints figures only.
 *
 *   node --import tsx bench/api/run.ts [--rows 1000000] [--requests 400] [--concurrency 4] [--readers N]
 *     [--only sqlite|postgres] [--keep] [--sqlite-path FILE] [--pg-existing URL]
 */
import { fork } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { defaultReaders } from '../../src/cli/commands/serve.js';
import type { JobQueue } from '../../src/jobs/types.js';
import { buildServer } from '../../src/server/app.js';
import { openSqliteStore, type Store } from '../../src/store/database.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import type { LoadJob, LoadResult } from './load.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    // Reader threads on the embedded database, as `vigil serve --readers`.
    readers: { type: 'string', default: String(defaultReaders()) },
    requests: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '4' },
    only: { type: 'string' },
    // Leaves the loaded databases behind (their names are printed) for EXPLAIN; a later run with
    // --sqlite-path reuses the file instead of loading again.
    keep: { type: 'boolean', default: false },
    'sqlite-path': { type: 'string' },
    // A database a --keep run left behind (its URL was printed): measured again without loading.
    'pg-existing': { type: 'string' },
    pg: {
      type: 'string',
      default: process.env.VIGIL_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
  },
});
const ROWS = Number(args.rows);
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const UCDP = join(import.meta.dirname, '../../../shared/data/ucdp-ged-syria-2016-2019.csv');

const COLUMNS = [
  'id',
  'code',
  'status',
  'grading',
  'strike_status',
  'date_from',
  'date_to',
  'date_precision',
  'place_name',
  'place_id',
  'lat',
  'lon',
  'admin1',
  'country',
  'geo_precision',
  'event',
  'target',
  'belligerents',
  'civ_min',
  'civ_max',
  'killed_min',
  'killed_max',
  'injured_min',
  'injured_max',
  'civ_override_reason',
  'range_rule',
  'attribution',
  'external_id',
  'sensitive_coords',
  'assignee',
  'version',
  'created_at',
  'updated_at',
  'deleted_at',
] as const;
type Row = Record<(typeof COLUMNS)[number], string | number | null> & { belligerent: string };

const SIDES: Record<string, string> = {
  'Government of Syria': 'syrian-government',
  'Government of Russia (Soviet Union)': 'russia',
  'Government of United States of America': 'us-led-coalition',
  'Government of Turkey': 'turkey',
  IS: 'isis',
  'Syrian insurgents': 'syrian-opposition',
  SDF: 'sdf',
};
const GRADINGS = ['confirmed', 'fair', 'fair', 'weak', 'weak', 'contested', 'discounted', null];
const STATUSES = ['published', 'published', 'published', 'published', 'in_review', 'new'];
const EVENTS = ['armed_clash', 'air_drone_strike', 'shelling_artillery_missile', 'attack'];

function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** UCDP rows replicated: copy k is shifted back k×4 years plus k days, so dates spread over decades. */
function* generate(n: number): Generator<Row> {
  const src = parse(readFileSync(UCDP), { columns: true }) as Record<string, string>[];
  const now = new Date().toISOString();
  for (let i = 0; i < n; i++) {
    const u = src[i % src.length] as Record<string, string>;
    const k = Math.floor(i / src.length);
    const day = shiftDay(u.date_start ?? '2017-01-01', -(k * 4 * 365 + k));
    const civ = Number(u.deaths_civilians ?? 0);
    const low = Number(u.low ?? 0);
    const high = Number(u.high ?? 0);
    yield {
      id: `i_b${i}`,
      code: `V-${String(i + 1).padStart(7, '0')}`,
      status: STATUSES[i % STATUSES.length] ?? 'new',
      grading: GRADINGS[(i * 7) % GRADINGS.length] ?? null,
      strike_status: null,
      date_from: day,
      date_to: day,
      date_precision: 'day',
      place_name: u.where_coordinates ?? null,
      place_id: null,
      lat: Number(u.latitude) + k * 1e-5,
      lon: Number(u.longitude),
      admin1: u.adm_1 ?? null,
      country: 'SY',
      geo_precision: 'town',
      event: EVENTS[Number(u.type_of_violence ?? 1) % EVENTS.length] ?? null,
      target: null,
      belligerents: JSON.stringify([SIDES[u.side_a ?? ''] ?? 'unknown']),
      belligerent: SIDES[u.side_a ?? ''] ?? 'unknown',
      civ_min: civ,
      civ_max: Math.max(civ, Math.min(high, civ * 2)),
      killed_min: low,
      killed_max: high,
      injured_min: null,
      injured_max: null,
      civ_override_reason: null,
      range_rule: 'envelope',
      attribution: 'UCDP GED 25.1 (replicated for benchmarking)',
      external_id: `bench:${i}`,
      sensitive_coords: i % 20 === 0 ? 1 : 0,
      assignee: null,
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
  }
}

async function loadSqlite(path: string): Promise<number> {
  const t0 = performance.now();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const ins = db.prepare(
    `insert into incidents (${COLUMNS.join(',')}) values (${COLUMNS.map(() => '?').join(',')})`,
  );
  const insB = db.prepare('insert into incident_belligerents values (?, ?, ?, ?)');
  let batch: Row[] = [];
  const flush = db.transaction((rows: Row[]) => {
    for (const r of rows) {
      ins.run(...COLUMNS.map((c) => r[c]));
      insB.run(r.id, r.belligerent, 'known', 'not_assessed');
    }
  });
  for (const r of generate(ROWS)) {
    batch.push(r);
    if (batch.length === 50_000) {
      flush(batch);
      batch = [];
    }
  }
  flush(batch);
  db.exec('analyze');
  db.close();
  return (performance.now() - t0) / 1000;
}

const PG_TYPES: Record<string, string> = {
  lat: 'float8',
  lon: 'float8',
  civ_min: 'int4',
  civ_max: 'int4',
  killed_min: 'int4',
  killed_max: 'int4',
  injured_min: 'int4',
  injured_max: 'int4',
  sensitive_coords: 'int4',
  version: 'int4',
};

async function loadPostgres(url: string): Promise<number> {
  const t0 = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const cols = COLUMNS.map((c, i) => `$${i + 1}::${PG_TYPES[c] ?? 'text'}[]`).join(',');
  const flush = async (rows: Row[]) => {
    if (!rows.length) return;
    await client.query(
      `insert into incidents (${COLUMNS.join(',')}) select * from unnest(${cols})`,
      COLUMNS.map((c) => rows.map((r) => r[c])),
    );
    await client.query(
      `insert into incident_belligerents select i, b, 'known', 'not_assessed' from unnest($1::text[], $2::text[]) as t(i, b)`,
      [rows.map((r) => r.id), rows.map((r) => r.belligerent)],
    );
  };
  let batch: Row[] = [];
  for (const r of generate(ROWS)) {
    batch.push(r);
    if (batch.length === 20_000) {
      await flush(batch);
      batch = [];
    }
  }
  await flush(batch);
  await client.query('vacuum analyze incidents');
  await client.query('vacuum analyze incident_belligerents');
  await client.end();
  return (performance.now() - t0) / 1000;
}

interface Figures {
  p50: number;
  p95: number;
  rps: number;
  errors: number;
  /** The server process's CPU (event loop and reader threads) per request: less sensitive to load than latency. */
  cpuMsPerRequest: number;
}

/** Runs `job` in a load-generator process (bench/api/load.ts) and waits for its figures. */
function runLoad(job: LoadJob): Promise<LoadResult> {
  const child = fork(new URL('./load.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code) reject(new Error(`load generator exited with code ${code}`));
    });
    child.send(job);
  });
}

async function measure(base: string, urls: () => string): Promise<Figures> {
  // Warm-up: connections, statement caches, the readers' first pages.
  await runLoad({
    urls: Array.from({ length: 2 * CONCURRENCY + 5 }, () => base + urls()),
    concurrency: CONCURRENCY,
  });
  const cpu0 = process.cpuUsage();
  const r = await runLoad({
    urls: Array.from({ length: REQUESTS }, () => base + urls()),
    concurrency: CONCURRENCY,
  });
  const cpu = process.cpuUsage(cpu0);
  const lat = r.latenciesMs.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? Number.NaN;
  return {
    p50: q(0.5),
    p95: q(0.95),
    rps: lat.length / r.wallSeconds,
    errors: r.errors,
    cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / lat.length,
  };
}

const noJobs: JobQueue = {
  enqueue: () => Promise.reject(new Error('no jobs in the benchmark')),
  get: async () => null,
  waitFor: async () => null,
  close: async () => {},
};

async function bench(name: string, store: Store): Promise<void> {
  const app = await buildServer({
    store,
    jobs: noJobs,
    limits: { publicPerMinute: 1e9, userPerMinute: 1e9 },
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  // The server builds the landing map's points once it is up (seconds of work at a million rows);
  // asking for them waits for that, so the scenarios measure a server at rest, not its start-up.
  const t0 = performance.now();
  await (await fetch(`${base}/api/map/points`)).arrayBuffer();
  console.log(
    `${name.padEnd(10)} landing map points ready ${((performance.now() - t0) / 1000).toFixed(1)} s after start`,
  );
  const rnd = (n: number) => Math.floor(Math.random() * n);
  const scenarios: [string, () => string][] = [
    [
      'list: published, SY, fair+confirmed, one year, 50/page',
      () => {
        const y = 2016 - rnd(200);
        return `/api/incidents?country=SY&grading=fair,confirmed&from=${y}-01-01&to=${y}-12-31&limit=50`;
      },
    ],
    ['list: published, newest first, 50/page', () => '/api/incidents?sort=-date&limit=50'],
    [
      'stats by month: one year (default gradings)',
      () => {
        const y = 2019 - rnd(200);
        return `/api/stats?by=month&from=${y}-01-01&to=${y}-12-31`;
      },
    ],
    [
      'stats by month: one decade',
      () => {
        const y = 2010 - 10 * rnd(20);
        return `/api/stats?by=month&from=${y}-01-01&to=${y + 9}-12-31`;
      },
    ],
    [
      'detail: a published incident',
      () => `/api/incidents/V-${String(1 + 6 * rnd(ROWS / 6)).padStart(7, '0')}`,
    ],
  ];
  for (const [label, urls] of scenarios) {
    const f = await measure(base, urls);
    console.log(
      `${name.padEnd(10)} ${label.padEnd(52)} p50 ${f.p50.toFixed(1).padStart(7)} ms  p95 ${f.p95.toFixed(1).padStart(7)} ms  ${f.rps.toFixed(0).padStart(6)} req/s  cpu ${f.cpuMsPerRequest.toFixed(1).padStart(5)} ms/req${f.errors ? `  (${f.errors} non-200)` : ''}`,
    );
  }
  await app.close();
}

console.log(
  `${ROWS} incidents; ${REQUESTS} requests per scenario, ${CONCURRENCY} at a time from a separate process, loopback HTTP; ${args.readers} SQLite reader thread(s)`,
);
if (args.only !== 'postgres') {
  const path = args['sqlite-path'] ?? join(tmpdir(), `vigil-bench-${process.pid}.db`);
  const store = await openSqliteStore(path);
  await store.close();
  if (!args['sqlite-path']) {
    const s = await loadSqlite(path);
    console.log(`sqlite     loaded in ${s.toFixed(1)} s${args.keep ? ` (kept: ${path})` : ''}`);
  }
  const reopened = await openSqliteStore(path, { readers: Number(args.readers) });
  await bench('sqlite', reopened);
  await reopened.close();
  if (!args.keep && !args['sqlite-path'])
    for (const ext of ['', '-wal', '-shm']) rmSync(path + ext, { force: true });
}
if (args.only !== 'sqlite' && args['pg-existing']) {
  const store = await openPostgresStore(args['pg-existing']);
  await bench('postgres', store);
  await store.close();
} else if (args.only !== 'sqlite') {
  const admin = new pg.Client({ connectionString: args.pg });
  await admin.connect();
  const name = `vigil_bench_${process.pid}`;
  await admin.query(`create database ${name}`);
  const url = new URL(args.pg);
  url.pathname = `/${name}`;
  try {
    const store = await openPostgresStore(url.toString());
    const s = await loadPostgres(url.toString());
    console.log(`postgres   loaded in ${s.toFixed(1)} s`);
    await bench('postgres', store);
    await store.close();
  } finally {
    if (args.keep) console.log(`postgres   kept: ${url}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
