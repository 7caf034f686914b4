import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { redactIncident, scopeIncidentFilter } from '../../policies/visibility.js';
import { EXPORT_FORMATS, type ExportFormat, exportIncidents } from '../../services/export.js';
import { checkFilterDates } from '../../services/filters.js';
import { STATS_DIMENSIONS, type StatsDimension, statsBy } from '../../services/stats.js';
import type { Store } from '../../store/database.js';
import { type FilterQuery, filterFromQuery } from '../query.js';
import { errors, incidentFilterQuery, ref } from '../schemas.js';

export const DEFAULT_STATS_GRADINGS = ['fair', 'confirmed'];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json',
  jsonl: 'application/x-ndjson',
  acled: 'text/csv; charset=utf-8',
  ucdp: 'text/csv; charset=utf-8',
};

/** Stats and exports: the published figures (anonymous readers count published incidents only). */
export function figureRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: FilterQuery & { by: StatsDimension } }>(
    '/api/stats',
    {
      schema: {
        tags: ['figures'],
        summary: 'Totals as ranges: the sum of minimums to the sum of maximums over matching incidents',
        description:
          'By default counts incidents graded fair or confirmed; grading=all counts every incident.',
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['by'],
          properties: { by: { type: 'string', enum: [...STATS_DIMENSIONS] }, ...incidentFilterQuery },
        },
        response: {
          200: {
            type: 'object',
            properties: { by: { type: 'string' }, rows: { type: 'array', items: ref('StatsRow') } },
          },
          ...errors(400, 429),
        },
      },
    },
    async (req) => {
      const filter = scopeIncidentFilter(filterFromQuery(req.query, DEFAULT_STATS_GRADINGS), req.actor);
      return { by: req.query.by, rows: await statsBy(store.reads, req.query.by, filter) };
    },
  );

  app.get<{ Querystring: FilterQuery & { format: ExportFormat } }>(
    '/api/exports/incidents',
    {
      schema: {
        tags: ['figures'],
        summary: 'Every matching incident as CSV, GeoJSON (RFC 7946) or JSONL, streamed',
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['format'],
          properties: { format: { type: 'string', enum: [...EXPORT_FORMATS] }, ...incidentFilterQuery },
        },
        response: {
          200: { description: 'The export, streamed', type: 'string' },
          ...errors(400, 429),
        },
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      const filter = scopeIncidentFilter(filterFromQuery(req.query, 'all'), actor);
      // Checked before the first byte is sent, so a bad filter still gets a 400.
      checkFilterDates(filter);
      const chunks = exportIncidents(store.db, req.query.format, filter, {
        redact: (view, row) => redactIncident(view, Number(row.sensitive_coords) === 1, actor),
      });
      const first = await chunks.next();
      async function* all(): AsyncGenerator<string> {
        if (!first.done) yield first.value;
        yield* chunks;
      }
      reply
        .type(CONTENT_TYPES[req.query.format])
        .header('content-disposition', `attachment; filename="incidents.${req.query.format}"`);
      return reply.send(Readable.from(all()));
    },
  );
}
