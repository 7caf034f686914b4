import type SqliteDatabase from 'better-sqlite3';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { sha256Hex } from '../domain/ids.js';
import { DEFAULT_RANGE_RULE } from '../domain/incident.js';
import type { ImportedIncident } from '../ingest/importers/types.js';
import { appendAudit } from './audit.js';
import type {
  Database,
  IncidentBelligerentsTable,
  IncidentImportsTable,
  IncidentSourcesTable,
  IncidentsTable,
} from './schema.js';

/** What one batch did; rows refused (a code another incident holds) are named by their index. */
export interface ImportBatchResult {
  created: string[];
  updated: string[];
  unchanged: number;
  rejected: { index: number; message: string }[];
}

export interface ImportBatchOptions {
  actor: string;
  /** The file the rows came from, kept with each row and in the audit entry. */
  origin: string;
  now: string;
  /** The embedded database's handle (Store.sqlite): rows then go through reused prepared statements. */
  sqlite?: SqliteDatabase.Database;
  /**
   * Publishers this import run has written already: re-inserting them is harmless (on conflict do
   * nothing) but costs a statement per batch, and a dataset cites a few hundred names a million times.
   */
  knownSources?: Set<string>;
}

/** Imported incidents get ids from their dataset id, so the same row always lands on the same id. */
export function importedIncidentId(externalId: string): string {
  return `i_${sha256Hex(externalId).slice(0, 20)}`;
}

/** Same scheme as the ingest service, so a publisher named by a dataset and by a report is one row. */
function sourceId(kind: string, name: string): string {
  return `s_${sha256Hex(`${kind}\u0000${name}`).slice(0, 20)}`;
}

const SOURCE_KIND = 'other';

// Bound parameters per statement: SQLite allows 32,766, PostgreSQL 65,535.
const MAX_PARAMS = 30_000;

function chunks<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** A stable digest of a mapped row: an unchanged row re-imported is recognised without a diff. */
export function recordHash(item: ImportedIncident): string {
  return sha256Hex(JSON.stringify(item));
}

type DatasetColumns = Omit<
  Insertable<IncidentsTable>,
  | 'id'
  | 'code'
  | 'external_id'
  | 'created_at'
  | 'updated_at'
  | 'version'
  | 'range_rule'
  | 'sensitive_coords'
  | 'deleted_at'
>;

/** The incident columns a dataset row decides (pure). */
export function datasetColumns(item: ImportedIncident): DatasetColumns {
  return {
    status: item.status,
    grading: item.grading,
    date_from: item.date?.from ?? null,
    date_to: item.date?.to ?? null,
    date_precision: item.date?.precision ?? null,
    place_name: item.placeName,
    place_id: null,
    lat: item.lat,
    lon: item.lon,
    admin1: item.admin1,
    country: item.country,
    geo_precision: item.geoPrecision,
    event: item.event,
    target: item.target,
    belligerents: JSON.stringify(item.belligerents),
    civ_min: item.civiliansKilled?.min ?? null,
    civ_max: item.civiliansKilled?.max ?? null,
    killed_min: item.killed?.min ?? null,
    killed_max: item.killed?.max ?? null,
    injured_min: item.injured?.min ?? null,
    injured_max: item.injured?.max ?? null,
    attribution: item.attribution,
  };
}

function childRows(
  id: string,
  item: ImportedIncident,
  hash: string,
  opts: ImportBatchOptions,
): {
  belligerents: IncidentBelligerentsTable[];
  sources: IncidentSourcesTable[];
  imp: IncidentImportsTable;
} {
  return {
    // A dataset names the parties it coded: known, not merely suspected; not assessed by anyone here.
    belligerents: item.belligerents.map((b) => ({
      incident_id: id,
      belligerent: b,
      role: 'known',
      assessment: 'not_assessed',
    })),
    sources: item.sources.map((s, ordinal) => ({
      incident_id: id,
      ordinal,
      source_id: s.name ? sourceId(SOURCE_KIND, s.name) : null,
      published: s.published,
      title: s.title,
      url: s.url,
    })),
    imp: {
      incident_id: id,
      dataset: item.dataset,
      dataset_id: item.datasetId,
      killed_best: item.killedBest,
      record: JSON.stringify(item.record),
      record_hash: hash,
      origin: opts.origin,
      imported_at: opts.now,
    },
  };
}

