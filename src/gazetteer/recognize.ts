/**
 * Finds the spans of a text that name places, with their gazetteer candidates and
 * the context cues that resolution weighs. Pure given its gazetteer.
 */
import {
  ADMIN1_WORDS,
  ADMIN2_WORDS,
  AR_ADMIN1_WORDS,
  AR_ADMIN2_WORDS,
  AR_COMMON_WORDS,
  AR_LOCATIVE,
  AR_TOWN_WORDS,
  COMMON_WORDS,
  DIRECTION_WORDS,
  LOCATIVE_BEFORE,
  latinKindCue,
  NAME_CONNECTORS,
  NEAR_BEFORE_OF,
  OPENERS,
  ORG_WORDS,
  PLACE_BEFORE_ELSEWHERE,
  PLACE_OF_EVENT_BEFORE,
  SPEECH_VERBS,
  TITLES,
  TOWN_WORDS,
} from './cues.js';
import {
  AU_STATE_ABBREVIATIONS,
  CA_PROVINCE_ABBREVIATIONS,
  COUNTRY_ABBREVIATIONS,
  SHARED_ABBREVIATIONS,
  US_POSTAL_CODES,
  US_STATE_ABBREVIATIONS,
} from './extra-places.js';
import { foldText, latinSkeleton, nameKey, transliterationVariants } from './normalize.js';
import { priorScore } from './prior.js';
import { type RelativeOffset, relativeOffsetBefore } from './relative.js';
import { joinedBySpace, type Token, tokenize } from './tokens.js';
import type { Gazetteer, GazetteerEntry } from './types.js';

export type TypeCue = 'admin1' | 'admin2' | 'town' | null;

/** A place name found in the text, before a single entry is chosen. */
export interface Candidate {
  start: number;
  end: number;
  name: string;
  entries: GazetteerEntry[];
  typeCue: TypeCue;
  demonym: boolean;
  /** Weak: a small place read with no cue; kept only if it fits the document's geography. */
  weak: boolean;
  offset: RelativeOffset | null;
}

const MAX_TOKENS = 6;
/** A capitalised name led by a transliterated Arabic article: "al-Bab", "ez-Zor". */
const ARTICLE_LED = /^(al|el|ad|an|ar|as|ash|at|az|ez|es|ed|er|et|ul)[-‐]\p{Lu}/u;
const ARABIC_ARTICLE = /(^|[\s-])(al|el|ash|as|ad|ar|az|at|an|ez|es|ed|er|et|ul)[-‐]/i;
const MAX_CANDIDATES = 40;
const POSSESSIVE = /\p{L}{2}['’]s$/u;
/** "Gainesville-area", "London-based", and the first of two places joined by a hyphen ("Athens-Clarke"). */
const HYPHEN_SUFFIX =
  /^(\p{Lu}[\p{L}.]+)-(?:area|based|born|bound|led|backed|run|owned|made|style|wide|\p{Lu}[\p{L}.]*)$/u;
/** Abbreviated first words written with a dot inside names: "St. Petersburg", "Mt. Pleasant", "Ft. Worth". */
const NAME_ABBREVIATIONS = new Set(['St', 'Ste', 'Mt', 'Ft', 'Pt']);

/** "St. Petersburg": an abbreviated word, its dot and a space join two tokens of one name. */
function abbreviatedWord(text: string, a: Token, b: Token): boolean {
  return NAME_ABBREVIATIONS.has(a.text) && /^\. ?$/.test(text.slice(a.end, b.start));
}

const POSTAL = new Set(US_POSTAL_CODES);
const DOTTED =
  /(?<![\p{L}.])(?:[A-Z]\.\s?){2,3}(?![\p{L}])|(?<![\p{L}])[A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]?\.)?/gu;

function bestPrior(entries: GazetteerEntry[]): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const e of entries) best = Math.max(best, priorScore(e));
  return best;
}

/** Countries, first-level divisions, continents and cities of 100,000 or more. */
export function isProminent(entries: GazetteerEntry[]): boolean {
  return entries.some(
    (e) =>
      e.kind === 'country' ||
      e.kind === 'admin1' ||
      e.featureCode === 'CONT' ||
      e.featureCode === 'RGN' ||
      e.population >= 100_000,
  );
}

