import type { JobQueue } from '../jobs/types.js';
import type { Actor } from '../policies/roles.js';
import type { Store } from '../store/database.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** How the actor was identified: a session cookie needs a CSRF token on writes, an API token does not. */
    authVia: 'session' | 'token' | null;
    sessionToken: string | null;
  }
}

export interface ServerLimits {
  /** Bytes of a JSON request body. */
  bodyLimit: number;
  /** Bytes of an uploaded report. */
  uploadLimit: number;
  /** Requests a minute from one anonymous client (by IP). */
  publicPerMinute: number;
  /** Requests a minute from one signed-in user. */
  userPerMinute: number;
  /** Login attempts a minute from one IP. */
  loginPerMinute: number;
  /** Milliseconds to receive a whole request. */
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  bodyLimit: 1024 * 1024,
  uploadLimit: 20 * 1024 * 1024,
  publicPerMinute: 600,
  userPerMinute: 6000,
  loginPerMinute: 10,
  requestTimeoutMs: 30_000,
};

export interface ServerDeps {
  store: Store;
  jobs: JobQueue;
  limits?: Partial<ServerLimits>;
  /** Send cookies with Secure (behind HTTPS); default: when the request came over HTTPS. */
  secureCookies?: boolean;
  /** Log requests (pino) — off in tests. */
  logger?: boolean;
  /** Trust X-Forwarded-For from a proxy in front (for rate limits by client IP). */
  trustProxy?: boolean;
}
