/**
 * A matching view of a report's text. Lexicon patterns are written once, in a folded
 * form (lower case, no Latin accents, one Arabic spelling, ASCII digits), so every
 * language's rules run on `norm`; `map` carries each folded offset back to the
 * original text so evidence spans always point at what the report actually says.
 */
export interface Folded {
  readonly text: string;
  readonly norm: string;
  /** norm offset -> original offset; one extra entry for the end. */
  readonly map: Int32Array;
}

const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]/;
const DROP = /[\u00AD\u200B-\u200F\u2060\uFEFF]/;

const FIXED: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ئ: 'ي',
  ؤ: 'و',
  '\u066C': ',',
  '\u066B': '.',
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '´': "'",
  '`': "'",
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
  '\u00A0': ' ',
  '\u202F': ' ',
  '\u2009': ' ',
  '\t': ' ',
  '\r': ' ',
  ß: 'ss',
};

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out: string;
  const code = ch.codePointAt(0) ?? 0;
  if (FIXED[ch] !== undefined) out = FIXED[ch];
  else if (code >= 0x0660 && code <= 0x0669) out = String(code - 0x0660);
  else if (code >= 0x06f0 && code <= 0x06f9) out = String(code - 0x06f0);
  else if (ARABIC_MARKS.test(ch) || DROP.test(ch)) out = '';
  else {
    // Accents are dropped so "blessés" and "blesses" match one pattern; the result
    // is capped at one character to keep offsets simple (İ lowercases to two).
    const base = ch
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '');
    out =
      base.length === 0
        ? ''
        : base.codePointAt(0) !== undefined
          ? String.fromCodePoint(base.codePointAt(0) as number)
          : '';
  }
  // Bounded by the Basic Multilingual Plane in practice; junk input must not make every call slow.
  if (cache.size < 70_000) cache.set(ch, out);
  return out;
}

/** Printable ASCII and newlines: folding is lower-casing, one offset per character. */
const PLAIN_ASCII = /^[\n\x20-\x7e]*$/;

export function fold(text: string): Folded {
  if (PLAIN_ASCII.test(text)) {
    const map = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) map[i] = i;
    return { text, norm: text.toLowerCase(), map };
  }
  const parts: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // ASCII fast path: most of the input, and the benchmark cares.
    if (code < 0x80) {
      const c =
        code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code === 9 || code === 13 ? ' ' : text[i];
      parts.push(c as string);
      map.push(i);
      i += 1;
      continue;
    }
    const cp = text.codePointAt(i) ?? code;
    const width = cp > 0xffff ? 2 : 1;
    const f = foldChar(text.slice(i, i + width));
    for (let k = 0; k < f.length; k++) map.push(i);
    parts.push(f);
    i += width;
  }
  map.push(text.length);
  return { text, norm: parts.join(''), map: Int32Array.from(map) };
}

/** Original-text span of a folded range. */
export function toSpan(f: Folded, start: number, end: number): { start: number; end: number } {
  const s = f.map[Math.max(0, Math.min(start, f.map.length - 1))] ?? 0;
  const lastIdx = Math.max(start, end - 1);
  const last = f.map[Math.min(lastIdx, f.map.length - 1)] ?? s;
  let e = end <= start ? s : last + 1;
  // Surrogate pairs occupy two code units in the original.
  const cp = f.text.codePointAt(last);
  if (end > start && cp !== undefined && cp > 0xffff) e = last + 2;
  return { start: s, end: Math.min(e, f.text.length) };
}

/** Folded offset of an original offset (first folded char at or after it). */
export function toNorm(f: Folded, orig: number): number {
  let lo = 0;
  let hi = f.map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((f.map[mid] ?? 0) < orig) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Word boundary that works for Arabic and accented Latin, where \b does not. */
export const L = '(?<![\\p{L}\\p{N}])';
export const R = '(?![\\p{L}\\p{N}])';

/** An alternation of patterns, longest first so "air strikes" wins over "air". */
export function alt(list: readonly string[]): string {
  return [...list].sort((a, b) => b.length - a.length).join('|');
}

/** A whole-word regex over folded text. */
export function words(list: readonly string[], flags = 'gu'): RegExp {
  if (list.length === 0) return /(?!)/gu;
  return new RegExp(`${L}(?:${alt(list)})${R}`, flags);
}
