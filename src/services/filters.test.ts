import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Insertable } from 'kysely';
import { scratchStore } from '../../test/support/fixtures.js';
import { PG_SKIP_MESSAGE, postgresReachable, scratchPostgresStore } from '../../test/support/postgres.js';
import { addDays } from '../domain/dates.js';
import type { Store } from '../store/database.js';
import type { IncidentsTable } from '../store/schema.js';
import { applyIncidentFilter, checkFilterDates, FilterError, filterFromParams } from './filters.js';

// Spans that stress the bound: same day, across a month and a year end, years long, reversed,
// unparseable, a month 13, a pre-1000 year and undated.
const DATES: [string | null, string | null][] = [
  ['2017-03-20', '2017-03-20'],
  ['2017-03-31', '2017-04-01'],
  ['2016-12-31', '2017-01-01'],
  ['2017-01-15', '2017-02-14'],
  ['2017-06-01', '2017-05-30'],
  ['0999-12-31', '1000-01-02'],
  [null, null],
];
const LATER: [string | null, string | null][] = [
  ['2012-05-05', '2017-02-01'],
  ['2017-03', '2017-03-15'],
  ['2017-13-01', '2017-13-09'],
];

/** Incidents with the given fields, numbered from `offset` (`V-<n>`), all else at its default. */
async function insertRows(
  store: Store,
  rows: Partial<Insertable<IncidentsTable>>[],
  offset: number,
): Promise<void> {
  const now = '2020-01-01T00:00:00Z';
  await store.db
    .insertInto('incidents')
    .values(
      rows.map((fields, i) => ({
        id: `i_${offset + i}`,
        code: `V-${offset + i}`,
        status: 'published',
        belligerents: '[]',
        range_rule: 'envelope',
        sensitive_coords: 0,
        version: 1,
        created_at: now,
        updated_at: now,
        ...fields,
      })),
    )
    .execute();
}

function insert(store: Store, dates: [string | null, string | null][], offset: number): Promise<void> {
  return insertRows(
    store,
    dates.map(([date_from, date_to]) => ({ date_from, date_to })),
    offset,
  );
}

async function matching(store: Store, from?: string, to?: string): Promise<string[]> {
  const rows = await applyIncidentFilter(store.db.selectFrom('incidents').select('code'), {
    from,
    to,
  }).execute();
  return rows.map((r) => r.code).sort();
}

function expected(all: [string | null, string | null][], from?: string, to?: string): string[] {
  return all
    .flatMap(([f, t], i) =>
      (from === undefined || (t !== null && t >= from)) && (to === undefined || (f !== null && f <= to))
        ? [`V-${i}`]
        : [],
    )
    .sort();
}

/** The bound may only narrow the scan: every overlap the plain comparison finds, it finds too. */
async function checkExact(store: Store): Promise<void> {
  await insert(store, DATES, 0);
  const all = [...DATES];
  const probe = async () => {
    for (let day = -400; day <= 2200; day += 13) {
      const from = addDays('2012-01-01', day);
      for (const len of [0, 1, 30, 400]) {
        const to = addDays(from, len);
        assert.deepEqual(await matching(store, from, to), expected(all, from, to), `${from}..${to}`);
      }
      assert.deepEqual(await matching(store, from), expected(all, from), `${from}..`);
    }
    for (const from of ['0999-06-01', '1000-01-01', '1000-01-03'])
      assert.deepEqual(await matching(store, from), expected(all, from), `${from}..`);
  };
  await probe();
  // Longer spans written later, by an update or an insert, must widen the bound at once: there is no
  // cached maximum to go stale.
  await store.db
    .updateTable('incidents')
    .set({ date_from: '2001-01-01' })
    .where('code', '=', 'V-0')
    .execute();
  all[0] = ['2001-01-01', '2017-03-20'];
  await probe();
  await insert(store, LATER.slice(0, 2), all.length);
  all.push(...LATER.slice(0, 2));
  await probe();
  // An unparseable date makes the bound admit everything: slow, still exact.
  await insert(store, LATER.slice(2), all.length);
  all.push(...LATER.slice(2));
  await probe();
}

test('date filter: the span bound returns exactly the overlapping incidents (SQLite)', async (t) => {
  await checkExact(await scratchStore(t));
});

test('date filter: the span bound returns exactly the overlapping incidents (PostgreSQL)', async (t) => {
  if (!(await postgresReachable())) return t.skip(PG_SKIP_MESSAGE);
  await checkExact(await scratchPostgresStore(t));
});

/** The text filter: case-insensitive, and %, _ and \ taken literally, the same on both databases. */
async function checkText(store: Store): Promise<void> {
  const places = ['Aleppo', 'Tall Rifaat', '100% ruined', 'al_Bab', 'Back\\slash', 'Ḩamāh'];
  await insertRows(
    store,
    places.map((place_name) => ({ place_name })),
    0,
  );
  const found = async (text: string) =>
    (await applyIncidentFilter(store.db.selectFrom('incidents').select('place_name'), { text }).execute())
      .map((r) => r.place_name)
      .sort();
  assert.deepEqual(await found('aleppo'), ['Aleppo']);
  assert.deepEqual(await found('TALL'), ['Tall Rifaat']);
  assert.deepEqual(await found('100%'), ['100% ruined']);
  assert.deepEqual(await found('%'), ['100% ruined']);
  assert.deepEqual(await found('l_b'), ['al_Bab'], 'an underscore is not a wildcard');
  assert.deepEqual(await found('k\\s'), ['Back\\slash']);
  assert.deepEqual(await found('ḩamāh'), ['Ḩamāh'], 'case folds beyond ASCII');
  assert.deepEqual(await found('v-3'), ['al_Bab'], 'codes match too');
}

test('text filter: case-insensitive, wildcards literal (SQLite)', async (t) => {
  await checkText(await scratchStore(t));
});

test('text filter: case-insensitive, wildcards literal (PostgreSQL)', async (t) => {
  if (!(await postgresReachable())) return t.skip(PG_SKIP_MESSAGE);
  await checkText(await scratchPostgresStore(t));
});

test('a status or event type Vigil does not know is refused, naming the field, not matched to nothing', () => {
  assert.deepEqual(filterFromParams({ status: 'published, new', event: 'air_drone_strike' }, 'all'), {
    grading: 'all',
    status: ['published', 'new'],
    event: ['air_drone_strike'],
  });
  for (const [p, field, value] of [
    [{ status: 'publised' }, 'status', 'publised'],
    [{ status: 'new,Published' }, 'status', 'Published'],
    [{ event: 'airstrike' }, 'event', 'airstrike'],
  ] as const)
    assert.throws(
      () => filterFromParams(p, 'all'),
      (err: unknown) =>
        err instanceof FilterError && err.field === field && err.message.includes(`"${value}"`),
    );
});

test('an impossible filter date is named as its reader knows the field: from for the API, --from for the CLI', () => {
  assert.throws(
    () => checkFilterDates({ from: '2019-02-30' }),
    /^FilterError: from must be a real date YYYY-MM-DD, got "2019-02-30"$/,
  );
  assert.throws(
    () => checkFilterDates({ to: '2019-13-01' }, (f) => `--${f}`),
    /^FilterError: --to must be a real date YYYY-MM-DD, got "2019-13-01"$/,
  );
  assert.doesNotThrow(() => checkFilterDates({ from: '2019-02-28', to: '2019-03-01' }));
});
