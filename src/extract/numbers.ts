import type { CountRange } from '../domain/range.js';
import { endRe, foldPattern, memo, startRe, wordSource } from './lexicon/compile.js';
import type { Lexicon } from './lexicon/types.js';

/** A quantity as written, with the modifiers that make it a range. Offsets are folded. */
export interface Quantity {
  /** Span of the bare number (what a count's evidence points at). */
  start: number;
  end: number;
  /** Span including modifiers ("at least 42", "between 250 and 370"). */
  outerStart: number;
  outerEnd: number;
  range: CountRange;
  /** "dozens", "hundreds": a convention, not a figure. */
  vague: boolean;
}

interface RawNumber {
  start: number;
  end: number;
  value: number;
  vague: CountRange | null;
}

const MAX_COUNT = 100_000_000;

function numberWordRe(lex: Lexicon): RegExp {
  return memo(lex, 'numwords', () => {
    const tokens = [...Object.keys(lex.units), ...Object.keys(lex.scales)];
    const tok = wordSource(lex, tokens);
    const join = lex.numberJoin.map(foldPattern).join('|');
    // A run of number words, optionally joined ("one hundred and five", "forty-three").
    return new RegExp(`${tok}(?:(?:\\s+|\\s*-\\s*)(?:(?:${join})\\s+)?${tok})*`, 'gu');
  });
}

function vagueRe(lex: Lexicon): RegExp {
  return memo(
    lex,
    'vague',
    () => new RegExp(lex.vague.map((v) => `(${wordSource(lex, [v.re])})`).join('|'), 'gu'),
  );
}

/** Number words that are also indefinite articles (folded): "une vingtaine" is twenty, not 21. */
export const ARTICLE_NUMBERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'un',
  'une',
  'una',
  'uno',
  'um',
  'uma',
  'ein',
  'eine',
  'einen',
  'einem',
  'einer',
]);

function wordValue(lex: Lexicon, phrase: string): number | null {
  const units = memo(lex, 'unitsFolded', () => {
    const m = new Map<string, number>();
    for (const [k, v] of Object.entries(lex.units)) m.set(foldPattern(k), v);
    return m;
  });
  const scales = memo(lex, 'scalesFolded', () => {
    const m = new Map<string, number>();
    for (const [k, v] of Object.entries(lex.scales)) m.set(foldPattern(k), v);
    return m;
  });
  const prefix = lex.lang === 'ar' ? /^[وفبلك]{0,2}(?:ال|لل)?/u : null;
  let total = 0;
  let current = 0;
  let seen = false;
  const words = phrase.split(/[\s-]+/u).filter((w) => w !== '');
  // An article before another number word is no number of its own.
  if (words.length > 1 && ARTICLE_NUMBERS.has(words[0] as string)) words.shift();
  for (const raw of words) {
    let t = raw;
    let u = units.get(t);
    let s = scales.get(t);
    if (u === undefined && s === undefined && prefix) {
      t = raw.replace(prefix, '');
      u = units.get(t);
      s = scales.get(t);
    }
    if (u !== undefined) {
      current += u;
      seen = true;
    } else if (s !== undefined) {
      current = (current === 0 ? 1 : current) * s;
      if (s >= 1000) {
        total += current;
        current = 0;
      }
      seen = true;
    }
  }
  return seen ? total + current : null;
}

