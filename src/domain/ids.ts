import { createHash, randomUUID } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Report ids derive from content, so the same bytes always get the same id. */
export function reportIdFor(sha256: string): string {
  return `r_${sha256.slice(0, 20)}`;
}

export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
}
