/**
 * Near-duplicate reports (syndicated copies, light rewrites) by MinHash over word shingles,
 * with LSH bands so a store can find candidates by equality lookups instead of comparing
 * every pair. Pure: no I/O.
 */

export const SHINGLE_WORDS = 3;
export const BANDS = 32;
export const ROWS_PER_BAND = 4;
export const SIGNATURE_SIZE = BANDS * ROWS_PER_BAND;
/** Estimated Jaccard similarity of shingle sets at or above which two reports are the same text. */
export const NEAR_COPY_JACCARD = 0.75;

export interface Fingerprint {
  minhash: number[];
  /** The figures the text states, sorted: a copy adds no new figure and changes none. */
  numbers: string[];
}

const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/g;

function westernDigits(text: string): string {
  return text.replace(ARABIC_INDIC, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

/** Lower-cased words in any script; punctuation and spacing differences between copies vanish. */
export function words(text: string): string[] {
  return (
    westernDigits(text.normalize('NFKC'))
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

export function shingles(text: string, k = SHINGLE_WORDS): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length === 0) return out;
  if (w.length < k) {
    out.add(w.join(' '));
    return out;
  }
  for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(' '));
  return out;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads one base hash into independent-looking per-permutation hashes. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix32(0x9e3779b9 + i * 0x632be5ab));

export function minhashSignature(text: string): number[] {
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of shingles(text)) {
    const base = fnv1a(s);
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = fmix32(base ^ (SEEDS[i] as number));
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** One bucket key per band; two signatures sharing any key are candidates. */
export function bandBuckets(sig: readonly number[]): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = sig.slice(b * ROWS_PER_BAND, (b + 1) * ROWS_PER_BAND);
    out.push(fnv1a(rows.join(',')).toString(16).padStart(8, '0'));
  }
  return out;
}

export function estimatedJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

const YEAR = /^(19|20)\d\d$/;

/** Distinct numbers in the text, years left out (a copy's dateline may add one). */
export function figuresIn(text: string): string[] {
  const found = westernDigits(text).match(/\d+(?:[.,]\d{3})*/g) ?? [];
  const normalised = found.map((n) => n.replace(/[.,]/g, '').replace(/^0+(?=\d)/, ''));
  return [...new Set(normalised.filter((n) => !YEAR.test(n)))].sort();
}

export function fingerprint(text: string): Fingerprint {
  return { minhash: minhashSignature(text), numbers: figuresIn(text) };
}

/** Same wording (by MinHash) and the same figures: one text published twice, not two accounts. */
export function isNearCopy(a: Fingerprint, b: Fingerprint): boolean {
  if (a.numbers.length !== b.numbers.length || a.numbers.some((n, i) => n !== b.numbers[i])) return false;
  return estimatedJaccard(a.minhash, b.minhash) >= NEAR_COPY_JACCARD;
}

export interface DatedReport {
  id: string;
  published: string | null;
}

/**
 * The report a group of copies is kept as: the earliest published, then the smallest id.
 * Chosen from the group alone, so the same reports give the same original in any arrival order.
 */
export function canonicalReport<T extends DatedReport>(group: readonly T[]): T {
  const sorted = [...group].sort(
    (a, b) =>
      (a.published ?? '9999').localeCompare(b.published ?? '9999') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const first = sorted[0];
  if (!first) throw new Error('canonicalReport needs at least one report');
  return first;
}
