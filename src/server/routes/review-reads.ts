import type { FastifyInstance } from 'fastify';
import { INCIDENT_STATUSES, type IncidentStatus, isOneOf } from '../../domain/codes.js';
import { can } from '../../policies/roles.js';
import { mayReadIncidentStatus } from '../../policies/visibility.js';
import { belligerentEntries } from '../../services/review/belligerent.js';
import { incidentHistory } from '../../services/review/history.js';
import { reviewQueue } from '../../services/review/queue.js';
import type { Store } from '../../store/database.js';
import { requirePermission } from '../auth.js';
import { ApiError } from '../errors.js';
import { belligerentRoleSchema, errors, listOf } from '../schemas.js';

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;

/** The incident, or a 404 for readers who may not see it (its existence is not disclosed). */
async function visibleIncident(store: Store, ref: string, actor: Parameters<typeof can>[0]) {
  const row = await store.reads
    .selectFrom('incidents')
    .select(['id', 'status'])
    .where((eb) => eb.or([eb('id', '=', ref), eb('code', '=', ref.toUpperCase())]))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row || !mayReadIncidentStatus(actor, row.status))
    throw new ApiError('not_found', `no incident "${ref}"`);
  return row;
}

/** What the web app reads around review: the queue, an incident's history, its belligerents' assessments. */
export function reviewReadRoutes(app: FastifyInstance, store: Store): void {
  app.get<{ Querystring: { status?: string; assignee?: string } }>(
    '/api/review/queue',
    {
      schema: {
        tags: ['review'],
        summary: 'Incidents awaiting review (new, in review and by whom, ready), oldest event first',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { status: { type: 'string', description: 'statuses, comma-separated' }, assignee: str },
        },
        response: {
          200: listOf({
            type: 'object',
            properties: {
              id: str,
              code: str,
              status: str,
              assignee: nstr,
              grading: nstr,
              version: { type: 'integer' },
              date: nstr,
              place: nstr,
              civiliansKilled: {
                type: ['object', 'null'],
                properties: { min: { type: 'integer' }, max: { type: ['integer', 'null'] } },
              },
              claims: { type: 'integer' },
              sources: { type: 'integer' },
              openSuggestions: { type: 'integer' },
            },
          }),
          ...errors(400, 401, 403, 429),
        },
      },
    },
    async (req) => {
      requirePermission(req, 'incidents:review');
      const status = req.query.status?.split(',').map((s) => s.trim());
      if (status?.some((s) => !isOneOf(INCIDENT_STATUSES, s)))
        throw new ApiError('invalid_filter', `status must be among ${INCIDENT_STATUSES.join(', ')}`);
      return {
        items: await reviewQueue(store.reads, {
          status: status as IncidentStatus[] | undefined,
          assignee: req.query.assignee,
        }),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/incidents/:id/history',
    {
      schema: {
        tags: ['incidents'],
        summary:
          "An incident's history from the audit log, oldest first (anonymous readers: without names or reasons)",
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } },
        response: {
          200: listOf({
            type: 'object',
            properties: { seq: { type: 'integer' }, at: str, actor: nstr, action: str, reason: nstr },
          }),
          ...errors(404, 429),
        },
      },
    },
    async (req) => {
      const row = await visibleIncident(store, req.params.id, req.actor);
      // before/after are left out: they may hold fields (assignee, exact coordinates) that only some may read.
      const named = can(req.actor, 'incidents:read-unpublished');
      return {
        items: (await incidentHistory(store.reads, row.id)).map((h) => ({
          seq: h.seq,
          at: h.at,
          action: h.action,
          actor: named ? h.actor : null,
          reason: named ? h.reason : null,
        })),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/incidents/:id/belligerents',
    {
      schema: {
        tags: ['incidents'],
        summary: "Each belligerent of an incident: known or suspected, and the belligerent's own assessment",
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } },
        response: {
          200: listOf(belligerentRoleSchema),
          ...errors(404, 429),
        },
      },
    },
    async (req) => {
      const row = await visibleIncident(store, req.params.id, req.actor);
      return { items: await belligerentEntries(store.reads, row.id) };
    },
  );
}