/**
 * Writes one batch of imported incidents in one transaction: new dataset ids become incidents,
 * changed rows update theirs (analyst overrides kept), unchanged rows cost one lookup. One audit
 * entry records the batch, naming every incident it created or changed.
 */
export async function writeImportBatch(
  db: Kysely<Database>,
  items: readonly ImportedIncident[],
  opts: ImportBatchOptions,
): Promise<ImportBatchResult> {
  return db.transaction().execute((trx) => writeInTransaction(trx, items, opts));
}

async function writeInTransaction(
  trx: Transaction<Database>,
  items: readonly ImportedIncident[],
  opts: ImportBatchOptions,
): Promise<ImportBatchResult> {
  const result: ImportBatchResult = { created: [], updated: [], unchanged: 0, rejected: [] };
  const knownSources = opts.knownSources ?? new Set<string>();
  if (items.length === 0) return result;

  const existing = new Map<
    string,
    { id: string; hash: string | null; overrides: string | null; civOverride: string | null }
  >();
  for (const part of chunks([...new Set(items.map((i) => i.externalId))], 1)) {
    const rows = await trx
      .selectFrom('incidents')
      .leftJoin('incident_imports as imp', 'imp.incident_id', 'incidents.id')
      .select([
        'incidents.id',
        'incidents.external_id',
        'imp.record_hash',
        'incidents.field_overrides',
        'incidents.civ_override_reason',
      ])
      .where('incidents.external_id', 'in', part)
      .execute();
    for (const r of rows)
      if (r.external_id)
        existing.set(r.external_id, {
          id: r.id,
          hash: r.record_hash,
          overrides: r.field_overrides,
          civOverride: r.civ_override_reason,
        });
  }

  // A new row's code must be free: an Airwars-style file may carry a code another incident holds.
  const fresh = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => !existing.has(item.externalId));
  const taken = new Map<string, string | null>();
  for (const part of chunks([...new Set(fresh.map(({ item }) => item.code))], 1)) {
    const rows = await trx
      .selectFrom('incidents')
      .select(['code', 'external_id'])
      .where('code', 'in', part)
      .execute();
    for (const r of rows) taken.set(r.code, r.external_id);
  }

  const incidents: Insertable<IncidentsTable>[] = [];
  const belligerents: IncidentBelligerentsTable[] = [];
  const sources: IncidentSourcesTable[] = [];
  const imports: IncidentImportsTable[] = [];
  const names = new Set<string>();
  const seen = new Set<string>();
  const changed: { index: number; id: string; item: ImportedIncident; hash: string; keep: Set<string> }[] =
    [];

  for (const [index, item] of items.entries()) {
    if (seen.has(item.externalId)) {
      result.rejected.push({
        index,
        message: `${item.externalId} appears twice in one batch; the first is kept`,
      });
      continue;
    }
    seen.add(item.externalId);
    const hash = recordHash(item);
    const known = existing.get(item.externalId);
    if (known) {
      if (known.hash === hash) result.unchanged++;
      else {
        const keep = new Set(Object.keys(known.overrides ? (JSON.parse(known.overrides) as object) : {}));
        if (known.civOverride !== null) for (const c of ['civ_min', 'civ_max']) keep.add(c);
        // An analyst's review outranks the dataset's "not graded" for datasets that do not grade.
        if (item.dataset !== 'airwars') for (const c of ['status', 'grading']) keep.add(c);
        changed.push({ index, id: known.id, item, hash, keep });
      }
      continue;
    }
    const holder = taken.get(item.code);
    if (holder !== undefined) {
      result.rejected.push({
        index,
        message: `code ${item.code} is already used by another incident${holder ? ` (${holder})` : ''}`,
      });
      continue;
    }
    taken.set(item.code, item.externalId);
    const id = importedIncidentId(item.externalId);
    incidents.push({
      id,
      code: item.code,
      external_id: item.externalId,
      ...datasetColumns(item),
      civ_override_reason: null,
      range_rule: DEFAULT_RANGE_RULE,
      sensitive_coords: 0,
      assignee: null,
      version: 1,
      created_at: opts.now,
      updated_at: opts.now,
      deleted_at: null,
    });
    const children = childRows(id, item, hash, opts);
    belligerents.push(...children.belligerents);
    sources.push(...children.sources);
    imports.push(children.imp);
    for (const s of item.sources) if (s.name && !knownSources.has(s.name)) names.add(s.name);
    result.created.push(item.code);
  }
  for (const { item } of changed)
    for (const s of item.sources) if (s.name && !knownSources.has(s.name)) names.add(s.name);

  const sourceRows = [...names].map((name) => ({
    id: sourceId(SOURCE_KIND, name),
    name,
    kind: SOURCE_KIND,
    sensitive: 0,
    created_at: opts.now,
  }));
  await insertRows(trx, opts.sqlite, 'sources', sourceRows, true);
  await insertRows(trx, opts.sqlite, 'incidents', incidents);
  await insertRows(trx, opts.sqlite, 'incident_belligerents', belligerents);
  await insertRows(trx, opts.sqlite, 'incident_sources', sources);
  await insertRows(trx, opts.sqlite, 'incident_imports', imports);

  for (const c of changed) {
    await updateImported(trx, c.id, c.item, c.hash, c.keep, opts);
    result.updated.push(c.item.code);
  }

  if (result.created.length > 0 || result.updated.length > 0)
    await appendAudit(
      trx,
      {
        actor: opts.actor,
        action: 'incidents.imported',
        entityType: 'import',
        entityId: `${items[0]?.dataset ?? 'import'}:${opts.origin}`,
        after: {
          dataset: items[0]?.dataset,
          origin: opts.origin,
          created: result.created,
          updated: result.updated,
        },
      },
      opts.now,
    );
  // Only after the statements ran: a rolled-back batch must not leave names marked as written.
  for (const n of names) knownSources.add(n);
  return result;
}

