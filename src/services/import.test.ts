import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { REPO_ROOT } from '../../test/support/cli.js';
import { scratchDir, scratchStore } from '../../test/support/fixtures.js';
import { PG_SKIP_MESSAGE, postgresReachable, scratchPostgresStore } from '../../test/support/postgres.js';
import { InputError } from '../ingest/errors.js';
import { readPackedImportBatches } from '../ingest/import-reader.js';
import { shownAttribution } from '../ingest/importers/attribution.js';
import { decodeRecord } from '../ingest/importers/record-codec.js';
import { UCDP_ATTRIBUTION } from '../ingest/importers/types.js';
import { UCDP_KEPT } from '../ingest/importers/ucdp.js';
import { verifyAudit } from '../store/audit.js';
import { deferIncidentIndexes } from '../store/deferred-indexes.js';
import { type EncodedImport, legacyImportDigest, unpackImports } from '../store/import-rows.js';
import { importFile } from './import.js';
import { getIncident } from './incidents.js';
import { statsBy } from './stats.js';

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'ucdp-ged-syria-sample.csv');

type Row = Record<string, string>;
const fixtureRows = (): Row[] => parse(readFileSync(FIXTURE), { columns: true, bom: true }) as Row[];

/** Per-year plain sums straight from the CSV: what the imported figures must equal. */
function sumsByYear(rows: Row[]): Map<string, { n: number; low: number; high: number; civ: number }> {
  const out = new Map<string, { n: number; low: number; high: number; civ: number }>();
  for (const r of rows) {
    const y = (r.date_start ?? '').slice(0, 4);
    const s = out.get(y) ?? { n: 0, low: 0, high: 0, civ: 0 };
    s.n++;
    s.low += Number(r.low);
    s.high += Number(r.high);
    s.civ += Number(r.deaths_civilians);
    out.set(y, s);
  }
  return out;
}

test('UCDP import: totals by year are the plain sums of low, high and deaths_civilians', async (t) => {
  const store = await scratchStore(t);
  const rows = fixtureRows();
  const summary = await importFile(store, { format: 'ucdp', path: FIXTURE, actor: 'test', batchSize: 50 });
  assert.equal(summary.rows, rows.length);
  assert.equal(summary.created, rows.length);
  assert.equal(summary.failed, 0);
  const inverted = rows.filter((r) => Number(r.low) > Number(r.high)).length;
  assert.ok(inverted > 0, 'the fixture keeps some rows UCDP coded with low above high');
  assert.equal(summary.warnings.filter((w) => w.field === 'low').length, inverted);

  const expected = sumsByYear(rows);
  const stats = await statsBy(store.db, 'year', { grading: 'all' });
  assert.deepEqual(
    stats.map((s) => s.key),
    [...expected.keys()].sort(),
  );
  for (const s of stats) {
    const e = expected.get(s.key);
    assert.ok(e);
    assert.equal(s.incidents, e.n);
    assert.deepEqual(s.killed, { min: e.low, max: e.high, unreported: 0 });
    assert.deepEqual(s.civilians_killed, { min: e.civ, max: e.civ, unreported: 0 });
  }
  // Ungraded: the CLI's default figures (fair, confirmed) leave them out; "ungraded" finds them all.
  assert.deepEqual(await statsBy(store.db, 'year', { grading: ['fair', 'confirmed'] }), []);
  const ungraded = await statsBy(store.db, 'year', { grading: ['ungraded'] });
  assert.equal(
    ungraded.reduce((n, s) => n + s.incidents, 0),
    rows.length,
  );
});

