import type { FastifyError } from 'fastify';
import { InputError } from '../ingest/errors.js';
import { AccountError } from '../services/accounts.js';
import { FilterError } from '../services/filters.js';
import { NotFoundError } from '../services/incidents.js';
import { ReviewError } from '../services/review/errors.js';

/** Stable error codes: clients may branch on them; the messages may change. */
export const ERROR_CODES = {
  invalid_request: 400,
  invalid_filter: 400,
  invalid_input: 400,
  invalid_user: 400,
  weak_password: 400,
  invalid_role: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  user_exists: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  timeout: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = ERROR_CODES[code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_request',
  FST_CSRF_INVALID_TOKEN: 'csrf_failed',
  FST_CSRF_MISSING_SECRET: 'csrf_failed',
  FST_ERR_VALIDATION: 'invalid_request',
  FST_ERR_BAD_URL: 'invalid_request',
};

/**
 * Where in a request's query or JSON body a string holds U+0000 (`body.name`, `query.q`), or
 * null. PostgreSQL refuses that character in text, so such a request failed there with a 500
 * and was stored as sent by the embedded database; it is a bad request on both.
 */
export function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const at = nulPath(v, `${path}[${i}]`);
      if (at) return at;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null && !Buffer.isBuffer(value))
    for (const [k, v] of Object.entries(value)) {
      const at = nulPath(v, `${path}.${k}`);
      if (at) return at;
    }
  return null;
}

/** Any error a handler or Fastify raises, as the one error shape; unknown errors never leak internals. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  const make = (code: ErrorCode, message: string, details?: unknown) => ({
    status: ERROR_CODES[code],
    body: { error: { code, message, ...(details === undefined ? {} : { details }) } },
  });
  if (err instanceof ApiError) return make(err.code, err.message, err.details);
  if (err instanceof FilterError) return make('invalid_filter', err.message, { field: err.field });
  if (err instanceof NotFoundError) return make('not_found', err.message);
  if (err instanceof InputError)
    return make('invalid_input', err.message, { where: err.where, line: err.line, field: err.field });
  if (err instanceof ReviewError) return make('invalid_request', err.message, { field: err.field });
  if (err instanceof AccountError) return make(err.code, err.message);
  if (err instanceof Error && err.name === 'ConflictError')
    return make('conflict', err.message, (err as { details?: unknown }).details);
  const fe = err as Partial<FastifyError> & { validation?: unknown };
  if (fe.validation)
    return make('invalid_request', fe.message ?? 'invalid request', { validation: fe.validation });
  if (fe.code && FASTIFY_CODES[fe.code]) return make(FASTIFY_CODES[fe.code] as ErrorCode, fe.message ?? '');
  if (fe.statusCode === 429) return make('rate_limited', fe.message ?? 'too many requests');
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)
    return make(fe.statusCode === 404 ? 'not_found' : 'invalid_request', fe.message ?? 'bad request');
  // PostgreSQL's statement_timeout cancelled the query.
  if ((err as { code?: string }).code === '57014') return make('timeout', 'the query took too long');
  return make('internal', 'internal error');
}
