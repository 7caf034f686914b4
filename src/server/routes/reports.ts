import { extname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ReportInput } from '../../domain/report.js';
import { InputError } from '../../ingest/errors.js';
import { readHtmlReport } from '../../ingest/read-html.js';
import { readJsonlLine } from '../../ingest/read-jsonl.js';
import { readTextReport } from '../../ingest/read-text.js';
import { toReportPayload } from '../../jobs/report-payload.js';
import type { JobQueue } from '../../jobs/types.js';
import { redactReportRef } from '../../policies/visibility.js';
import { getReport, listReports } from '../../services/reading.js';
import type { Store } from '../../store/database.js';
import { requirePermission } from '../auth.js';
import { ApiError } from '../errors.js';
import { errors, pageOf, ref } from '../schemas.js';

const UPLOAD_TYPES = [
  'text/plain',
  'text/markdown',
  'text/html',
  'application/json',
  'application/octet-stream',
];

/** Reads an uploaded body with the reader for its type (or, for octet-stream, its file name's extension). */
export function readUpload(bytes: Buffer, contentType: string, filename: string | undefined): ReportInput {
  const origin = `upload${filename ? `:${filename}` : ''}`;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const ext = filename ? extname(filename).toLowerCase() : '';
  const kind =
    type === 'application/octet-stream'
      ? ext === '.html' || ext === '.htm'
        ? 'text/html'
        : ext === '.md' || ext === '.markdown'
          ? 'text/markdown'
          : ext === '.json'
            ? 'application/json'
            : ext === '.txt'
              ? 'text/plain'
              : null
      : type;
  if (bytes.length === 0) throw new InputError('the upload is empty', origin);
  switch (kind) {
    case 'text/html':
      return readHtmlReport(bytes, origin);
    case 'text/markdown':
    case 'text/plain':
      return readTextReport(bytes, origin, kind);
    case 'application/json':
      return readJsonlLine(bytes.toString('utf8'), origin, 1);
    default:
      throw new ApiError(
        'unsupported_media_type',
        `send text/plain, text/markdown, text/html or application/json, or octet-stream with ?filename=*.txt|.md|.html|.json`,
      );
  }
}

export function reportRoutes(app: FastifyInstance, store: Store, jobs: JobQueue, uploadLimit: number): void {
  app.get<{ Querystring: { after?: string; limit?: number } }>(
    '/api/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Archived reports, newest first',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            after: { type: 'string', maxLength: 100 },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          },
        },
        response: {
          200: pageOf(ref('ReportSummary')),
          ...errors(400, 401, 403, 429),
        },
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'reports:read');
      const page = await listReports(store.reads, req.query);
      return { items: page.items.map((r) => redactReportRef(r, actor)), next: page.next };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'One report: its metadata and extracted text (claims: GET /api/claims?report=)',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } },
        response: {
          200: {
            type: 'object',
            properties: {
              report: {
                allOf: [ref('ReportSummary'), { type: 'object', properties: { text: { type: 'string' } } }],
              },
            },
          },
          ...errors(401, 403, 404, 429),
        },
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'reports:read');
      return { report: redactReportRef(await getReport(store.reads, req.params.id), actor) };
    },
  );

  // Uploads take raw bodies of several types, in their own scope so no other route accepts them.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: uploadLimit },
      (_req, body, done) => done(null, body),
    );
    scope.post<{ Querystring: { filename?: string; wait?: number }; Body: Buffer }>(
      '/api/reports',
      {
        schema: {
          tags: ['reports'],
          summary:
            'Upload a report (text, Markdown with front matter, HTML, or JSON); it is ingested by a job',
          description:
            'The body is the document itself. JSON takes {text, title?, published?, language?, country?, source?: {name, kind}, url?}; ' +
            'country (ISO 3166-1 alpha-2, also a front matter key) is where places the text names without a country are read. ' +
            'Returns the ingest job; with ?wait=N the response waits up to N seconds for it to finish.',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              filename: { type: 'string', maxLength: 255 },
              wait: { type: 'integer', minimum: 0, maximum: 30, default: 0 },
            },
          },
          response: {
            202: { type: 'object', properties: { job: ref('Job') } },
            ...errors(400, 401, 403, 413, 415, 429),
          },
        },
        preValidation: async (req) => {
          requirePermission(req, 'reports:create');
        },
      },
      async (req, reply) => {
        const actor = requirePermission(req, 'reports:create');
        if (!Buffer.isBuffer(req.body)) throw new InputError('the upload is empty', 'upload');
        const report = readUpload(req.body, req.headers['content-type'] ?? '', req.query.filename);
        let job = await jobs.enqueue('ingest', toReportPayload(report), actor.name);
        if (req.query.wait) job = (await jobs.waitFor(job.id, req.query.wait * 1000)) ?? job;
        reply.code(202).header('location', `/api/jobs/${job.id}`);
        return { job };
      },
    );
  });

  app.get<{ Params: { id: string } }>(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'A background job: its state and, when done, its result',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } },
        response: { 200: { type: 'object', properties: { job: ref('Job') } }, ...errors(401, 403, 404, 429) },
      },
    },
    async (req) => {
      requirePermission(req, 'jobs:read');
      const job = await jobs.get(req.params.id);
      if (!job) throw new ApiError('not_found', `no job "${req.params.id}"`);
      return { job };
    },
  );
}
