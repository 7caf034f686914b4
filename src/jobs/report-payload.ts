import type { ReportInput } from '../domain/report.js';
import { PermanentJobError } from './types.js';

/** A report as a job carries it: JSON, with the original bytes in base64. */
export interface ReportPayload extends Omit<ReportInput, 'bytes'> {
  bytes: string;
}

export function toReportPayload(r: ReportInput): ReportPayload {
  return { ...r, bytes: r.bytes.toString('base64') };
}

export function fromReportPayload(p: unknown): ReportInput {
  const o = p as Partial<ReportPayload> | null;
  if (!o || typeof o.bytes !== 'string' || typeof o.text !== 'string' || typeof o.origin !== 'string')
    throw new PermanentJobError('ingest job payload is not a report');
  return {
    bytes: Buffer.from(o.bytes, 'base64'),
    origin: o.origin,
    externalId: o.externalId ?? null,
    url: o.url ?? null,
    title: o.title ?? null,
    published: o.published ?? null,
    language: o.language ?? null,
    country: o.country ?? null,
    source: o.source ?? null,
    text: o.text,
    mediaType: o.mediaType ?? 'text/plain',
  };
}
