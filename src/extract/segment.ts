import type { Folded } from './text.js';

/** A sentence in folded offsets, with the paragraph it belongs to. */
export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

export interface Layout {
  sentences: Sentence[];
  /** Folded end of the headline line, 0 when the text has none. */
  headlineEnd: number;
  /** Folded [start, end) of a dateline ("BEIRUT —"), whose place is where the story was filed. */
  dateline: { start: number; end: number } | null;
}

const ABBREVIATIONS = new Set([
  'u.s',
  'u.n',
  'u.k',
  'lt',
  'gen',
  'maj',
  'col',
  'capt',
  'sgt',
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'no',
  'fla',
  'calif',
  'jan',
  'feb',
  'aug',
  'sept',
  'oct',
  'nov',
  'dec',
  'vs',
  'etc',
  'approx',
  'mt',
  'brig',
  'adm',
  'gov',
  'sen',
  'rep',
  'jr',
  'sr',
  'inc',
  'corp',
  'z.b',
  'bzw',
  'ca',
  'dr',
  'nr',
  'sr',
  'sra',
]);

const DATELINE =
  /^(?:[\p{Lu}][\p{Lu}\s.,'/()-]{1,60}?(?:,\s*[\p{L}. ]{1,25})?|\([\p{L} .,'/-]{2,40}\))\s+[—–-]{1,2}\s+/u;
const DATELINE_AR = /^[\u0600-\u06FF\s]{2,40}(?:\s+-\s+[\u0600-\u06FF\s]{2,30})*(?:\s+-\s+|:\s+)/u;

