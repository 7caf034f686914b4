/** Word tokens of a text with their offsets, and the facts about each the recogniser needs. */

export interface Token {
  start: number;
  end: number;
  text: string;
  arabic: boolean;
  /** Starts with an upper-case letter (Latin scripts). */
  capital: boolean;
  allCaps: boolean;
  /** First word of a sentence, line or headline, where capitals prove nothing. */
  sentenceStart: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’‐-][\p{L}\p{M}\p{N}]+)*/gu;
const ARABIC = /[\u0600-\u06ff]/;

function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s"“”'‘’«»([—–-]/.test(text[i] ?? '')) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || /[.!?:;|•]/.test(text[i] ?? '');
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const t = m[0];
    const start = m.index;
    const arabic = ARABIC.test(t);
    const first = t[0] ?? '';
    const capital = !arabic && first !== first.toLowerCase();
    // "US's": a possessive ending does not make an abbreviation in capitals a word in lower case.
    const core = t.replace(/['’]s$/u, '');
    out.push({
      start,
      end: start + t.length,
      text: t,
      arabic,
      capital,
      allCaps: capital && core.length > 1 && core === core.toUpperCase(),
      sentenceStart: isSentenceStart(text, start),
    });
  }
  return out;
}

/** True when only spaces (no line break or punctuation) separate two offsets. */
export function joinedBySpace(text: string, from: number, to: number): boolean {
  if (to <= from) return to === from;
  return /^[ \t\u00a0]+$/.test(text.slice(from, to));
}
