import type { FastifyInstance } from 'fastify';
import { redactSource } from '../../policies/visibility.js';
import {
  authenticate,
  createApiToken,
  createSession,
  createUser,
  endSession,
  listApiTokens,
  listUsers,
  revokeApiToken,
} from '../../services/accounts.js';
import { listSources, setSourceSensitive } from '../../services/reading.js';
import type { Store } from '../../store/database.js';
import { requireActor, requirePermission, SESSION_COOKIE, setSessionCookie } from '../auth.js';
import { ApiError } from '../errors.js';
import { errors, listOf, ref } from '../schemas.js';

const tokenView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    label: { type: 'string' },
    createdAt: { type: 'string' },
    lastUsedAt: { type: ['string', 'null'] },
  },
} as const;

/** Sign-in, users, API tokens and sources. */
export function accountRoutes(
  app: FastifyInstance,
  store: Store,
  options: { loginPerMinute: number; secureCookies: boolean | 'auto' },
): void {
  app.post<{ Body: { name: string; password: string } }>(
    '/api/auth/login',
    {
      config: {
        rateLimit: {
          max: options.loginPerMinute,
          timeWindow: 60_000,
          keyGenerator: (req) => `login:${req.ip}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary:
          'Sign in: sets an httpOnly session cookie and returns the CSRF token to send as X-CSRF-Token on writes',
        body: {
          type: 'object',
          required: ['name', 'password'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', maxLength: 64 },
            password: { type: 'string', maxLength: 1024 },
          },
        },
        response: {
          200: { type: 'object', properties: { user: ref('User'), csrfToken: { type: 'string' } } },
          ...errors(400, 401, 429),
        },
      },
    },
    async (req, reply) => {
      const user = await authenticate(store.db, req.body.name, req.body.password);
      if (!user) throw new ApiError('invalid_credentials', 'wrong user name or password');
      const session = await createSession(store.db, user.id);
      setSessionCookie(reply, session.token, session.expiresAt, options.secureCookies);
      return { user, csrfToken: reply.generateCsrf() };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session',
        response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, ...errors(403, 429) },
      },
    },
    async (req, reply) => {
      if (req.sessionToken) await endSession(store.db, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/csrf',
    {
      schema: {
        tags: ['auth'],
        summary: 'A fresh CSRF token for the current session',
        response: { 200: { type: 'object', properties: { csrfToken: { type: 'string' } } }, ...errors(429) },
      },
    },
    async (_req, reply) => ({ csrfToken: reply.generateCsrf() }),
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who the request is authenticated as (user: null when anonymous)',
        response: {
          200: {
            type: 'object',
            properties: {
              user: {
                type: ['object', 'null'],
                properties: { id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
              },
            },
          },
          ...errors(401, 429),
        },
      },
    },
    async (req) => ({
      user: req.actor ? { id: req.actor.id, name: req.actor.name, role: req.actor.role } : null,
    }),
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Every user (admin only)',
        response: {
          200: listOf(ref('User')),
          ...errors(401, 403, 429),
        },
      },
    },
    async (req) => {
      requirePermission(req, 'users:manage');
      return { items: await listUsers(store.db) };
    },
  );

  app.post<{ Body: { name: string; role: string; password: string } }>(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (admin only)',
        body: {
          type: 'object',
          required: ['name', 'role', 'password'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', maxLength: 64 },
            role: { type: 'string', enum: ['viewer', 'analyst', 'admin'] },
            password: { type: 'string', maxLength: 1024 },
          },
        },
        response: {
          201: { type: 'object', properties: { user: ref('User') } },
          ...errors(400, 401, 403, 409, 429),
        },
      },
      preValidation: async (req) => {
        requirePermission(req, 'users:manage');
      },
    },
    async (req, reply) => {
      const actor = requirePermission(req, 'users:manage');
      const user = await createUser(store.db, req.body, actor.name);
      reply.code(201);
      return { user };
    },
  );

  app.get(
    '/api/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: "The caller's API tokens (never the tokens themselves)",
        response: {
          200: listOf(tokenView),
          ...errors(401, 429),
        },
      },
    },
    async (req) => ({ items: await listApiTokens(store.db, requireActor(req).id) }),
  );

  app.post<{ Body: { label: string } }>(
    '/api/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'A new API token for scripts (Authorization: Bearer …); shown once',
        body: {
          type: 'object',
          required: ['label'],
          additionalProperties: false,
          properties: { label: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: {
          201: { type: 'object', properties: { token: { type: 'string' }, info: tokenView } },
          ...errors(400, 401, 403, 429),
        },
      },
      preValidation: async (req) => {
        requireActor(req);
      },
    },
    async (req, reply) => {
      const actor = requirePermission(req, 'tokens:own');
      const { token, view } = await createApiToken(store.db, actor.id, req.body.label);
      reply.code(201);
      return { token, info: view };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of your API tokens',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } },
        response: {
          200: { type: 'object', properties: { ok: { type: 'boolean' } } },
          ...errors(401, 404, 429),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!(await revokeApiToken(store.db, actor.id, req.params.id)))
        throw new ApiError('not_found', `no token "${req.params.id}"`);
      return { ok: true };
    },
  );

  app.get(
    '/api/sources',
    {
      schema: {
        tags: ['sources'],
        summary: 'Sources of reports (protected sources are named only to analysts and admins)',
        response: {
          200: listOf(ref('Source')),
          ...errors(401, 403, 429),
        },
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'sources:read');
      const items = await listSources(store.reads);
      return {
        items: items.map((s) => {
          const shown = redactSource(s, actor);
          // A protected source's id derives from its name, so it goes too.
          return shown === s ? s : { ...s, ...shown, id: 'protected' };
        }),
      };
    },
  );

  app.patch<{ Params: { id: string }; Body: { sensitive: boolean; reason?: string } }>(
    '/api/sources/:id',
    {
      schema: {
        tags: ['sources'],
        summary: "Protect (or unprotect) a source's identity",
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } },
        body: {
          type: 'object',
          required: ['sensitive'],
          additionalProperties: false,
          properties: { sensitive: { type: 'boolean' }, reason: { type: 'string', maxLength: 2000 } },
        },
        response: {
          200: { type: 'object', properties: { source: ref('Source') } },
          ...errors(400, 401, 403, 404, 429),
        },
      },
      preValidation: async (req) => {
        requirePermission(req, 'incidents:review');
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'incidents:review');
      return {
        source: await setSourceSensitive(
          store.db,
          req.params.id,
          req.body.sensitive,
          actor.name,
          req.body.reason ?? null,
        ),
      };
    },
  );
}