/** A line at least this long that does not end a sentence is prose wrapped onto the next line. */
const WRAP_MIN_CHARS = 40;
const ENDS_SENTENCE = /[.!?؟:;؛"”]$/u;
/** A line that starts a list item, heading, quotation or table row stands on its own. */
const STARTS_BLOCK = /^(?:[-*•#>|]|\d+[.)]\s)/u;

/**
 * Whether the line of `text` ending at `lineEnd` (a newline) is prose hard-wrapped onto the next
 * line, as plain-text mail, wire copy and Markdown files are: then the newline is a space, not
 * the end of a sentence. Short lines ("Killed: 5") and lines ending a sentence stand alone.
 */
function wrapsOn(text: string, lineEnd: number): boolean {
  if (text[lineEnd] !== '\n') return false;
  const line = text.slice(text.lastIndexOf('\n', lineEnd - 1) + 1, lineEnd).trim();
  if (line.length < WRAP_MIN_CHARS || ENDS_SENTENCE.test(line)) return false;
  const nextEnd = text.indexOf('\n', lineEnd + 1);
  const next = text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd).trim();
  return next.length > 0 && !STARTS_BLOCK.test(next);
}

/** A letter that continues a sentence: lower case, or of a script without case (Arabic). */
function continuesSentence(ch: string): boolean {
  return /\p{Ll}/u.test(ch) || (/\p{L}/u.test(ch) && ch.toLowerCase() === ch.toUpperCase());
}

/**
 * Whether the first line, ending at `lineEnd`, is a first sentence wrapped onto the next line and
 * so no headline: "Dozens of civilians were killed when coalition warplanes struck a residential" /
 * "building in the old city". The next line goes on in lower case (or a script without case); or
 * the report has a title of its own, so needs no headline line: "... market in the town of Ariha in"
 * / "Idlib province on Tuesday evening, killing at least 12 civilians".
 */
function wrappedFirstSentence(text: string, lineEnd: number, firstLine: string, title: string): boolean {
  if (!wrapsOn(text, lineEnd)) return false;
  const next = text
    .slice(lineEnd + 1)
    .trimStart()
    .charAt(0);
  return continuesSentence(next) || (title.length > 0 && !firstLine.startsWith('#'));
}

function firstLineEnd(text: string): number {
  const i = text.indexOf('\n');
  return i < 0 ? text.length : i;
}

/**
 * Splits a report into sentences. The headline (the first line, when it repeats the
 * title or has no closing punctuation) is kept apart: it restates the story and
 * its figures are rounded, so the body is what claims are built from.
 */
export function segment(f: Folded, title: string | null | undefined): Layout {
  const { text, norm } = f;
  let bodyStartOrig = 0;
  // Skip leading blank lines.
  while (bodyStartOrig < text.length && /\s/u.test(text[bodyStartOrig] as string)) bodyStartOrig++;
  let headlineEnd = 0;
  const lineEnd = bodyStartOrig + firstLineEnd(text.slice(bodyStartOrig));
  const firstLine = text.slice(bodyStartOrig, lineEnd).trim();
  const hasMore = text.slice(lineEnd).trim().length > 0;
  const t = (title ?? '').trim();
  const looksLikeHeadline =
    hasMore &&
    firstLine.length > 0 &&
    firstLine.length < 200 &&
    ((t.length > 0 && firstLine.replace(/^#+\s*/u, '') === t.replace(/^#+\s*/u, '')) ||
      (!/[.!?؟:"”]$/u.test(firstLine) &&
        firstLine.split(/\s+/u).length <= 18 &&
        !wrappedFirstSentence(text, lineEnd, firstLine, t)));
  const normIndexOf = (orig: number): number => {
    let lo = 0;
    let hi = f.map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((f.map[mid] ?? 0) < orig) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  if (looksLikeHeadline) headlineEnd = normIndexOf(lineEnd);

  // Dateline at the start of the body.
  let bodyOrig = looksLikeHeadline ? lineEnd : bodyStartOrig;
  while (bodyOrig < text.length && /\s/u.test(text[bodyOrig] as string)) bodyOrig++;
  const head = text.slice(bodyOrig, bodyOrig + 120);
  const dm = DATELINE.exec(head) ?? DATELINE_AR.exec(head);
  const dateline = dm ? { start: normIndexOf(bodyOrig), end: normIndexOf(bodyOrig + dm[0].length) } : null;

  const sentences: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (s: number, e: number): void => {
    let a = s;
    let b = e;
    while (a < b && /\s/u.test(norm[a] as string)) a++;
    while (b > a && /\s/u.test(norm[b - 1] as string)) b--;
    if (b > a) sentences.push({ start: a, end: b, paragraph });
  };
  if (headlineEnd > 0) {
    push(0, headlineEnd);
    start = headlineEnd;
    paragraph++;
  }
  const n = norm.length;
  for (let i = start; i < n; i++) {
    const c = norm[i] as string;
    if (c === '\n') {
      if (wrapsOn(text, f.map[i] ?? 0)) continue;
      push(start, i);
      start = i + 1;
      // A blank line, or a line ending a sentence, starts a paragraph.
      paragraph++;
      continue;
    }
    if (c === '.' || c === '!' || c === '?' || c === '؟' || c === ';' || c === '؛') {
      let j = i + 1;
      while (j < n && /["')\]]/u.test(norm[j] as string)) j++;
      if (j < n && !/\s/u.test(norm[j] as string)) continue;
      if (c === '.') {
        const wm = /([\p{L}.]+)$/u.exec(norm.slice(Math.max(start, i - 12), i));
        const w = wm ? wm[1] : '';
        if (w && (ABBREVIATIONS.has(w) || (w.length === 1 && /\p{L}/u.test(w)))) continue;
        if (/\d$/u.test(norm.slice(i - 1, i)) && /^\s*\d/u.test(norm.slice(j, j + 3))) continue;
        // Next original character lower case: an abbreviation we did not know.
        let k = j;
        while (k < n && /\s/u.test(norm[k] as string)) k++;
        const orig = text[f.map[k] ?? 0] ?? '';
        if (/\p{Ll}/u.test(orig)) continue;
      }
      push(start, j);
      start = j;
      i = j - 1;
    }
  }
  push(start, n);
  return { sentences, headlineEnd, dateline };
}
