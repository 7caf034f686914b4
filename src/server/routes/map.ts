import type { FastifyInstance } from 'fastify';
import { can } from '../../policies/roles.js';
import { roundCoord, scopeIncidentFilter } from '../../policies/visibility.js';
import { applyIncidentFilter } from '../../services/filters.js';
import type { Store } from '../../store/database.js';
import { type FilterQuery, filterFromQuery } from '../query.js';
import { errors, incidentFilterQuery } from '../schemas.js';

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
      const rows = await applyIncidentFilter(
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
      )
        .orderBy('incidents.code')
        .execute();
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
}
