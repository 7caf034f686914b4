/**
 * Synthetic incidents for the web benchmark, written straight into the incidents table (no
 * reports or claims: the map and timeline read incidents only). Deterministic for a given count.
 */
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/database.js';
import { seededRandom } from '../../test/support/random.js';

const GRADINGS = ['confirmed', 'fair', 'fair', 'weak', 'weak', 'contested', 'discounted', null];
const EVENTS = ['air_drone_strike', 'shelling_artillery_missile', 'remote_explosive', 'armed_clash'];
const BELLIGERENTS = ['us-led-coalition', 'russia', 'syrian-government', 'isis', 'turkey'];

/** Where the seeded towns lie: by default a box over Syria, where the map opens. */
export interface SeedArea {
  south: number;
  west: number;
  height: number;
  width: number;
  country: string;
}
const SYRIA: SeedArea = { south: 32.5, west: 36, height: 5, width: 6, country: 'SY' };

export async function seedIncidents(path: string, count: number, area: SeedArea = SYRIA): Promise<void> {
  const store = await openSqliteStore(path);
  await store.close();
  const db = new Database(path);
  const cols = (db.prepare('PRAGMA table_info(incidents)').all() as { name: string; notnull: number }[]).map(
    (c) => ({
      name: c.name,
      notnull: c.notnull === 1,
    }),
  );
  const insert = db.prepare(
    `INSERT INTO incidents (${cols.map((c) => c.name).join(',')}) VALUES (${cols.map((c) => `@${c.name}`).join(',')})`,
  );
  const insertBell = db.prepare(
    'INSERT INTO incident_belligerents (incident_id, belligerent, role, assessment) VALUES (?, ?, ?, ?)',
  );
  // Seeded, so every run benchmarks the same data.
  const rand = seededRandom(42);
  // Incidents gather around a few hundred towns, as real ones do around cities and front lines.
  const towns = Array.from({ length: 400 }, () => ({
    lat: area.south + rand() * area.height,
    lon: area.west + rand() * area.width,
  }));
  const start = Date.UTC(2014, 0, 1);
  const span = Date.UTC(2019, 11, 31) - start;
  const now = new Date().toISOString();
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const town = towns[Math.floor(rand() * towns.length)] as { lat: number; lon: number };
      const day = new Date(start + Math.floor(rand() * span)).toISOString().slice(0, 10);
      const min = Math.floor(rand() ** 3 * 40);
      const open = rand() < 0.1;
      const belligerent = BELLIGERENTS[Math.floor(rand() * BELLIGERENTS.length)] as string;
      const id = `i_bench${String(i).padStart(13, '0')}`;
      const known: Record<string, unknown> = {
        id,
        code: `V-${String(i + 1).padStart(6, '0')}`,
        status: 'published',
        grading: GRADINGS[Math.floor(rand() * GRADINGS.length)] ?? null,
        date_from: day,
        date_to: day,
        date_precision: 'day',
        place_name: `Town ${Math.floor(rand() * 400)}`,
        lat: town.lat + (rand() - 0.5) * 0.3,
        lon: town.lon + (rand() - 0.5) * 0.3,
        country: area.country,
        geo_precision: 'town',
        event: EVENTS[Math.floor(rand() * EVENTS.length)],
        belligerents: JSON.stringify([belligerent]),
        civ_min: min,
        civ_max: open ? null : min + Math.floor(rand() * 10),
        range_rule: 'lowest-min-to-highest-max',
        sensitive_coords: 0,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      const row: Record<string, unknown> = {};
      for (const c of cols)
        row[c.name] = c.name in known ? known[c.name] : c.notnull ? defaultFor(c.name) : null;
      insert.run(row);
      insertBell.run(id, belligerent, 'known', 'not_assessed');
    }
  })();
  db.close();
}

function defaultFor(column: string): unknown {
  return /_at$|_by$|^code|^id/.test(column) ? '' : 0;
}