function foldWord(t: Token | undefined): string {
  return t ? foldText(t.text.replace(/\.$/, '')) : '';
}

/** Abbreviations resolved by table, as written: "U.S.", "W.Va.", "Calif.". */
export function abbreviationEntries(g: Gazetteer, raw: string, afterComma: boolean): GazetteerEntry[] {
  const s = raw.replace(/\s+/g, '');
  const iso = COUNTRY_ABBREVIATIONS[s] ?? COUNTRY_ABBREVIATIONS[s.replace(/\.$/, '')];
  if (iso) {
    const c = g.country(iso);
    return c ? [c] : [];
  }
  const ca = CA_PROVINCE_ABBREVIATIONS[s];
  if (ca) {
    const a = g.admin('CA', ca);
    return a ? [a] : [];
  }
  const au = AU_STATE_ABBREVIATIONS[s];
  if (au) {
    const a = g.admin('AU', au);
    return a ? [a] : [];
  }
  const st =
    US_STATE_ABBREVIATIONS[raw] ?? US_STATE_ABBREVIATIONS[s] ?? (afterComma && POSTAL.has(s) ? s : undefined);
  if (st) {
    const a = g.admin('US', st);
    return a ? [a] : [];
  }
  return [];
}

/** Every place a shared abbreviation ("SA", "WA") may stand for; context picks among them. */
export function sharedAbbreviationEntries(g: Gazetteer, raw: string): GazetteerEntry[] {
  const out: GazetteerEntry[] = [];
  for (const [country, admin1] of SHARED_ABBREVIATIONS[raw.trim()] ?? []) {
    const e = admin1 ? g.admin(country, admin1) : g.country(country);
    if (e) out.push(e);
  }
  return out;
}

function typeCueAround(tokens: Token[], i: number, j: number): TypeCue {
  const next = foldWord(tokens[j + 1]);
  const prev = foldWord(tokens[i - 1]);
  const prev2 = foldWord(tokens[i - 2]);
  const cue = latinKindCue(next, prev, prev2);
  if (cue === 'admin1' || cue === 'admin2') return cue;
  const arPrev = tokens[i - 1]?.arabic ? arabicVariants(prev).map((v) => v.text) : [];
  if (arPrev.some((w) => AR_ADMIN1_WORDS.has(w))) return 'admin1';
  if (arPrev.some((w) => AR_ADMIN2_WORDS.has(w))) return 'admin2';
  if (cue === 'town' || TOWN_WORDS.has(prev)) return 'town';
  if (arPrev.some((w) => AR_TOWN_WORDS.has(w))) return 'town';
  return null;
}

/** Arabic clitics (and, in, to, like) that attach to the following word. */
const AR_CLITICS = [
  'وبال',
  'وال',
  'بال',
  'فال',
  'كال',
  'ولل',
  'لل',
  'وب',
  'ول',
  'وف',
  'و',
  'ب',
  'ل',
  'ف',
  'ك',
];

function arabicVariants(word: string): { text: string; skip: number }[] {
  const out = [{ text: word, skip: 0 }];
  for (const c of AR_CLITICS) {
    if (!word.startsWith(c) || word.length - c.length < 3) continue;
    const rest = word.slice(c.length);
    // "بال" + noun: the article stays with the noun; "لل" elides the article's alef.
    if (c.endsWith('ال')) out.push({ text: `ال${rest}`, skip: c.length - 2 });
    else if (c.endsWith('لل')) out.push({ text: `ال${rest}`, skip: c.length - 1 });
    else out.push({ text: rest, skip: c.length });
  }
  return out;
}

export interface RecognizeOptions {
  demonyms: boolean;
  focusCountry: string | null;
}

/**
 * Latin-script rule: a name is capitalised (an Arabic article may lead in lower
 * case: "al-Bab"), inner words are capitalised or connectors.
 */
