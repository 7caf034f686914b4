import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { CLUSTER_MAX_ZOOM, clusterLevel, LANDING_ZOOM } from '../../domain/map-clusters.js';
import { shownAttribution } from '../../ingest/importers/attribution.js';
import { can } from '../../policies/roles.js';
import { roundCoord, scopeIncidentFilter } from '../../policies/visibility.js';
import { applyIncidentFilter, type IncidentFilter } from '../../services/filters.js';
import type { Store } from '../../store/database.js';
import { statementsOf } from '../../store/statement-cache.js';
import { mapClusters } from '../map-clusters.js';
import { encodePoints, type PointRow, pointColumns } from '../points-payload.js';
import { type FilterQuery, filterFromQuery } from '../query.js';
import { errors, incidentFilterQuery, mapClustersSchema } from '../schemas.js';

interface CachedPoints {
  version: string;
  etag: string;
  body: Buffer;
  /** /api/map/clusters bodies (JSON) worked out from `body`, by clustering level. */
  clusters: Map<number, string>;
}

/** Payloads kept per filter; a handful covers the filters a page flips between. */
const CACHE_ENTRIES = 8;
/**
 * Cluster levels kept per payload: a page asks for the one it opens at. Deep levels of 10⁵
 * incidents are megabytes of JSON (most incidents stand alone there), so not all twelve.
 */
const CLUSTER_LEVELS_KEPT = 3;

/**
 * What changes whenever any row the payload reads does, read before the rows (so a payload is never
 * older than the version it is kept under). SQLite: data_version moves on other connections' commits
 * (an import from the CLI), total_changes() on this one's. PostgreSQL: the counter migration 0009
 * bumps in every transaction that writes incidents or their belligerents, from any process.
 */
async function dataVersion(store: Store): Promise<string> {
  const db = store.sqlite;
  if (db) {
    const dv = db.pragma('data_version', { simple: true });
    const tc = statementsOf(db).prepare('select total_changes()').pluck().get();
    return `${dv}.${tc}`;
  }
  const { rows } = await sql<{ version: string }>`select version from data_version where id = 1`.execute(
    store.db,
  );
  return String(rows[0]?.version);
}

/** The columns both map payloads carry, over the incidents a filter matches. */
function pointsQuery(store: Store, filter: IncidentFilter) {
  return applyIncidentFilter(
    store.db
      .selectFrom('incidents')
      .select([
        'incidents.code',
        'incidents.lon',
        'incidents.lat',
        'incidents.sensitive_coords',
        'incidents.date_from',
        'incidents.date_to',
        'incidents.civ_min',
        'incidents.civ_max',
        'incidents.grading',
      ]),
    filter,
  );
}

async function queryPoints(store: Store, filter: IncidentFilter): Promise<PointRow[]> {
  const q = pointsQuery(store, filter);
  // No ORDER BY: the map has no use for an order, and sorting 10⁵ rows by code cost a temporary B-tree.
  if (store.sqlite) {
    // Rows as arrays straight from better-sqlite3: a third of the time of Kysely's row objects.
    const c = q.compile();
    return store.sqlite
      .prepare(c.sql)
      .raw(true)
      .all(...c.parameters) as PointRow[];
  }
  // PostgreSQL hands the rows over as one JSON array of arrays: pg building 10⁵ row objects from
  // 10⁶ text fields took seconds, json_agg and one JSON.parse a fraction of that.
  const agg = await store.db
    .selectFrom(q.as('p'))
    .select(
      sql<string>`coalesce(json_agg(json_build_array(p.code, p.lon, p.lat, p.sensitive_coords, p.date_from, p.date_to, p.civ_min, p.civ_max, p.grading)), '[]')::text`.as(
        'rows',
      ),
    )
    .executeTakeFirstOrThrow();
  return JSON.parse(agg.rows) as PointRow[];
}

const column = (type: string | string[]) => ({ type: 'array', items: { type } }) as const;

/**
 * Every matching incident as parallel arrays (one per field): what the web map and timeline
 * need for 100,000 incidents in a few megabytes, where the paged list would take thousands of
 * requests. The same filter, visibility and coordinate rounding as /api/incidents apply.
 */