test('UCDP import keeps best, sources, actors and attribution with every row; a re-import is a no-op', async (t) => {
  const store = await scratchStore(t);
  const rows = fixtureRows();
  await importFile(store, { format: 'ucdp', path: FIXTURE, actor: 'test' });
  const first = rows[0] as Row;
  const inc = await store.db
    .selectFrom('incidents')
    .innerJoin('incident_imports as imp', 'imp.incident_id', 'incidents.id')
    .selectAll('incidents')
    .select(['imp.killed_best', 'imp.record'])
    .where('external_id', '=', `ucdp:${first.id}`)
    .executeTakeFirstOrThrow();
  assert.equal(inc.code, `UCDP-${first.id}`);
  assert.equal(Number(inc.killed_best), Number(first.best));
  assert.equal(inc.grading, null);
  assert.equal(inc.country, 'SY');
  // Stored by position in the importer's record columns, and read back by name.
  assert.ok(inc.record.startsWith('['), inc.record);
  assert.equal(decodeRecord(UCDP_KEPT, inc.record).side_a, first.side_a);

  // Every row credits UCDP: stored as a reference to the dataset's text, shown as the text.
  const credits = await store.db.selectFrom('incidents').select('attribution').distinct().execute();
  assert.deepEqual(
    credits.map((c) => shownAttribution(c.attribution)),
    [UCDP_ATTRIBUTION],
  );
  assert.ok((credits[0]?.attribution?.length ?? 0) < 20, 'the credit is not repeated in full on every row');
  assert.equal((await getIncident(store.db, inc.id)).incident.attribution, UCDP_ATTRIBUTION);

  // A row citing several sources keeps each, with its date and headline.
  const multi = rows.find((r) => (r.source_article ?? '').includes('";"')) as Row;
  assert.ok(multi, 'the fixture has a row with several sources');
  const cited = await store.db
    .selectFrom('incident_sources as s')
    .innerJoin('sources', 'sources.id', 's.source_id')
    .select(['sources.name', 's.published', 's.title'])
    .where('s.incident_id', '=', (await idOf(store, `ucdp:${multi.id}`)) as string)
    .orderBy('s.ordinal')
    .execute();
  assert.equal(cited.length, (multi.source_article ?? '').split('";"').length);
  assert.equal(cited[0]?.name, (multi.source_office ?? '').split(';')[0]);

  const govt = rows.find((r) => r.side_a === 'Government of Syria') as Row;
  const bell = await store.db
    .selectFrom('incident_belligerents')
    .select('belligerent')
    .where('incident_id', '=', (await idOf(store, `ucdp:${govt.id}`)) as string)
    .execute();
  assert.ok(bell.some((b) => b.belligerent === 'syrian-government'));

  const before = await verifyAudit(store.db);
  const again = await importFile(store, { format: 'ucdp', path: FIXTURE, actor: 'test' });
  assert.equal(again.created, 0);
  assert.equal(again.updated, 0);
  assert.equal(again.unchanged, rows.length);
  const after = await verifyAudit(store.db);
  assert.equal(
    after.entries,
    before.entries,
    'an unchanged re-import writes nothing, not even an audit entry',
  );
  assert.deepEqual(after.problems, []);
});

async function idOf(store: Awaited<ReturnType<typeof scratchStore>>, externalId: string) {
  const r = await store.db
    .selectFrom('incidents')
    .select('id')
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return r?.id;
}

test('a changed row updates its incident; bad rows are reported with line and column, the rest import', async (t) => {
  const store = await scratchStore(t);
  const dir = scratchDir(t);
  const lines = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
  const header = (lines[0] as string).split(',');
  const lowCol = header.indexOf('low') + 1;
  const small = lines.slice(0, 6);
  const path = join(dir, 'ucdp.csv');
  writeFileSync(path, `${small.join('\n')}\n`);
  await importFile(store, { format: 'ucdp', path, actor: 'test' });

  // Row 3 gets a bad `low`, row 4 an impossible date, row 5 a new `high`.
  const edit = (line: string, col: string, value: string) => {
    const cells = parse(line)[0] as string[];
    cells[header.indexOf(col)] = value;
    return cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
  };
  const rows = fixtureRows().slice(0, 5);
  const edited = [
    small[0],
    small[1],
    edit(small[2] as string, 'low', 'many'),
    edit(small[3] as string, 'date_start', '2017-02-30'),
    edit(small[4] as string, 'high', String(Number(rows[3]?.high) + 10)),
    small[5],
  ];
  writeFileSync(path, `${edited.join('\n')}\n`);
  const s = await importFile(store, { format: 'ucdp', path, actor: 'test' });
  assert.equal(s.failed, 2);
  assert.equal(s.updated, 1);
  assert.equal(s.unchanged, 2);
  assert.equal(s.errors[0]?.line, 3);
  assert.equal(s.errors[0]?.field, `low, column ${lowCol}`);
  assert.match(s.errors[0]?.where ?? '', /ucdp\.csv:3 \(low, column \d+\)/);
  assert.equal(s.errors[1]?.line, 4);
  assert.match(s.errors[1]?.message ?? '', /real date/);
  const updated = await store.db
    .selectFrom('incidents')
    .select(['killed_max', 'version'])
    .where('external_id', '=', `ucdp:${rows[3]?.id}`)
    .executeTakeFirstOrThrow();
  assert.equal(Number(updated.killed_max), Number(rows[3]?.high) + 10);
  assert.equal(Number(updated.version), 2);
});