function latinNameShape(tokens: Token[], i: number, j: number): boolean {
  const first = tokens[i];
  const last = tokens[j];
  if (!first || !last) return false;
  const named = (t: Token): boolean => t.capital || ARTICLE_LED.test(t.text);
  if (!named(first) || !(named(last) || i === j)) return false;
  for (let k = i + 1; k < j; k++) {
    const t = tokens[k];
    if (!t || (!named(t) && !NAME_CONNECTORS.has(t.text.toLowerCase()))) return false;
  }
  return true;
}

export function recognize(g: Gazetteer, text: string, opts: RecognizeOptions): Candidate[] {
  const tokens = tokenize(text);
  const out: Candidate[] = [];
  const consumed = new Uint8Array(text.length + 1);
  const lowerWords = new Set<string>();
  for (const t of tokens) if (!t.arabic && !t.capital) lowerWords.add(t.text);
  const surnames = surnamesOf(g, text, tokens);

  // Dotted abbreviations first: their dots split them into tokens the name search would miss.
  for (const m of text.matchAll(DOTTED)) {
    const raw = m[0].trimEnd();
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    const entries = abbreviationEntries(g, raw, /,\s?$/.test(before));
    // Single-dot state abbreviations ("Pa.", "Mass.") are ordinary words unless they follow "Town, ".
    const dots = (raw.match(/\./g) ?? []).length;
    if (entries.length === 0 || (dots < 2 && !/,\s?$/.test(before) && entries[0]?.kind !== 'country'))
      continue;
    out.push({
      start: m.index,
      end: m.index + raw.length,
      name: raw,
      entries,
      typeCue: null,
      demonym: false,
      weak: false,
      offset: null,
    });
    consumed.fill(1, m.index, m.index + raw.length);
  }

  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!first || consumed[first.start]) continue;
    const found = first.arabic
      ? matchArabic(g, text, tokens, i)
      : matchLatin(g, text, tokens, i, { lowerWords, surnames }, opts);
    if (!found) continue;
    out.push(found.candidate);
    consumed.fill(1, found.candidate.start, found.candidate.end);
    i = found.last;
  }

  // Arabic names the index has only in Latin letters, in the story's country: the one the caller
  // knows, else the one most of the names found so far lie in.
  const focus = opts.focusCountry ?? dominantCountry(out);
  if (focus) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t || consumed[t.start]) continue;
      const found = t.arabic
        ? bySkeleton(g, text, tokens, i, focus)
        : byLatinSkeleton(g, text, tokens, i, focus);
      if (!found) continue;
      out.push(found.candidate);
      consumed.fill(1, found.candidate.start, found.candidate.end);
      i = found.last;
    }
  }

  // "The Syrian-Turkish border", "Egyptian-US relations", "London-Paris flights": places or peoples joined
  // by a hyphen, each named, where the whole is no name of its own ("Guinea-Bissau" was found above).
  for (const t of tokens) {
    if (t.arabic || consumed[t.start] || !/[-‐]/.test(t.text)) continue;
    const parts = hyphenatedPlaces(g, t);
    if (!parts) continue;
    for (const c of parts) out.push(c);
    consumed.fill(1, t.start, t.end);
  }

  // "Alexandria, VA": postal codes only count right after a place and a comma.
  for (const c of [...out]) {
    const m = /^,\s?([A-Z]{2})(?![\p{L}])/u.exec(text.slice(c.end, c.end + 5));
    if (!m?.[1] || !POSTAL.has(m[1]) || !c.entries.some((e) => e.country === 'US')) continue;
    const start = text.indexOf(m[1], c.end);
    if (consumed[start]) continue;
    const entries = abbreviationEntries(g, m[1], true);
    if (entries.length === 0) continue;
    out.push({
      start,
      end: start + 2,
      name: m[1],
      entries,
      typeCue: null,
      demonym: false,
      weak: false,
      offset: null,
    });
  }
  out.sort((a, b) => a.start - b.start);
  for (const c of out) c.offset = relativeOffsetBefore(text, c.start);
  return out;
}

