import { L, R } from '../text.js';
import type { Lexicon } from './types.js';

const FOLD_SAME: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ة: 'ه', ى: 'ي', ئ: 'ي', ؤ: 'و' };

/**
 * Lexicon patterns may be written with natural spelling (é, ة, أ); fold their
 * non-ASCII letters the way text.ts folds the text. ASCII is left alone so regex
 * syntax such as \S survives.
 */
export function foldPattern(p: string): string {
  let out = '';
  for (const ch of p) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out += ch;
    else if (FOLD_SAME[ch] !== undefined) out += FOLD_SAME[ch];
    else if (/[\u064B-\u065F\u0670\u0640]/.test(ch)) continue;
    else
      out += ch
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}+/gu, '');
  }
  return out;
}

function source(list: readonly string[]): string {
  return list
    .map(foldPattern)
    .sort((a, b) => b.length - a.length)
    .join('|');
}

/** Optional Arabic clitics (wa-, fa-, bi-, li-, ka-) and the article before a word. */
export const AR_PREFIX = '(?:[وفبلك]{0,2}(?:ال|لل)?)';

/** Whole-word alternation; in Arabic the clitics are allowed in front. */
export function wordSource(lex: Lexicon, list: readonly string[]): string {
  if (list.length === 0) return '(?!)';
  const pre = lex.lang === 'ar' ? AR_PREFIX : '';
  return `${L}${pre}(?:${source(list)})${R}`;
}

export function wordRe(lex: Lexicon, list: readonly string[], flags = 'gu'): RegExp {
  return new RegExp(wordSource(lex, list), flags);
}

/** Matches at the end of a string (for left contexts). */
export function endRe(lex: Lexicon, list: readonly string[]): RegExp {
  return new RegExp(`(?:${wordSource(lex, list)})\\s*$`, 'u');
}

/** Matches at the start of a string (for right contexts). */
export function startRe(lex: Lexicon, list: readonly string[]): RegExp {
  return new RegExp(`^\\s*(?:${wordSource(lex, list)})`, 'u');
}

const caches = new WeakMap<Lexicon, Map<string, unknown>>();

/** Compiles a lexicon-derived value once per lexicon. */
export function memo<T>(lex: Lexicon, key: string, build: () => T): T {
  let m = caches.get(lex);
  if (!m) {
    m = new Map();
    caches.set(lex, m);
  }
  if (m.has(key)) return m.get(key) as T;
  const v = build();
  m.set(key, v);
  return v;
}