test('rows an earlier version imported, with its form of digest, are unchanged on re-import; a changed one is updated', async (t) => {
  const store = await scratchStore(t);
  const dir = scratchDir(t);
  const lines = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
  const path = join(dir, 'ucdp.csv');
  writeFileSync(path, `${lines.slice(0, 6).join('\n')}\n`);
  await importFile(store, { format: 'ucdp', path, actor: 'test' });

  // As an earlier version left them: each row's digest of the form before.
  const read: EncodedImport[] = [];
  for await (const b of readPackedImportBatches({ format: 'ucdp', path, batchSize: 100 }))
    read.push(...unpackImports(b.rows));
  assert.equal(read.length, 5);
  for (const row of read)
    await sql`update incident_imports set record_hash = ${legacyImportDigest(row)}
               where incident_id = (select id from incidents where external_id = ${row.externalId})`.execute(
      store.db,
    );
  const hashes = async () =>
    (await store.db.selectFrom('incident_imports').select('record_hash').execute()).map((r) => r.record_hash);
  assert.ok((await hashes()).every((h) => !h.startsWith('2:')));

  const again = await importFile(store, { format: 'ucdp', path, actor: 'test' });
  assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 5]);

  const header = (lines[0] as string).split(',');
  const cells = parse(lines[2] as string)[0] as string[];
  cells[header.indexOf('high')] = String(Number(cells[header.indexOf('high')]) + 10);
  const edited = cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
  writeFileSync(path, `${[...lines.slice(0, 2), edited, ...lines.slice(3, 6)].join('\n')}\n`);
  const changed = await importFile(store, { format: 'ucdp', path, actor: 'test' });
  assert.deepEqual([changed.created, changed.updated, changed.unchanged], [0, 1, 4]);
  assert.equal(
    (await hashes()).filter((h) => h.startsWith('2:')).length,
    1,
    'the updated row has the new digest',
  );
});

test("batches joined from the reader thread's smaller posts keep each row's line", async (t) => {
  const store = await scratchStore(t);
  const dir = scratchDir(t);
  const [head, ...rest] = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
  const header = parse(head as string)[0] as string[];
  // Rows on one line each, so a row's line is its place in the file.
  const whole = (line: string) => {
    try {
      return (parse(line)[0] as string[] | undefined)?.length === header.length;
    } catch {
      return false;
    }
  };
  const single = rest.filter(whole);
  const rows = single.slice(0, 300);
  assert.equal(rows.length, 300);
  const cells = parse(rows[279] as string)[0] as string[];
  cells[header.indexOf('low')] = 'many';
  rows[279] = cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
  // The first row again, last: refused as a repeat within its batch.
  rows.push(rows[0] as string);
  const path = join(dir, 'ucdp.csv');
  writeFileSync(path, `${[head, ...rows].join('\n')}\n`);
  // One batch of 1,000 rows: the reader posts them in parts, joined again before writing.
  const s = await importFile(store, { format: 'ucdp', path, actor: 'test', batchSize: 1000 });
  assert.equal(s.rows, 301);
  assert.equal(s.created, 299);
  assert.equal(s.failed, 2);
  assert.deepEqual(
    s.errors.map((e) => e.line),
    [281, 302],
  );
  assert.match(s.errors[0]?.field ?? '', /^low/);
  assert.match(s.errors[1]?.message ?? '', /appears twice in one batch/);
});