/**
 * The parts of a hyphenated word that are each a country, division, large city or people
 * ("Syrian-Turkish", "US-Iran"), as candidates; null unless every part is one. A short part counts
 * only as a country's or division's code in capitals ("US", not "Us"); a compass word
 * ("North-Western", "Mid-Jutland") only qualifies the next, and "African-American" names a people.
 */
function hyphenatedPlaces(g: Gazetteer, t: Token): Candidate[] | null {
  const parts = [...t.text.matchAll(/[^-‐]+/gu)];
  if (parts.length < 2 || parts.length > 3) return null;
  if (/^americans?$/i.test(parts.at(-1)?.[0] ?? '')) return null;
  const out: Candidate[] = [];
  for (const p of parts) {
    const word = p[0];
    const start = t.start + p.index;
    if (word[0] === word[0]?.toLowerCase()) return null;
    const folded = foldText(word);
    if (DIRECTION_WORDS.has(folded) || folded === 'mid') return null;
    const places = g.lookupKey(nameKey(word));
    const people = places.length === 0 ? g.demonym(word) : [];
    const entries = places.length > 0 ? places : people;
    if (!isProminent(entries)) return null;
    const code = word.length <= 3;
    if (
      code &&
      (word !== word.toUpperCase() || !entries.some((e) => e.kind === 'country' || e.kind === 'admin1'))
    )
      return null;
    out.push({
      start,
      end: start + word.length,
      name: word,
      entries: entries.slice(0, MAX_CANDIDATES),
      typeCue: null,
      demonym: people.length > 0,
      weak: false,
      offset: null,
    });
  }
  return out;
}

