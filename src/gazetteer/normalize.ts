/**
 * Name normalisation shared by the index builder and the lookups, so that a name
 * written in a report meets the same key as the gazetteer's spelling of it.
 */

// Harakat, superscript alef, Quranic marks: optional in Arabic writing.
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const LATIN_MARKS = /[\u0300-\u036f]/g;

/** Letters that decomposition does not fold but transliterations write plainly. */
const LATIN_FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
};

/** Arabic letters with several written forms that readers treat as one. */
const ARABIC_FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ی: 'ي', // Persian yeh, common in web text
  ک: 'ك',
};

const ARABIC_LETTER = /[\u0600-\u06ff]/;
const ASCII = /^[\x20-\x7e]*$/;

/**
 * Folds case, accents, punctuation and Arabic orthographic variants; keeps word
 * boundaries as single spaces. Does not touch articles (see `nameKey`).
 */
export function foldText(input: string): string {
  // Most names are plain ASCII: skip the Unicode passes for them (the index builder folds a million).
  if (ASCII.test(input)) {
    return input
      .toLowerCase()
      .replace(/['`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  let s = input.normalize('NFD').replace(LATIN_MARKS, '').replace(ARABIC_MARKS, '').toLowerCase();
  s = s.replace(/[ßæœøđðþłıħ]/g, (c) => LATIN_FOLD[c] ?? c);
  s = s.replace(/[أإآٱةىیک]/g, (c) => ARABIC_FOLD[c] ?? c);
  // Apostrophes and ayn/hamza signs inside transliterations vanish: Dar'a = Dara.
  s = s.replace(/['’‘`´ʻʼʿʾ]/g, '');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ');
  return s.trim();
}

// Sun-letter assimilations of the Arabic article as transliterated: "as-Suwayda", "Ar Raqqah".
const SUN_ARTICLES = [
  'adh',
  'ath',
  'ash',
  'ad',
  'ar',
  'as',
  'at',
  'az',
  'an',
  'al',
  'ed',
  'er',
  'es',
  'et',
  'ez',
];

/**
 * The lookup key of a name: folded, with a leading Arabic article removed
 * (al-/el-/ad-/ash-…, "Al Mawsil", Arabic ال), so that "al-Raqqa", "Ar Raqqah" and
 * "Raqqa" share a key. Spanish "El Salvador" keeps its article: only "el-" with a
 * hyphen, or a sun-letter article doubled by the next word, count as Arabic.
 */
export function nameKey(input: string): string {
  return stripArticle(input, foldText(input));
}

function stripArticle(raw: string, folded: string): string {
  if (folded.length === 0) return folded;
  if (ARABIC_LETTER.test(folded[0] ?? '')) {
    const words = folded.split(' ').map((w) => (w.length > 3 && w.startsWith('ال') ? w.slice(2) : w));
    return words.join(' ');
  }
  const m = /^([a-z]{2,3}) (.+)$/.exec(folded);
  if (!m) return folded;
  const [, art = '', rest = ''] = m;
  if (art === 'al') return rest;
  const hyphenated = new RegExp(`^\\s*${art}\\s*[-‐‑–]`, 'i').test(
    raw.normalize('NFD').replace(LATIN_MARKS, ''),
  );
  if (art === 'el' && hyphenated) return rest;
  if (SUN_ARTICLES.includes(art) && art !== 'el') {
    const consonant = art.slice(1);
    if (rest.startsWith(consonant) || hyphenated) return rest;
  }
  return folded;
}

const ARTICLE_FORMS = new Set(['al', 'el', 'ul', 'il', ...SUN_ARTICLES]);

/**
 * A looser key for transliteration variants of one Arabic or Persian name
 * (Raqqah/Raqqa, Sheikhoun/Shaykhun, Deir/Dayr): used only when the exact key
 * finds nothing.
 */
export function looseKey(key: string): string {
  if (ARABIC_LETTER.test(key)) return key;
  const words = key.split(' ');
  // Transliterations write one Arabic article as al/el/ash/ez...: all become "al", and a leading one goes.
  const unified = words.map((w) => (ARTICLE_FORMS.has(w) ? 'al' : w));
  if (unified.length > 1 && unified[0] === 'al') unified.shift();
  return unified
    .map((w) => {
      let v = w
        .replace(/ou|oo|uu/g, 'u')
        .replace(/ee|ei|ey|ay|ai|ie/g, 'i')
        .replace(/kh/g, 'k')
        .replace(/q/g, 'k')
        .replace(/(.)\1+/g, '$1');
      if (v.length > 3 && /[aeiou]h$/.test(v)) v = v.slice(0, -1);
      if (v.length > 3) v = v.replace(/e/g, 'a');
      return v;
    })
    .join(' ');
}

/** True for text written mostly in Arabic script. */
export function isArabicScript(s: string): boolean {
  return ARABIC_LETTER.test(s);
}

/** Script classes the index keeps: the product reads Latin-script languages and Arabic. */
export function keptScript(name: string): boolean {
  for (const ch of name) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) continue;
    if (cp >= 0x00c0 && cp <= 0x024f) continue; // Latin-1 and Latin Extended
    if (cp >= 0x1e00 && cp <= 0x1eff) continue; // Latin Extended Additional
    if (cp >= 0x0300 && cp <= 0x036f) continue;
    if (cp >= 0x0600 && cp <= 0x06ff) continue; // Arabic
    if (cp >= 0x2018 && cp <= 0x201f) continue; // quotes
    if (cp === 0x02bb || cp === 0x02bc || cp === 0x02bf || cp === 0x02be) continue;
    return false;
  }
  return true;
}

/** Marks skeleton keys in the loose postings; sorts after every letter key. */
export const SKELETON_PREFIX = '~';

/**
 * Latin letters and digraphs by the Arabic consonant class a transliteration writes
 * with them; vowels, h, w, y and ayn/hamza marks carry no class (Arabic script leaves
 * short vowels out and its long ones are as often w/y as vowels).
 */
const LATIN_CLASSES: [RegExp, string][] = [
  [/dsch|tsch|dj|zh/g, 'j'],
  [/kh|q|c|x/g, 'k'],
  [/gh/g, 'g'],
  [/sh|sch|ch/g, 's'],
  [/th/g, 't'],
  [/dh|z/g, 'd'],
  [/ph|v/g, 'f'],
  [/p/g, 'b'],
  [/[aeiouhwy]/g, ''],
];

/** Arabic letters by the same classes as `LATIN_CLASSES`. */
const ARABIC_CLASSES: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ث: 't',
  ط: 't',
  ج: 'j',
  خ: 'k',
  ق: 'k',
  ك: 'k',
  د: 'd',
  ذ: 'd',
  ز: 'd',
  ض: 'd',
  ظ: 'd',
  ر: 'r',
  س: 's',
  ش: 's',
  ص: 's',
  غ: 'g',
  ف: 'f',
  ل: 'l',
  م: 'm',
  ن: 'n',
};

/**
 * The consonant skeleton of a Latin transliteration of an Arabic name ("Al Jinah" →
 * "jn", "at-Tukhar" → "tkr"): what survives the many ways of writing one name.
 */
export function latinSkeleton(name: string): string {
  if (isArabicScript(name)) return '';
  let s = nameKey(name).replace(/ /g, '');
  for (const [re, to] of LATIN_CLASSES) s = s.replace(re, to);
  return s.replace(/[^a-z]/g, '').replace(/(.)\1+/g, '$1');
}

/** The consonant skeleton of an Arabic-script name, comparable with `latinSkeleton` ("الجينة" → "jn"). */
export function arabicSkeleton(name: string): string {
  let out = '';
  for (const ch of nameKey(name)) out += ARABIC_CLASSES[ch] ?? '';
  return out.replace(/(.)\1+/g, '$1');
}

/**
 * Other romanisations of the same Arabic name, as `nameKey` keys: a final tāʾ marbūṭa written with or
 * without its h ("Hawija", "Hawijah"; "Shabwa", "Shabwah") or as the French é ("Hassaké"), the
 * French "ou" for u ("Makhmour"), a doubled consonant written once ("Hassakeh", "Hasakeh"), and the
 * German ch, sch and j for kh, sh and y ("Chan Junis", Khan Yunis; "Chan Scheichun"). The last
 * three only with `european`: "Kendale" is no French spelling of Kendall, nor "Ossett" of Oset.
 */
export function transliterationVariants(key: string, european = true): string[] {
  const out = new Set<string>();
  const ends = (k: string): string[] =>
    /ah$|eh$/.test(k)
      ? [k.slice(0, -1), `${k.slice(0, -2)}ah`]
      : /a$/.test(k)
        ? [`${k}h`]
        : european && /[^aeiou]e$/.test(k)
          ? [`${k.slice(0, -1)}a`, `${k.slice(0, -1)}ah`, `${k}h`]
          : [];
  const vowels = (k: string) => k.replace(/ou/g, 'u').replace(/ee/g, 'i').replace(/oo/g, 'u');
  const spellings = new Set<string>([key, vowels(key)]);
  if (european)
    for (const k of [
      key,
      key.replace(/j/g, 'y').replace(/dsch/g, 'j').replace(/sch/g, 'sh').replace(/ch/g, 'kh'),
    ]) {
      spellings.add(k);
      spellings.add(vowels(k));
      spellings.add(k.replace(/([b-df-hj-np-tv-z])\1/g, '$1'));
    }
  for (const k of spellings) {
    out.add(k);
    for (const e of ends(k)) out.add(e);
  }
  out.delete(key);
  return [...out];
}
