import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuth } from './auth.js';
import { DEFAULT_LIMITS, type ServerDeps } from './context.js';
import { ApiError, nulPath, toErrorBody } from './errors.js';
import { accountRoutes } from './routes/accounts.js';
import { figureRoutes } from './routes/figures.js';
import { incidentRoutes } from './routes/incidents.js';
import { mapRoutes } from './routes/map.js';
import { reportRoutes } from './routes/reports.js';
import { reviewReadRoutes } from './routes/review-reads.js';
import { SHARED_SCHEMAS } from './schemas.js';
import { appPage, registerWebApp, wantsAppPage } from './static.js';

const VERSION = '0.1.0';

/** The HTTP API: translation between HTTP and the services, nothing more. Stateless, so replicas scale out. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: limits.bodyLimit,
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: 10_000,
    trustProxy: deps.trustProxy ?? false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
  });

  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorBody(err);
    if (status >= 500) req.log.error(err);
    reply.code(status).type('application/json').send(body);
  });
  app.addHook('preValidation', async (req) => {
    const at = nulPath(req.query, 'query') ?? nulPath(req.body, 'body');
    if (at) throw new ApiError('invalid_request', `${at} holds a NUL character (U+0000)`, { field: at });
  });
  // Set once the web app is registered below: unknown page URLs then answer with the app (404).
  let webApp = false;
  app.setNotFoundHandler((req, reply) => {
    if (webApp && wantsAppPage(req.method, req.url, req.headers.accept))
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(appPage());
    const { status, body } = toErrorBody(
      new ApiError('not_found', `no route ${req.method} ${req.url.split('?')[0]}`),
    );
    reply.code(status).send(body);
  });

  for (const s of SHARED_SCHEMAS) app.addSchema(s);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vigil API',
        version: VERSION,
        description:
          'Civilian harm monitoring: reports, claims, incidents, figures. Errors: {error:{code, message, details?}}.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vigil_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id as string) ?? `def-${i}` },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { httpOnly: true, sameSite: 'strict', path: '/', secure: deps.secureCookies ?? 'auto' },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  registerAuth(app, deps.store);
  await app.register(fastifyRateLimit, {
    global: true,
    // After authentication, so signed-in users are limited per user and the rest per IP.
    hook: 'preHandler',
    max: (req) => (req.actor ? limits.userPerMinute : limits.publicPerMinute),
    timeWindow: 60_000,
    keyGenerator: (req) => (req.actor ? `user:${req.actor.id}` : `ip:${req.ip}`),
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new ApiError('rate_limited', `too many requests; try again in ${ctx.after}`), {
        statusCode: 429,
      }),
  });

  incidentRoutes(app, deps.store);
  reportRoutes(app, deps.store, deps.jobs, limits.uploadLimit);
  figureRoutes(app, deps.store);
  mapRoutes(app, deps.store);
  reviewReadRoutes(app, deps.store);
  // The browser UI (web/dist), when built; see static.ts.
  webApp = await registerWebApp(app);
  accountRoutes(app, deps.store, {
    loginPerMinute: limits.loginPerMinute,
    secureCookies: deps.secureCookies ?? 'auto',
  });

  app.get(
    '/api/health',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['meta'],
        summary: 'Liveness and database reachability',
        response: {
          200: { type: 'object', properties: { ok: { type: 'boolean' }, database: { type: 'string' } } },
        },
      },
    },
    async () => {
      await deps.store.db.selectFrom('meta').select('key').limit(1).execute();
      return { ok: true, database: deps.store.dialect };
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true }, config: { rateLimit: false } }, async () =>
    app.swagger(),
  );
  await app.ready();
  return app;
}
