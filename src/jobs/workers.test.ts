import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { cliArgs, REPO_ROOT } from '../../test/support/cli.js';
import { PG_SKIP_MESSAGE, postgresReachable, scratchPostgresUrl } from '../../test/support/postgres.js';
import type { Store } from '../store/database.js';
import { openPostgresStore } from '../store/postgres.js';
import { PgJobQueue } from './pg-queue.js';
import { toReportPayload } from './report-payload.js';

const JOBS = 40;

function startWorker(url: string): ChildProcess {
  return spawn(
    process.execPath,
    cliArgs(['--database', url, 'worker', '--concurrency', '2'], { typescript: true }),
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        VIGIL_EXTRACTOR: join(REPO_ROOT, 'test/support/slow-extractor.ts'),
        VIGIL_TEST_EXTRACT_MS: '150',
        VIGIL_JOB_EXPIRE_SECONDS: '3',
        VIGIL_JOB_MAINTENANCE_SECONDS: '1',
      },
    },
  );
}

test('three worker processes on one queue: every job done exactly once, and a SIGKILLed worker loses nothing', async (t) => {
  if (!(await postgresReachable())) return t.skip(PG_SKIP_MESSAGE);
  const url = await scratchPostgresUrl(t);
  const store = await openPostgresStore(url, { poolSize: 4 });
  const queue = await PgJobQueue.open(store, url, { expireInSeconds: 3, maintenanceIntervalSeconds: 1 });
  const workers: ChildProcess[] = [];
  try {
    await run(store, queue, url, workers);
  } finally {
    // Before the database is dropped (the after hook): workers, then the queue, then the store.
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
    await Promise.all(
      workers.map((w) => (w.exitCode === null && w.signalCode === null ? once(w, 'exit') : null)),
    );
    await queue.close();
    await store.close();
  }
});

async function run(store: Store, queue: PgJobQueue, url: string, workers: ChildProcess[]): Promise<void> {
  const ids: string[] = [];
  for (let i = 0; i < JOBS; i++) {
    const text = `report ${i}: CLAIM 2017-0${1 + (i % 9)}-1${i % 10} ${(30 + i / 10).toFixed(2)} ${(40 + i / 7).toFixed(2)} ${i}`;
    const job = await queue.enqueue(
      'ingest',
      toReportPayload({
        bytes: Buffer.from(text),
        origin: `test:${i}`,
        externalId: null,
        url: null,
        title: null,
        published: '2017-10-01',
        language: 'en',
        source: { name: 'Wire', kind: 'news' },
        text,
        mediaType: 'text/plain',
      }),
      'test',
    );
    ids.push(job.id);
  }

  workers.push(startWorker(url), startWorker(url), startWorker(url));
  const exited = workers.map((w) => new Promise((resolve) => w.once('exit', resolve)));
  const stderr = workers.map((w) => {
    let s = '';
    w.stderr?.on('data', (d) => {
      s += d;
    });
    return () => s;
  });

  // Kill the first worker while it holds a job.
  const victim = workers[0] as ChildProcess;
  let held: string[] = [];
  for (let i = 0; i < 1500 && held.length === 0; i++) {
    await sleep(20);
    held = (
      await store.db
        .selectFrom('jobs')
        .select('id')
        .where('state', '=', 'running')
        .where('worker', 'like', `%:${victim.pid}:%`)
        .execute()
    ).map((r) => r.id);
  }
  assert.ok(held.length > 0, `the first worker never took a job: ${stderr[0]?.()}`);
  victim.kill('SIGKILL');
  await exited[0];

  let states: { state: string; n: number }[] = [];
  for (let i = 0; i < 600; i++) {
    states = (
      await store.db
        .selectFrom('jobs')
        .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('state')
        .execute()
    ).map((r) => ({ state: r.state, n: Number(r.n) }));
    if (states.length === 1 && states[0]?.state === 'done') break;
    await sleep(100);
  }
  assert.deepEqual(states, [{ state: 'done', n: JOBS }], `${stderr[1]?.()}${stderr[2]?.()}`);

  const count = async (table: 'reports' | 'claims') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  assert.equal(await count('reports'), JOBS, 'each report stored once');
  assert.equal(await count('claims'), JOBS, 'each claim stored once');
  const ingested = await store.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'report.ingested')
    .executeTakeFirstOrThrow();
  assert.equal(Number(ingested.n), JOBS, 'each ingestion happened once');

  const rows = await store.db.selectFrom('jobs').select(['id', 'attempts', 'result', 'worker']).execute();
  const results = rows.map((r) => JSON.parse(r.result ?? 'null') as { status: string; reportId: string });
  assert.equal(new Set(results.map((r) => r.reportId)).size, JOBS, 'every job produced its own report');
  for (const id of held) {
    const row = rows.find((r) => r.id === id);
    assert.ok(row && Number(row.attempts) >= 2, `job ${id} held by the killed worker was run again`);
    assert.ok(!row.worker?.includes(`:${victim.pid}:`), `job ${id} was finished by another worker`);
  }
  const survivors = new Set(rows.map((r) => r.worker?.split(':')[1]));
  assert.ok(survivors.size >= 2, 'the two remaining workers shared the work');
}