export function mapRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: FilterQuery }>(
    '/api/map/incidents',
    {
      schema: {
        tags: ['incidents'],
        summary:
          'All matching incidents as columns for maps and timelines (code, position, dates, civilian range, grading)',
        querystring: { type: 'object', additionalProperties: false, properties: { ...incidentFilterQuery } },
        response: {
          200: {
            type: 'object',
            properties: {
              code: column('string'),
              lon: column(['number', 'null']),
              lat: column(['number', 'null']),
              from: column(['string', 'null']),
              to: column(['string', 'null']),
              civMin: column(['integer', 'null']),
              civMax: column(['integer', 'null']),
              grading: column(['string', 'null']),
            },
          },
          ...errors(400, 429),
        },
      },
    },
    async (req, reply) => {
      const filter = scopeIncidentFilter(filterFromQuery(req.query, 'all'), req.actor);
      const rows = await pointsQuery(store, filter).orderBy('incidents.code').execute();
      const exact = can(req.actor, 'sensitive:read');
      const n = rows.length;
      const out = {
        code: new Array<string>(n),
        lon: new Array<number | null>(n),
        lat: new Array<number | null>(n),
        from: new Array<string | null>(n),
        to: new Array<string | null>(n),
        civMin: new Array<number | null>(n),
        civMax: new Array<number | null>(n),
        grading: new Array<string | null>(n),
      };
      for (let i = 0; i < n; i++) {
        const r = rows[i] as (typeof rows)[number];
        const blur = !exact && Number(r.sensitive_coords) === 1;
        const lon = r.lon === null ? null : Number(r.lon);
        const lat = r.lat === null ? null : Number(r.lat);
        out.code[i] = r.code;
        out.lon[i] = blur ? roundCoord(lon) : lon;
        out.lat[i] = blur ? roundCoord(lat) : lat;
        out.from[i] = r.date_from;
        out.to[i] = r.date_to;
        out.civMin[i] = r.civ_min === null ? null : Number(r.civ_min);
        out.civMax[i] = r.civ_max === null ? null : Number(r.civ_max);
        out.grading[i] = r.grading;
      }
      // Sent pre-serialised: the schema serialiser takes seconds over 10⁵-element arrays, JSON.stringify
      // tens of milliseconds. Nothing can leak past the schema: `out` holds only the fields listed above.
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(out));
    },
  );
  const cache = new Map<string, CachedPoints>();
  const payload = async (filter: IncidentFilter, exact: boolean): Promise<CachedPoints> => {
    // The scoped filter and the coordinate precision are all that decide the payload.
    const key = `${exact ? 'x' : 'r'}${JSON.stringify(filter)}`;
    const version = await dataVersion(store);
    const hit = cache.get(key);
    if (hit && hit.version === version) return hit;
    const body = encodePoints(await queryPoints(store, filter), exact);
    const etag = `"${createHash('sha1').update(key).update(body).digest('base64url').slice(0, 20)}"`;
    const entry = { version, etag, body, clusters: new Map<number, string>() };
    cache.delete(key);
    cache.set(key, entry);
    if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
    return entry;
  };
  /** A /api/map/clusters body, worked out from a payload once per level and kept with it. */
  const clustersOf = (entry: CachedPoints, zoom: number): string => {
    const level = clusterLevel(zoom);
    let body = entry.clusters.get(level);
    // Most recently asked for last: the level dropped is the one asked for longest ago.
    entry.clusters.delete(level);
    if (body !== undefined) entry.clusters.set(level, body);
    else {
      body = JSON.stringify(mapClusters(pointColumns(entry.body), level));
      entry.clusters.set(level, body);
      if (entry.clusters.size > CLUSTER_LEVELS_KEPT)
        entry.clusters.delete(entry.clusters.keys().next().value as number);
    }
    return body;
  };
  // The landing page's view (anonymous, no filter) is what most first visits ask for: its points and
  // the clusters it opens with are built once the server is up rather than on the first visitor's time.
  app.addHook('onReady', (done) => {
    setImmediate(() => {
      payload(scopeIncidentFilter(filterFromQuery({ grading: 'all' }, 'all'), null), false)
        .then((entry) => clustersOf(entry, LANDING_ZOOM))
        .catch(() => {
          // A store closed before this ran (a short-lived test app): the first request builds it.
        });
    });
    done();
  });
  app.get<{ Querystring: FilterQuery }>(
    '/api/map/points',
    {
      schema: {
        tags: ['incidents'],
        summary:
          'All matching incidents for the web map, binary (application/vnd.vigil.points): Float32 positions, day numbers, civilian range, grading, codes',
        querystring: { type: 'object', additionalProperties: false, properties: { ...incidentFilterQuery } },
        response: {
          200: {
            description: 'Binary point columns (layout in src/server/points-payload.ts)',
            type: 'string',
            format: 'binary',
          },
          ...errors(400, 429),
        },
      },
    },
    async (req, reply) => {
      const filter = scopeIncidentFilter(filterFromQuery(req.query, 'all'), req.actor);
      const hit = await payload(filter, can(req.actor, 'sensitive:read'));
      // Per reader (visibility), and to be revalidated each time: a 304 costs no body.
      reply.header('cache-control', 'private, no-cache').header('etag', hit.etag);
      if (req.headers['if-none-match'] === hit.etag) return reply.code(304).send();
      return reply.type('application/vnd.vigil.points').send(hit.body);
    },
  );

  app.get<{ Querystring: FilterQuery & { zoom: number } }>(
    '/api/map/clusters',
    {
      schema: {
        tags: ['incidents'],
        summary:
          'The map clusters of all matching incidents at one zoom, the incidents drawn alone, and the totals by grading: what the web map draws before it has the points',
        description:
          'Worked out from the same rows as /api/map/points for the same filter and reader (positions rounded the same way), clustered as the web map does: the cluster counts and lone incidents add up to `located`, the totals to `incidents`.',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...incidentFilterQuery,
            zoom: {
              type: 'number',
              minimum: 0,
              maximum: 24,
              default: LANDING_ZOOM,
              description: `map zoom; clustered at its rounded value, at most ${CLUSTER_MAX_ZOOM}`,
            },
          },
        },
        response: { 200: mapClustersSchema, ...errors(400, 429) },
      },
    },
    async (req, reply) => {
      const { zoom, ...query } = req.query;
      const filter = scopeIncidentFilter(filterFromQuery(query, 'all'), req.actor);
      const entry = await payload(filter, can(req.actor, 'sensitive:read'));
      const body = clustersOf(entry, zoom);
      const etag = `${entry.etag.slice(0, -1)}.${clusterLevel(zoom)}"`;
      reply.header('cache-control', 'private, no-cache').header('etag', etag);
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      // Sent as built (kept as JSON per level): mapClusters returns only the fields the schema lists.
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  // Per visibility (published only, or every status) and data version: one scan of the incidents
  // each time the data changes, not one per page (it takes a tenth of a second at 10⁵ incidents).
  const credits = new Map<string, { version: string; items: string[] }>();
  app.get(
    '/api/attributions',
    {
      schema: {
        tags: ['incidents'],
        summary:
          'The credits of the imported datasets (UCDP GED, ACLED…) among the incidents the caller may see, to show wherever their figures are shown',
        description:
          'Each distinct attribution text of the incidents the reader may see, whatever the filter: the web app shows them under its map, timeline, totals and list. Empty when no imported incident is visible.',
        response: {
          200: {
            type: 'object',
            properties: { items: { type: 'array', items: { type: 'string' } } },
            required: ['items'],
          },
          ...errors(429),
        },
      },
    },
    async (req) => {
      const filter = scopeIncidentFilter({}, req.actor);
      const key = JSON.stringify(filter.status ?? null);
      const version = await dataVersion(store);
      const hit = credits.get(key);
      if (hit && hit.version === version) return { items: hit.items };
      const rows = await applyIncidentFilter(
        store.reads.selectFrom('incidents').select('incidents.attribution').distinct(),
        filter,
      )
        .where('incidents.attribution', 'is not', null)
        .execute();
      const items = [...new Set(rows.map((r) => shownAttribution(r.attribution) as string))].sort();
      credits.set(key, { version, items });
      return { items };
    },
  );
}