function matchLatin(
  g: Gazetteer,
  text: string,
  tokens: Token[],
  i: number,
  words: DocumentWords,
  opts: RecognizeOptions,
): { candidate: Candidate; last: number } | null {
  const first = tokens[i];
  if (!first) return null;
  for (let n = Math.min(MAX_TOKENS, tokens.length - i); n >= 1; n--) {
    const j = i + n - 1;
    const last = tokens[j];
    if (!last || last.arabic) continue;
    let ok = true;
    for (let k = i; k < j; k++) {
      const a = tokens[k];
      const b = tokens[k + 1];
      if (!a || !b || b.arabic || !(joinedBySpace(text, a.end, b.start) || abbreviatedWord(text, a, b))) {
        ok = false;
        break;
      }
    }
    if (!ok || !latinNameShape(tokens, i, j)) continue;
    let end = last.end;
    let span = text.slice(first.start, end);
    let key = nameKey(span);
    if (key.length < 2) continue;
    let entries = g.lookupKey(key);
    // A possessive ("Dublin's council", "Georgia's law") names the place without its ending, unless
    // the ending is part of the name ("St. John's").
    let endsInside = false;
    if (POSSESSIVE.test(last.text) && !entries.some((e) => /['’]s\b/.test(e.name))) {
      const bare = g.lookupKey(nameKey(text.slice(first.start, end - 2)));
      if (bare.length > 0 || entries.length === 0) {
        endsInside = true;
        end -= 2;
        span = text.slice(first.start, end);
        key = nameKey(span);
        entries = bare;
      }
    }
    // "Gainesville-area", "London-based": the place before a lower-case suffix. Not where every part
    // is a place or people ("Iraq-Syria"): hyphenatedPlaces names each, after this pass.
    if (entries.length === 0 && n === 1) {
      const m = HYPHEN_SUFFIX.exec(last.text);
      const head = m?.[1];
      if (head && !hyphenatedPlaces(g, last)) {
        const e = g.lookupKey(nameKey(head));
        if (isProminent(e)) {
          end = first.start + head.length;
          span = head;
          key = nameKey(head);
          entries = e;
          endsInside = true;
        }
      }
    }
    // Transliteration variants ("Jisr al-Shughur" for "Jisr ash Shughur") of names with an Arabic article.
    if (ARABIC_ARTICLE.test(span)) {
      if (entries.length === 0) entries = g.lookupLoose(span);
      else if (opts.focusCountry && !entries.some((e) => e.country === opts.focusCountry)) {
        // An exact match abroad ("al-Jina" = Jina, Romania) must not hide a transliteration variant in the
        // story's own country ("Al Jinah", Syria); resolution weighs them with the country hint.
        const focus = opts.focusCountry;
        const local = g.lookupLoose(span).filter((e) => e.country === focus);
        if (local.length > 0) entries = [...entries, ...local];
      }
    }
    if (entries.length === 0 && n === 1) entries = compoundOrGenitive(g, tokens, i);
    // Undotted province and state codes ("BC", "NSW").
    if (entries.length === 0 && n === 1 && first.allCaps) entries = abbreviationEntries(g, span, false);
    let demonym = false;
    // A demonym ("Canadian", "Sri Lankan") before a town of the same name (Canadian, Texas): news means
    // the people far more often.
    if (opts.demonyms && n <= 3 && !endsInside) {
      const d = g.demonym(span);
      if (d.length > 0) {
        entries = d;
        demonym = true;
      }
    }
    if (entries.length === 0) continue;
    const verdict = judgeLatin(text, tokens, i, j, end, key, entries, words, demonym, endsInside);
    if (verdict === 'reject') {
      // A longer reading failed its checks; a shorter one inside it may still stand.
      continue;
    }
    return {
      candidate: {
        start: first.start,
        end,
        name: span,
        entries: entries.slice(0, MAX_CANDIDATES),
        typeCue: typeCueAround(tokens, i, j),
        demonym,
        weak: verdict === 'weak',
        offset: null,
      },
      last: j,
    };
  }
  return null;
}

/** Compass prefixes written into one word with the name: German "West-Mossul", English "East-Aleppo". */
const COMPASS_PREFIX = /^(west|ost|nord|sud|east|north|south|nordost|nordwest|sudost|sudwest)[-‐](.+)$/;

/** German nouns that take a place name in the genitive: "im Westen Mossuls", "die Altstadt Aleppos". */
const GENITIVE_HEADS = new Set([
  'westen',
  'osten',
  'norden',
  'suden',
  'zentrum',
  'umgebung',
  'nahe',
  'rand',
  'stadtrand',
  'altstadt',
  'innenstadt',
  'vororten',
  'vororte',
  'bewohner',
  'einwohner',
  'provinz',
]);

/**
 * A one-word name the index lacks as written that is a known place with a compass
 * prefix joined by a hyphen, or a German genitive ("Mossuls") after a noun that
 * governs one; only well-known places, since both readings strip letters.
 */
function compoundOrGenitive(g: Gazetteer, tokens: Token[], i: number): GazetteerEntry[] {
  const t = tokens[i];
  if (!t?.capital) return [];
  const folded = foldText(t.text);
  const compass = COMPASS_PREFIX.exec(
    t.text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase(),
  );
  if (compass?.[2]) {
    const e = g.lookupKey(nameKey(compass[2]));
    return bestPrior(e) >= 4 ? e : [];
  }
  const prev = tokens[i - 1];
  if (folded.length > 4 && folded.endsWith('s') && prev && GENITIVE_HEADS.has(foldText(prev.text))) {
    const e = g.lookupKey(nameKey(t.text.slice(0, -1)));
    return bestPrior(e) >= 4 ? e : [];
  }
  return [];
}

/**
 * Whether the capitalised words after a name end an organisation's name that holds it
 * ("Texas Fire Service", "Georgia Bureau of Investigation"): the place is still named.
 * Names of people after a place-like first name ("Jordan Spieth") have no such word.
 */
function orgNameAhead(tokens: Token[], j: number): boolean {
  for (let k = j + 1; k <= j + 5; k++) {
    const t = tokens[k];
    if (!t) return false;
    const w = foldWord(t);
    if (ORG_WORDS.has(w)) return true;
    if (!t.capital && !NAME_CONNECTORS.has(w) && w !== 'and') return false;
  }
  return false;
}

/** Words of the document the judge of a name reads. */
interface DocumentWords {
  /** Words the story also writes in lower case ("bill", "will"). */
  lowerWords: Set<string>;
  /** Capitalised words the story writes after a given name or a title ("Bob Jones", "Mayor Flores"). */
  surnames: Set<string>;
}

/**
 * Second words of capitalised pairs that name a person: after a title, or after a word that is no
 * place and does not open a sentence, where the pair is no place either ("Bob Jones", not "Fort Worth").
 */
function surnamesOf(g: Gazetteer, text: string, tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (let k = 1; k < tokens.length; k++) {
    const prev = tokens[k - 1] as Token;
    const t = tokens[k] as Token;
    if (!prev.capital || !t.capital || t.allCaps || prev.allCaps || t.arabic) continue;
    if (!joinedBySpace(text, prev.end, t.start)) continue;
    const p = foldWord(prev);
    const title = TITLES.has(p);
    if (!title) {
      if (COMMON_WORDS.has(p) || OPENERS.has(p) || DIRECTION_WORDS.has(p) || NAME_CONNECTORS.has(p)) continue;
      if (g.lookup(prev.text).length > 0) continue;
      if (g.lookup(`${prev.text} ${t.text}`).length > 0) continue;
    }
    out.add(t.text);
  }
  return out;
}

function judgeLatin(
  text: string,
  tokens: Token[],
  i: number,
  j: number,
  /** Where the name ends: before a possessive or suffix its last token carries ("US's"). */
  end: number,
  key: string,
  entries: GazetteerEntry[],
  words: DocumentWords,
  demonym: boolean,
  /** The name ends inside its last token ("Georgia's", "London-based"), so no word after it extends it. */
  endsInside: boolean,
): 'accept' | 'weak' | 'reject' {
  const first = tokens[i] as Token;
  const last = tokens[j] as Token;
  const single = i === j;
  const prominent = isProminent(entries);
  const letters = foldText(text.slice(first.start, end)).replace(/\s/g, '').length;
  // Short names are abbreviations ("US", "UK") only when written in capitals.
  if (letters <= 3 && !(first.allCaps && prominent) && !(letters === 3 && bestPrior(entries) >= 6.5))
    return 'reject';
  // A code in capitals is a country, state or region ("UK", "EU") or a well-known place of that very name; one that is
  // only another name of a town ("KBR", "BA": airport codes) or a small town's name is an acronym.
  if (
    letters <= 3 &&
    first.allCaps &&
    !entries.some(
      (e) =>
        e.kind === 'country' ||
        e.kind === 'admin1' ||
        e.kind === 'other' ||
        (nameKey(e.name) === key && isProminent([e])),
    )
  )
    return 'reject';
  // "US" in capitals is the country, not the pronoun.
  if (single && COMMON_WORDS.has(key) && !(first.allCaps && letters <= 3 && prominent)) return 'reject';
  // An article or a preposition opening a sentence, in any language read ("Los combates…", "Die
  // Angriffe…"), not the place one of its alternate names matches (Lagos is also "Los").
  if (single && first.sentenceStart && !first.allCaps && OPENERS.has(key)) return 'reject';
  // Headlines in capitals: only well-known places.
  if (first.allCaps && letters > 3 && !prominent) return 'reject';
  if (single && words.lowerWords.has(first.text.toLowerCase()) && bestPrior(entries) < 7) return 'reject';
  // "Jones" alone after "Bob Jones" in the same story is the person again.
  if (single && !prominent && words.surnames.has(first.text)) return 'reject';
  const prev = tokens[i - 1];
  const next = tokens[j + 1];
  const prevWord = foldWord(prev);
  const nextWord = foldWord(next);
  if (prev && TITLES.has(prevWord) && prev.capital) return 'reject';
  if (demonym) {
    return 'accept';
  }
  // Part of a longer capitalised name ("John Kerry", "Jordan Spieth", "Syrian Observatory")?
  // A name that ends in its division word ("Laurel County Clerk") is the division whatever follows it.
  const divisionNamed = !single && (ADMIN1_WORDS.has(foldWord(last)) || ADMIN2_WORDS.has(foldWord(last)));
  if (next?.capital && next.end > last.end && !next.sentenceStart && !divisionNamed && !endsInside) {
    const attached = joinedBySpace(text, last.end, next.start);
    // A kind word or an office after it keeps the place ("Idlib Province", "New York Gov. Cuomo").
    if (attached && latinKindCue(nextWord, '', '') === null) {
      if (!(prominent && orgNameAhead(tokens, j))) return 'reject';
    }
  }
  if (prev?.capital && !first.sentenceStart) {
    const attached = joinedBySpace(text, prev.end, first.start);
    // A capitalised common word starts a sentence ("In Aleppo"); mid-sentence it is a name ("Will Smith").
    const neutral =
      (prev.sentenceStart && OPENERS.has(prevWord)) ||
      DIRECTION_WORDS.has(prevWord) ||
      GENITIVE_HEADS.has(prevWord) ||
      NAME_CONNECTORS.has(prevWord) ||
      prev.allCaps;
    if (attached && !neutral) return 'reject';
  }
  if (SPEECH_VERBS.has(nextWord) && !prominent) return 'reject';
  if (prominent || !single) return 'accept';
  const cue = LOCATIVE_BEFORE.has(prevWord) || DIRECTION_WORDS.has(prevWord);
  if (bestPrior(entries) >= 4.3 && !first.sentenceStart) return cue ? 'accept' : 'weak';
  return cue ? 'weak' : first.sentenceStart ? 'reject' : 'weak';
}

/** The country of most confident candidates' best readings, if one has a majority. */
function dominantCountry(cands: readonly Candidate[]): string | null {
  const n = new Map<string, number>();
  let total = 0;
  for (const c of cands) {
    const cc = c.weak ? null : c.entries[0]?.country;
    if (!cc) continue;
    n.set(cc, (n.get(cc) ?? 0) + 1);
    total++;
  }
  for (const [cc, k] of n) if (2 * k > total) return cc;
  return null;
}

/** A town found by its consonant skeleton, the cue word having said it is one. */
function skeletonTown(start: number, end: number, name: string, entries: GazetteerEntry[]): Candidate {
  return {
    start,
    end,
    name,
    entries: entries.slice(0, MAX_CANDIDATES),
    typeCue: 'town',
    demonym: false,
    weak: false,
    offset: null,
  };
}

/**
 * Where European-language news writes Arabic names in its own romanisations (transliterationVariants'
 * `european`): the Arab League's members, and Western Sahara.
 */
const ARABIC_LANDS = new Set(
  'DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH'.split(' '),
);

/** Consonants a Latin skeleton needs before it says enough to be looked up ("trb", not "tr"). */
const MIN_LATIN_SKELETON = 3;

/**
 * A capitalised name the index lacks in any spelling, written as a town or village ("the village
 * of Atareb", "Saraqeb town"): the places of the story's country in Arabic-speaking lands whose
 * Latin name has its consonant skeleton (Al Atārib, Saraqib). Levantine transliterations differ
 * mostly in their vowels. As for Arabic script, without the town word a skeleton matches too much.
 */
function byLatinSkeleton(
  g: Gazetteer,
  text: string,
  tokens: Token[],
  i: number,
  focus: string,
): { candidate: Candidate; last: number } | null {
  const first = tokens[i];
  if (!first?.capital) return null;
  for (let n = Math.min(3, tokens.length - i); n >= 1; n--) {
    const j = i + n - 1;
    const last = tokens[j];
    if (!last || !latinNameShape(tokens, i, j)) continue;
    let joined = true;
    for (let k = i; k < j; k++) {
      const a = tokens[k];
      const b = tokens[k + 1];
      if (!a || !b || b.arabic || !joinedBySpace(text, a.end, b.start)) joined = false;
    }
    if (!joined) continue;
    const span = text.slice(first.start, last.end);
    const key = nameKey(span);
    if (key.length < 4 || COMMON_WORDS.has(key)) continue;
    // Another spelling of the same Arabic name ("Hawija" for Al Ḩawījah, "Makhmour" for Makhmur), where
    // the words before it ask for a place ("near", "hit"): short names whose consonants alone say too little.
    const prevWord = foldWord(tokens[i - 1]);
    const nearOf = prevWord === 'de' && NEAR_BEFORE_OF.has(foldWord(tokens[i - 2]));
    if (
      PLACE_OF_EVENT_BEFORE.has(prevWord) ||
      DIRECTION_WORDS.has(prevWord) ||
      PLACE_BEFORE_ELSEWHERE.has(prevWord) ||
      nearOf
    ) {
      const variants = transliterationVariants(key, ARABIC_LANDS.has(focus)).flatMap((v) =>
        g.lookupKey(v).filter((e) => e.country === focus && e.kind !== 'country'),
      );
      if (variants.length > 0)
        return { candidate: skeletonTown(first.start, last.end, span, variants), last: j };
    }
    if (typeCueAround(tokens, i, j) !== 'town') continue;
    if (latinSkeleton(span).length < MIN_LATIN_SKELETON) continue;
    const entries = g
      .lookupLatinSkeleton(span)
      .filter((e) => e.country === focus && (e.kind === 'populated' || e.kind === 'other'));
    if (entries.length === 0) continue;
    return { candidate: skeletonTown(first.start, last.end, span, entries), last: j };
  }
  return null;
}

/**
 * An Arabic name the index lacks in Arabic script, after a word that says it is a
 * town or village ("بلدة الجينة"): the places of the story's country whose Latin name
 * has its consonant skeleton ("Al Jinah"). Without that cue a skeleton matches too
 * many common words.
 */
function bySkeleton(
  g: Gazetteer,
  text: string,
  tokens: Token[],
  i: number,
  focus: string,
): { candidate: Candidate; last: number } | null {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (!t?.arabic || !prev?.arabic || !joinedBySpace(text, prev.end, t.start)) return null;
  const prevForms = arabicVariants(foldText(prev.text)).map((x) => x.text);
  if (!prevForms.some((w) => AR_TOWN_WORDS.has(w))) return null;
  const key = nameKey(t.text);
  if (key.length < 4 || AR_COMMON_WORDS.has(key) || AR_COMMON_WORDS.has(foldText(t.text))) return null;
  const entries = g
    .lookupSkeleton(t.text)
    .filter((e) => e.country === focus && (e.kind === 'populated' || e.kind === 'other'));
  if (entries.length === 0) return null;
  return { candidate: skeletonTown(t.start, t.end, t.text, entries), last: i };
}

function matchArabic(
  g: Gazetteer,
  text: string,
  tokens: Token[],
  i: number,
): { candidate: Candidate; last: number } | null {
  const first = tokens[i];
  if (!first) return null;
  for (let n = Math.min(4, tokens.length - i); n >= 1; n--) {
    const j = i + n - 1;
    const last = tokens[j];
    if (!last?.arabic) continue;
    let ok = true;
    for (let k = i; k < j; k++) {
      const a = tokens[k];
      const b = tokens[k + 1];
      if (!a || !b?.arabic || !joinedBySpace(text, a.end, b.start)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const rest = text.slice(first.end, last.end);
    for (const v of arabicVariants(first.text)) {
      const key = nameKey(v.text + rest);
      const bare = key.replace(/\s/g, '');
      if (bare.length < 3 || (n === 1 && (AR_COMMON_WORDS.has(key) || AR_COMMON_WORDS.has(foldText(v.text)))))
        continue;
      const entries = g.lookupKey(key);
      if (entries.length === 0) continue;
      const prev = tokens[i - 1];
      const prevForms = prev?.arabic ? arabicVariants(foldText(prev.text)).map((x) => x.text) : [];
      const cue = v.skip > 0 || prevForms.some((w) => AR_LOCATIVE.has(w));
      const prominent = isProminent(entries);
      if (!prominent && n === 1 && !cue && bestPrior(entries) < 4.5) continue;
      const start = first.start + v.skip;
      return {
        candidate: {
          start,
          end: last.end,
          name: text.slice(start, last.end),
          entries: entries.slice(0, MAX_CANDIDATES),
          typeCue: typeCueAround(tokens, i, j),
          demonym: false,
          weak: !prominent && n === 1 && bestPrior(entries) < 4,
          offset: null,
        },
        last: j,
      };
    }
  }
  return null;
}
