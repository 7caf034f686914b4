import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, fetch } from 'undici';
import { isPrivateAddress } from './net-policy.js';

export interface FetchOptions {
  /** Allow private and loopback addresses (a feed on the local network; tests on 127.0.0.1). */
  allowPrivate: boolean;
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  /** Further attempts after a network error, 429 or 5xx. */
  retries?: number;
  /** First wait before a retry; doubles each time (a Retry-After header wins, up to a minute). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type FetchResult =
  | { status: 'not-modified'; url: string }
  | {
      status: 'ok';
      url: string;
      bytes: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    };

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    message: string,
    readonly url: string,
    readonly retryable: boolean,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
  }
}

const USER_AGENT = 'Vigil/0.1 (civilian harm monitoring; +https://github.com/)';

/** undici agents, one per policy: their lookup refuses private addresses at connect time (no DNS rebinding gap). */
const agents = new Map<boolean, Agent>();
function agentFor(allowPrivate: boolean): Agent {
  let agent = agents.get(allowPrivate);
  if (!agent) {
    agent = new Agent({
      connect: {
        lookup: (hostname, options, callback) => {
          dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
            if (err) return callback(err, '', 0);
            const list = addresses as LookupAddress[];
            const refused = !allowPrivate && list.find((a) => isPrivateAddress(a.address));
            if (refused) return callback(new PrivateAddressError(hostname, refused.address), '', 0);
            if (options.all)
              return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
            const first = list[0] as LookupAddress;
            callback(null, first.address, first.family);
          });
        },
      },
    });
    agents.set(allowPrivate, agent);
  }
  return agent;
}

class PrivateAddressError extends Error {
  override name = 'PrivateAddressError';
  constructor(host: string, address: string) {
    super(`refused: ${host} resolves to ${address}, a private or loopback address (allow_private is off)`);
  }
}

function checkLiteral(url: URL, allowPrivate: boolean): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host))
    throw new FetchError(
      `refused: ${host} is a private or loopback address (allow_private is off)`,
      url.toString(),
      false,
    );
}

/**
 * GET with the safety a crawler of untrusted URLs needs: private addresses refused (at every
 * redirect hop and at connect time), conditional requests, a time and size limit, and retries
 * with exponential backoff for failures that may pass.
 */
export async function fetchUrl(url: string, options: FetchOptions): Promise<FetchResult> {
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, options);
    } catch (err) {
      const e = err instanceof FetchError ? err : new FetchError(`${(err as Error).message}`, url, true);
      if (!e.retryable || attempt >= retries) throw e;
      const retryAfter = (e as FetchError & { retryAfterMs?: number }).retryAfterMs;
      await sleep(Math.min(60_000, retryAfter ?? backoff * 2 ** attempt));
    }
  }
}

async function fetchOnce(start: string, options: FetchOptions): Promise<FetchResult> {
  let url = new URL(start);
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: '*/*' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  for (let hop = 0; hop <= 5; hop++) {
    checkLiteral(url, options.allowPrivate);
    let res: Awaited<ReturnType<typeof fetch>>;
    try {
      res = await fetch(url, {
        headers,
        redirect: 'manual',
        dispatcher: agentFor(options.allowPrivate),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      const cause = (err as { cause?: unknown }).cause;
      if (cause instanceof PrivateAddressError) throw new FetchError(cause.message, url.toString(), false);
      throw new FetchError(
        `${(err as Error).message}${cause ? `: ${(cause as Error).message}` : ''}`,
        url.toString(),
        true,
      );
    }
    if ([301, 302, 303, 307, 308].includes(res.status)) {
      const location = res.headers.get('location');
      await res.body?.cancel();
      if (!location)
        throw new FetchError(`redirect ${res.status} without a Location`, url.toString(), false, res.status);
      url = new URL(location, url);
      continue;
    }
    if (res.status === 304) {
      await res.body?.cancel();
      return { status: 'not-modified', url: url.toString() };
    }
    if (!res.ok) {
      await res.body?.cancel();
      const retryable = res.status === 429 || res.status >= 500;
      const err = new FetchError(`HTTP ${res.status}`, url.toString(), retryable, res.status);
      const ra = Number(res.headers.get('retry-after'));
      if (Number.isFinite(ra) && ra >= 0) Object.assign(err, { retryAfterMs: ra * 1000 });
      throw err;
    }
    const bytes = await readLimited(res, options.maxBytes ?? 20 * 1024 * 1024, url.toString());
    return {
      status: 'ok',
      url: url.toString(),
      bytes,
      contentType: res.headers.get('content-type'),
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
    };
  }
  throw new FetchError('more than 5 redirects', start, false);
}

async function readLimited(
  res: Awaited<ReturnType<typeof fetch>>,
  max: number,
  url: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!res.body) return Buffer.alloc(0);
  for await (const chunk of res.body) {
    size += (chunk as Uint8Array).length;
    if (size > max) throw new FetchError(`response larger than ${max} bytes`, url, false);
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}