type BulkTable = 'sources' | 'incidents' | 'incident_belligerents' | 'incident_sources' | 'incident_imports';

const statements = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();

/**
 * Inserts rows that all have the same keys. On the embedded database each row runs one reused
 * prepared statement (inside the caller's transaction: same connection), which is several times
 * faster than compiling and preparing multi-row statements; elsewhere, multi-row Kysely inserts.
 */
async function insertRows(
  trx: Transaction<Database>,
  sqlite: SqliteDatabase.Database | undefined,
  table: BulkTable,
  rows: object[],
  ignoreConflicts = false,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  if (sqlite) {
    const cache = statements.get(sqlite) ?? new Map<string, SqliteDatabase.Statement>();
    statements.set(sqlite, cache);
    const key = `${table}|${ignoreConflicts}|${columns.join(',')}`;
    let stmt = cache.get(key);
    if (!stmt) {
      // Table and column names come from this module's own row builders, never from input.
      const cols = columns.map((c) => `"${c}"`).join(', ');
      const params = columns.map((c) => `@${c}`).join(', ');
      stmt = sqlite.prepare(
        `insert ${ignoreConflicts ? 'or ignore ' : ''}into "${table}" (${cols}) values (${params})`,
      );
      cache.set(key, stmt);
    }
    for (const row of rows) stmt.run(row);
    return;
  }
  for (const part of chunks(rows, columns.length)) {
    // The row shapes are the table's insertable rows; Kysely cannot see that through the union of tables.
    const q = trx.insertInto(table).values(part as never);
    await (ignoreConflicts ? q.onConflict((oc) => oc.doNothing()) : q).execute();
  }
}

async function updateImported(
  trx: Transaction<Database>,
  id: string,
  item: ImportedIncident,
  hash: string,
  keep: Set<string>,
  opts: ImportBatchOptions,
): Promise<void> {
  const cols = Object.fromEntries(
    Object.entries(datasetColumns(item)).filter(([k]) => !keep.has(k)),
  ) as Partial<DatasetColumns>;
  const row = await trx
    .selectFrom('incidents')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('incidents')
    .set({ ...cols, version: Number(row.version) + 1, updated_at: opts.now })
    .where('id', '=', id)
    .execute();
  const children = childRows(id, item, hash, opts);
  await trx.deleteFrom('incident_belligerents').where('incident_id', '=', id).execute();
  await trx.deleteFrom('incident_sources').where('incident_id', '=', id).execute();
  await trx.deleteFrom('incident_imports').where('incident_id', '=', id).execute();
  if (children.belligerents.length)
    await trx.insertInto('incident_belligerents').values(children.belligerents).execute();
  if (children.sources.length) await trx.insertInto('incident_sources').values(children.sources).execute();
  await trx.insertInto('incident_imports').values(children.imp).execute();
}