const DIGITS = /\d{1,3}(?:[,.']\d{3})+(?![\d,.]\d)|\d+(?:[.,]\d+)?/gu;

/** Every number in folded text: digits, number words, vague quantities. */
export function findNumbers(norm: string, lex: Lexicon): RawNumber[] {
  const out: RawNumber[] = [];
  const scaleAfter = memo(lex, 'scaleAfter', () => startRe(lex, Object.keys(lex.scales)));
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(norm); m !== null; m = DIGITS.exec(norm)) {
    const start = m.index;
    let end = start + m[0].length;
    const prev = norm[start - 1] ?? ' ';
    const next = norm[end] ?? ' ';
    // Model numbers (GBU-38), times (19:10), calibres (155mm): not counts.
    if (/[a-z]/u.test(prev) || (prev === '-' && /[a-z]/u.test(norm[start - 2] ?? ''))) continue;
    if (/[\p{L}]/u.test(next) && !/[\u0600-\u06FF]/u.test(next)) continue;
    if (next === ':' && /\d/u.test(norm[end + 1] ?? '')) continue;
    if (prev === ':' && /\d/u.test(norm[start - 2] ?? '')) continue;
    if (prev === '/' || next === '/') continue;
    let text = m[0];
    let value: number;
    if (/^\d{1,3}(?:[,.']\d{3})+$/u.test(text)) value = Number(text.replace(/[,.']/gu, ''));
    else {
      text = text.replace(',', '.');
      value = Number(text);
    }
    const sc = scaleAfter.exec(norm.slice(end, end + 20));
    if (sc) {
      const s = wordValue(lex, sc[0].trim());
      if (s !== null) {
        value *= s;
        end += sc[0].length;
      }
    }
    if (!Number.isFinite(value) || value > MAX_COUNT) continue;
    out.push({ start, end, value: Math.round(value), vague: null });
  }
  const words = numberWordRe(lex);
  // Arabic's Monday is "the two" (الاثنين): a weekday name is never a count.
  const weekdays = memo(lex, 'weekdayWords', () => new Set(lex.weekdays.flat().map(foldPattern)));
  words.lastIndex = 0;
  for (let m = words.exec(norm); m !== null; m = words.exec(norm)) {
    if (weekdays.has(m[0])) continue;
    const v = wordValue(lex, m[0]);
    if (v === null || v <= 0 || v > MAX_COUNT) continue;
    let start = m.index;
    // "a dozen", "a hundred".
    const before = norm.slice(Math.max(0, start - 3), start);
    if (/(?:^|\s)an? $/u.test(before) && v >= 12 && /^[a-z]/u.test(m[0]))
      start -= before.endsWith('an ') ? 3 : 2;
    out.push({ start, end: m.index + m[0].length, value: v, vague: null });
  }
  const vre = vagueRe(lex);
  vre.lastIndex = 0;
  for (let m = vre.exec(norm); m !== null; m = vre.exec(norm)) {
    const idx = m.slice(1).findIndex((g) => g !== undefined);
    const v = lex.vague[idx];
    if (!v) continue;
    out.push({ start: m.index, end: m.index + m[0].length, value: v.range.min, vague: v.range });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlaps (a word inside a vague phrase) keep the first, longest.
  const kept: RawNumber[] = [];
  for (const n of out) {
    const last = kept[kept.length - 1];
    if (last && n.start < last.end) continue;
    kept.push(n);
  }
  return kept;
}

/** Numbers with their range modifiers folded in. */
export function findQuantities(norm: string, lex: Lexicon): Quantity[] {
  const nums = findNumbers(norm, lex);
  const re = memo(lex, 'qmods', () => ({
    atLeast: endRe(lex, lex.atLeast),
    about: endRe(lex, lex.about),
    upTo: endRe(lex, lex.upTo),
    orMore: startRe(lex, lex.orMore),
    between: lex.between.map(([a, b]) => ({
      a: endRe(lex, [a]),
      b: new RegExp(`^\\s*(?:${foldPattern(b)})\\s*$`, 'u'),
    })),
    // "11 or more of them", "82 or more dead".
  }));
  const out: Quantity[] = [];
  for (let i = 0; i < nums.length; i++) {
    const n = nums[i] as RawNumber;
    const left = norm.slice(Math.max(0, n.start - 40), n.start);
    const right = norm.slice(n.end, n.end + 20);
    let outerStart = n.start;
    let outerEnd = n.end;
    if (n.vague) {
      out.push({ start: n.start, end: n.end, outerStart, outerEnd, range: { ...n.vague }, vague: true });
      continue;
    }
    const next = nums[i + 1];
    let done = false;
    if (next && !next.vague) {
      const gap = norm.slice(n.end, next.start);
      for (const b of re.between) {
        const a = b.a.exec(left);
        if (a && b.b.test(gap)) {
          const lo = Math.min(n.value, next.value);
          const hi = Math.max(n.value, next.value);
          outerStart = n.start - a[0].length;
          out.push({
            start: n.start,
            end: next.end,
            outerStart,
            outerEnd: next.end,
            range: { min: lo, max: hi },
            vague: false,
          });
          i += 1;
          done = true;
          break;
        }
      }
      // "10 to 15", "10-15" without "between".
      if (!done && /^\s*(?:-|to|a|bis|y|e|و)\s*$/u.test(gap) && next.value > n.value && n.value >= 2) {
        if (/^\s*-\s*$/u.test(gap) || /^\s*(?:to|a|bis)\s*$/u.test(gap)) {
          out.push({
            start: n.start,
            end: next.end,
            outerStart,
            outerEnd: next.end,
            range: { min: n.value, max: next.value },
            vague: false,
          });
          i += 1;
          done = true;
        }
      }
    }
    if (done) continue;
    let range: CountRange = { min: n.value, max: n.value };
    const al = re.atLeast.exec(left);
    const ab = re.about.exec(left);
    const ut = re.upTo.exec(left);
    const om = re.orMore.exec(right);
    if (al) {
      range = { min: n.value, max: null };
      outerStart -= al[0].length;
    } else if (ut) {
      outerStart -= ut[0].length;
    } else if (ab) {
      outerStart -= ab[0].length;
    }
    if (om) {
      range = { min: n.value, max: null };
      outerEnd += om[0].length;
    }
    out.push({ start: n.start, end: n.end, outerStart, outerEnd, range, vague: false });
  }
  return out;
}
