import * as crypto from 'node:crypto';

// One-shot hashing (Node ≥ 20.12) skips the Hash object a digest otherwise allocates.
const oneShot = (
  crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }
).hash;

export function sha256Hex(data: string | Uint8Array): string {
  return oneShot ? oneShot('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex');
}

/** Report ids derive from content, so the same bytes always get the same id. */
export function reportIdFor(sha256: string): string {
  return `r_${sha256.slice(0, 20)}`;
}

/** A publisher's id derives from its kind and name, so every path that meets it makes the same row. */
export function sourceIdFor(kind: string, name: string): string {
  return `s_${sha256Hex(`${kind}\u0000${name}`).slice(0, 20)}`;
}

/**
 * The lookup key of a report's figure list (its JSON text), of fixed size whatever the list's
 * length. Stored keys depend on it (migration 0010 wrote them): it must not change.
 */
export function figuresKey(numbersJson: string): string {
  return sha256Hex(numbersJson).slice(0, 32);
}

export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

const TIME_HEX = 11; // milliseconds since 1970, good until the year 2527
const COUNT_HEX = 9;
// Starts at a random point in the lower half of its range, so it cannot wrap, and two processes
// minting ids in the same millisecond almost surely draw apart.
let counter = crypto.randomInt(0, 2 ** 35);

/**
 * An id of the same shape as newId whose text sorts in the order the ids were made (within a
 * process): the time in milliseconds, then a counter. Rows inserted with such ids append to the
 * end of an index on them instead of landing on a random page.
 */
export function sortableId(prefix: string): string {
  counter++;
  return `${prefix}_${Date.now().toString(16).padStart(TIME_HEX, '0')}${counter.toString(16).padStart(COUNT_HEX, '0')}`;
}
