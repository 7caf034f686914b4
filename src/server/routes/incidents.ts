import type { FastifyInstance } from 'fastify';
import {
  mayReadIncidentStatus,
  redactClaim,
  redactIncident,
  redactProvenance,
  redactReportRef,
  scopeIncidentFilter,
} from '../../policies/visibility.js';
import {
  INCIDENT_SORTS,
  type IncidentSort,
  MAX_PAGE_SIZE,
  pageIncidents,
} from '../../services/incident-pages.js';
import { incidentProvenance } from '../../services/incident-provenance.js';
import { getIncident } from '../../services/incidents.js';
import { listClaims } from '../../services/reading.js';
import type { Store } from '../../store/database.js';
import { requirePermission } from '../auth.js';
import { ApiError } from '../errors.js';
import { type FilterQuery, filterFromQuery } from '../query.js';
import { REVIEW_ACTIONS } from '../review-actions.js';
import { errors, incidentFilterQuery, incidentProvenanceProperties, pageOf, ref } from '../schemas.js';

export function incidentRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: FilterQuery & { sort?: IncidentSort; cursor?: string; limit?: number } }>(
    '/api/incidents',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Incidents matching a filter, one page at a time (anonymous readers: published only)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...incidentFilterQuery,
            sort: { type: 'string', enum: [...INCIDENT_SORTS], default: 'date' },
            cursor: { type: 'string', maxLength: 1000, description: '`next` from the previous page' },
            limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 },
          },
        },
        response: {
          200: pageOf(ref('Incident')),
          ...errors(400, 429),
        },
      },
    },
    async (req) => {
      const filter = scopeIncidentFilter(filterFromQuery(req.query, 'all'), req.actor);
      const page = await pageIncidents(store.reads, store.dialect, filter, {
        sort: req.query.sort,
        cursor: req.query.cursor,
        limit: req.query.limit,
      });
      return {
        items: page.items.map(({ view, row }) =>
          redactIncident(view, Number(row.sensitive_coords) === 1, req.actor),
        ),
        next: page.next,
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/incidents/:id',
    {
      schema: {
        tags: ['incidents'],
        summary: 'An incident with each claim, its quoted evidence and its source',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } }, required: ['id'] },
        response: {
          200: {
            type: 'object',
            properties: {
              incident: ref('Incident'),
              claims: { type: 'array', items: ref('Claim') },
              ...incidentProvenanceProperties,
            },
          },
          ...errors(404, 429),
        },
      },
    },
    async (req) => {
      const detail = await getIncident(store.reads, req.params.id);
      // Unpublished incidents are "not found" to readers who may not see them: their existence is not disclosed.
      if (!mayReadIncidentStatus(req.actor, detail.incident.status))
        throw new ApiError('not_found', `no incident "${req.params.id}"`);
      const row = await store.reads
        .selectFrom('incidents')
        .select('sensitive_coords')
        .where('id', '=', detail.incident.id)
        .executeTakeFirstOrThrow();
      const flagged = Number(row.sensitive_coords) === 1;
      return {
        incident: redactIncident(detail.incident, flagged, req.actor),
        claims: detail.claims.map((c) =>
          redactClaim({ ...c, report: redactReportRef(c.report, req.actor) }, flagged, req.actor),
        ),
        ...redactProvenance(await incidentProvenance(store.reads, detail.incident.id), req.actor),
      };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { after?: string; limit?: number; status?: string } }>(
    '/api/claims',
    {
      schema: {
        tags: ['claims'],
        summary: 'Claims (of published incidents, for anonymous readers), with report, source and quotes',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            incident: { type: 'string', maxLength: 100 },
            report: { type: 'string', maxLength: 100 },
            status: { type: 'string', description: 'candidate, accepted, rejected; comma-separated' },
            after: { type: 'string', maxLength: 200, description: '`next` from the previous page' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          },
        },
        response: {
          200: pageOf(ref('Claim')),
          ...errors(400, 429),
        },
      },
    },
    async (req) => {
      const q = req.query as {
        incident?: string;
        report?: string;
        status?: string;
        after?: string;
        limit?: number;
      };
      const publicOnly = !mayReadIncidentStatus(req.actor, '\u0000unpublished');
      const page = await listClaims(store.reads, {
        incidentId: q.incident,
        reportId: q.report,
        status: q.status?.split(',').map((s) => s.trim()),
        incidentStatuses: publicOnly ? ['published'] : undefined,
        after: q.after,
        limit: q.limit,
      });
      return {
        items: page.items.map(({ sensitiveCoords, ...c }) =>
          redactClaim({ ...c, report: redactReportRef(c.report, req.actor) }, sensitiveCoords, req.actor),
        ),
        next: page.next,
      };
    },
  );

  app.post<{ Params: { id: string; action: string }; Body: Record<string, unknown> }>(
    '/api/incidents/:id/:action',
    {
      schema: {
        tags: ['review'],
        summary: 'A review action on an incident (publish, grade, accept a claim, merge, split…)',
        description:
          'Needs the analyst or admin role. `expectedVersion` is the incident version the change was made against: a stale one gets 409 conflict.',
        params: {
          type: 'object',
          required: ['id', 'action'],
          properties: { id: { type: 'string', maxLength: 100 }, action: { type: 'string', maxLength: 50 } },
        },
        body: {
          type: 'object',
          required: ['expectedVersion'],
          properties: {
            expectedVersion: { type: 'integer', minimum: 1 },
            reason: { type: 'string', maxLength: 2000 },
          },
        },
        response: {
          200: { type: 'object', additionalProperties: true },
          ...errors(400, 401, 403, 404, 409, 429),
        },
      },
      // Auth before body validation: an anonymous caller learns only that it must sign in.
      preValidation: async (req) => {
        requirePermission(req, 'incidents:review');
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'incidents:review');
      const action = REVIEW_ACTIONS[req.params.action];
      if (!action) throw new ApiError('not_found', `no review action "${req.params.action}"`);
      const { expectedVersion, reason, ...rest } = req.body as { expectedVersion: number; reason?: string };
      return (await action(store, req.params.id, {
        actor: actor.name,
        expectedVersion,
        reason,
        body: rest,
      })) as Record<string, unknown>;
    },
  );
}