test('a row whose code another incident holds is refused with its line; the rest import', async (t) => {
  const store = await scratchStore(t);
  const dir = scratchDir(t);
  const [head, ...rest] = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
  const rows = rest.slice(0, 5);
  const id = (parse(rows[1] as string)[0] as string[])[0];
  // An incident entered by hand that took the code the dataset's second row would get.
  await store.db
    .insertInto('incidents')
    .values({
      id: 'i_by_hand',
      code: `UCDP-${id}`,
      status: 'draft',
      range_rule: 'lowest-min-to-highest-max',
      belligerents: '[]',
      sensitive_coords: 0,
      version: 1,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    })
    .execute();
  const path = join(dir, 'ucdp.csv');
  writeFileSync(path, `${[head, ...rows].join('\n')}\n`);
  const s = await importFile(store, { format: 'ucdp', path, actor: 'test' });
  assert.equal(s.created, 4);
  assert.equal(s.failed, 1);
  assert.equal(s.errors[0]?.line, 3);
  assert.match(s.errors[0]?.message ?? '', new RegExp(`code UCDP-${id} is already used by another incident`));
});

test('a cell holding U+0000 is a row error with its place; the other rows import', async (t) => {
  const store = await scratchStore(t);
  const lines = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
  const header = parse(lines[0] as string)[0] as string[];
  const cells = parse(lines[3] as string)[0] as string[];
  const col = header.indexOf('where_coordinates');
  cells[col] = 'Tall\u0000Rifaat';
  const damaged = cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
  const path = join(scratchDir(t), 'ucdp.csv');
  writeFileSync(path, `${[...lines.slice(0, 3), damaged, ...lines.slice(4, 8)].join('\n')}\n`);
  const s = await importFile(store, { format: 'ucdp', path, actor: 'test' });
  assert.equal(s.created, 6);
  assert.equal(s.failed, 1);
  assert.equal(s.errors[0]?.where, `${path}:4 (where_coordinates, column ${col + 1})`);
  assert.match(s.errors[0]?.message ?? '', /NUL character/);
});

test('a file without the format’s columns is refused before anything is written', async (t) => {
  const store = await scratchStore(t);
  const dir = scratchDir(t);
  const path = join(dir, 'acled.csv');
  writeFileSync(path, 'event_id_cnty,event_date\nSYR1,2017-03-01\n');
  await assert.rejects(
    importFile(store, { format: 'ucdp', path, actor: 'test' }),
    (err: unknown) =>
      err instanceof InputError && err.line === 1 && /missing columns id, side_a/.test(err.message),
  );
  const n = await store.db
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(n.n), 0);
});

test('on PostgreSQL the same import gives the same figures, and a re-import is a no-op', async (t) => {
  if (!(await postgresReachable())) return t.skip(PG_SKIP_MESSAGE);
  const store = await scratchPostgresStore(t);
  const rows = fixtureRows();
  const indexes = async () =>
    (
      await sql<{ indexdef: string }>`
        select indexdef from pg_indexes where tablename = 'incidents' and schemaname = current_schema()
         order by indexname`.execute(store.db)
    ).rows.map((r) => r.indexdef);
  const before = await indexes();
  // Every row counting as "large": the non-unique incidents indexes are dropped and rebuilt at the end.
  const s = await importFile(store, {
    format: 'ucdp',
    path: FIXTURE,
    actor: 'test',
    batchSize: 100,
    deferIndexesFrom: 1,
  });
  assert.equal(s.created, rows.length);
  assert.deepEqual(await indexes(), before);
  assert.deepEqual(
    await store.db.selectFrom('meta').select('key').where('key', 'like', 'import.%').execute(),
    [],
  );
  const expected = sumsByYear(rows);
  for (const y of await statsBy(store.db, 'year', { grading: 'all' })) {
    const e = expected.get(y.key);
    assert.ok(e);
    assert.deepEqual(
      [y.incidents, y.killed, y.civilians_killed],
      [e.n, { min: e.low, max: e.high, unreported: 0 }, { min: e.civ, max: e.civ, unreported: 0 }],
    );
  }
  const again = await importFile(store, { format: 'ucdp', path: FIXTURE, actor: 'test' });
  assert.equal(again.unchanged, rows.length);
});

