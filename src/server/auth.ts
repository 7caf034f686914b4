import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, can, type Permission } from '../policies/roles.js';
import { actorForApiToken, actorForSession } from '../services/accounts.js';
import type { Store } from '../store/database.js';
import { ApiError } from './errors.js';

export const SESSION_COOKIE = 'vigil_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Identifies the actor of every request: an API token (Authorization: Bearer), a session cookie, or nobody. */
export function registerAuth(app: FastifyInstance, store: Store): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req) => {
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = m?.[1] ? await actorForApiToken(store.db, m[1]) : null;
      // A bad token is refused rather than downgraded to anonymous: a script should learn its token is wrong.
      if (!actor) throw new ApiError('unauthenticated', 'the API token is invalid or revoked');
      req.actor = actor;
      req.authVia = 'token';
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const actor = await actorForSession(store.db, token);
      if (actor) {
        req.actor = actor;
        req.authVia = 'session';
        req.sessionToken = token;
      }
    }
  });
  // Cookies ride along on cross-site requests; a CSRF token proves the page making the request is ours.
  app.addHook('preHandler', (req, reply, done) => {
    if (req.authVia !== 'session' || SAFE_METHODS.has(req.method)) return done();
    app.csrfProtection(req, reply, done);
  });
}

export function requireActor(req: FastifyRequest): NonNullable<Actor> {
  if (!req.actor) throw new ApiError('unauthenticated', 'sign in or send an API token');
  return req.actor;
}

/** 401 for anonymous callers, 403 for signed-in ones without the permission. */
export function requirePermission(req: FastifyRequest, permission: Permission): NonNullable<Actor> {
  const actor = requireActor(req);
  if (!can(actor, permission)) throw new ApiError('forbidden', `the ${actor.role} role may not do this`);
  return actor;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: string,
  secure: boolean | 'auto',
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure,
    expires: new Date(expiresAt),
  });
}