test('on PostgreSQL rows go in by COPY and read back as the embedded database keeps them, tabs, newlines and backslashes included', async (t) => {
  if (!(await postgresReachable())) return t.skip(PG_SKIP_MESSAGE);
  const dir = scratchDir(t);
  const lines = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
  const header = parse(lines[0] as string)[0] as string[];
  // COPY's text format escapes these; a literal "\N" must stay text, not become NULL.
  const awkward = 'Tall\tRifaat \\ "north"\nof Aleppo \\N';
  const cells = parse(lines[1] as string)[0] as string[];
  cells[header.indexOf('where_coordinates')] = awkward;
  cells[header.indexOf('where_description')] = awkward;
  const edited = cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
  const path = join(dir, 'ucdp.csv');
  writeFileSync(path, `${[lines[0], edited, ...lines.slice(2, 40)].join('\n')}\n`);

  const snapshot = async (store: Awaited<ReturnType<typeof scratchStore>>) => {
    const incidents = await store.db
      .selectFrom('incidents')
      .select([
        'code',
        'place_name',
        'lat',
        'lon',
        'date_from',
        'civ_min',
        'killed_max',
        'belligerents',
        'attribution',
      ])
      .orderBy('code')
      .execute();
    const sources = await store.db
      .selectFrom('incident_sources as s')
      .innerJoin('incidents as i', 'i.id', 's.incident_id')
      .select(['i.code', 's.ordinal', 's.source_id', 's.published', 's.title', 's.url'])
      .orderBy('i.code')
      .orderBy('s.ordinal')
      .execute();
    const imports = await store.db
      .selectFrom('incident_imports as m')
      .innerJoin('incidents as i', 'i.id', 'm.incident_id')
      .select(['i.code', 'm.dataset_id', 'm.killed_best', 'm.record', 'm.record_hash'])
      .orderBy('i.code')
      .execute();
    const belligerents = await store.db
      .selectFrom('incident_belligerents as b')
      .innerJoin('incidents as i', 'i.id', 'b.incident_id')
      .select(['i.code', 'b.belligerent', 'b.role'])
      .orderBy('i.code')
      .orderBy('b.belligerent')
      .execute();
    // PostgreSQL returns numbers of some types as strings: compare values, not their JS types.
    return JSON.parse(
      JSON.stringify({ incidents, sources, imports, belligerents }, (_k, v) =>
        typeof v === 'number' ? String(v) : v,
      ),
    );
  };

  const embedded = await scratchStore(t);
  await importFile(embedded, { format: 'ucdp', path, actor: 'test' });
  const pg = await scratchPostgresStore(t);
  assert.ok(pg.pgPool, 'a PostgreSQL store lends its pool for COPY');
  const s = await importFile(pg, { format: 'ucdp', path, actor: 'test' });
  assert.equal(s.created, 39);
  assert.equal(s.failed, 0);
  const [want, got] = [await snapshot(embedded), await snapshot(pg)];
  assert.deepEqual(got, want);
  assert.ok(
    got.incidents.some((i: { place_name: string }) => i.place_name === awkward),
    'the awkward place name survives as written',
  );
  const again = await importFile(pg, { format: 'ucdp', path, actor: 'test' });
  assert.equal(again.unchanged, 39);
});

test('a large embedded import rebuilds the incidents indexes at its end; one an interrupted import left dropped is rebuilt by the next', async (t) => {
  const store = await scratchStore(t);
  const sqlite = store.sqlite;
  assert.ok(sqlite);
  const indexes = () =>
    sqlite
      .prepare("select name from sqlite_schema where type = 'index' and tbl_name = 'incidents' order by name")
      .pluck()
      .all() as string[];
  const before = indexes();
  assert.ok(before.includes('incidents_page_status_date'));

  // As an import killed after its first commit leaves the store: indexes dropped, noted in meta.
  deferIncidentIndexes(sqlite);
  assert.ok(!indexes().includes('incidents_page_status_date'));
  assert.ok(
    indexes().includes('incidents_external'),
    'unique indexes stay: the import looks rows up by them',
  );

  // The next import rebuilds them first, then (every row counting as "large") drops and rebuilds them again.
  const rows = fixtureRows();
  const s = await importFile(store, { format: 'ucdp', path: FIXTURE, actor: 'test', deferIndexesFrom: 1 });
  assert.equal(s.created, rows.length);
  assert.deepEqual(indexes(), before);
  const note = await store.db.selectFrom('meta').select('key').where('key', 'like', 'import.%').execute();
  assert.deepEqual(note, []);
  const expected = sumsByYear(rows);
  for (const y of await statsBy(store.db, 'year', { grading: 'all' }))
    assert.deepEqual(
      [y.key, y.killed],
      [y.key, { min: expected.get(y.key)?.low, max: expected.get(y.key)?.high, unreported: 0 }],
    );
  assert.deepEqual(sqlite.pragma('integrity_check', { simple: true }), 'ok');
});
