import type { Belligerent } from '../domain/codes.js';
import { foldPattern, memo, wordSource } from './lexicon/compile.js';
import type { ActorCode, Lexicon } from './lexicon/types.js';
import { type Folded, L, R, toNorm } from './text.js';

/** A belligerent named in the text. Folded offsets. */
export interface ActorMention {
  start: number;
  end: number;
  code: Belligerent;
  /** Named as the party that carried out an attack (not a target or bystander). */
  agent: boolean;
}

interface Res {
  aliases: RegExp;
  cased: RegExp | null;
  means: RegExp;
  meansOf: RegExp;
  by: RegExp;
  verb: RegExp;
  blame: RegExp;
  notAfter: RegExp;
  notBefore: RegExp;
  hitBefore: RegExp;
  habitual: RegExp;
}

const ROMANCE = new Set(['fr', 'es', 'pt']);
/**
 * Articles and article contractions, in every language read: after one, a word that folds like an
 * attack verb is its noun. Not the lexicons' determiners, which hold "that": "Russia, that bombed".
 */
const ARTICLES = [
  'the',
  'a',
  'an',
  'le',
  'la',
  'les',
  'un',
  'une',
  'du',
  'au',
  'el',
  'los',
  'las',
  'una',
  'del',
  'al',
  'o',
  'os',
  'as',
  'um',
  'uma',
  'do',
  'da',
  'no',
  'na',
  'der',
  'die',
  'das',
  'den',
  'dem',
  'ein',
  'eine',
  'einen',
  'einem',
];

function res(lex: Lexicon): Res {
  return memo(lex, 'actors', () => {
    const w = (l: string[]): string => wordSource(lex, l);
    const plain = (l: string[]): string =>
      l.length === 0
        ? '(?!)'
        : l
            .map(foldPattern)
            .sort((a, b) => b.length - a.length)
            .join('|');
    const chain = lex.lang === 'ar' ? '' : "(?:'s)?(?:\\s*(?:,|and|et|und|y|e)\\s+\\S+)?";
    const genitive =
      lex.lang === 'ar'
        ? ''
        : `(?:\\s+(?:${plain(['of', 'de', 'du', 'des', 'der', 'del', 'da', 'do', 'dos', 'de la', "de l'"])}))${
            // Romance adjectives follow the noun: "frappe américaine", "aviones rusos".
            ROMANCE.has(lex.lang) ? '?' : ''
          }`;
    const notAfterArticle = `(?<!${L}(?:${plain(ARTICLES)})\\s+)`;
    return {
      aliases: new RegExp(lex.actors.map((a) => `(${w([a.re])})`).join('|'), 'gu'),
      cased: lex.actorsCased.length
        ? new RegExp(lex.actorsCased.map((a) => `(${L}(?:${a.re})${R})`).join('|'), 'gu')
        : null,
      means: new RegExp(`^${chain}\\s+(?:\\S+\\s+)?(?:${w(lex.actorMeans)})`, 'u'),
      meansOf: new RegExp(
        `(?:${w(lex.actorMeans)})(?:\\s+\\S+)?${genitive}\\s*(?:(?:the|la|le|les|el|los|die|o|a|os|as)\\s+)?$`,
        'u',
      ),
      by: new RegExp(
        `(?:${w(lex.byActor)})\\s+(?:(?:the|la|le|les|l'|el|los|die|der|den|o|a|os|as)\\s*)?$`,
        'u',
      ),
      verb: new RegExp(
        `^${chain}(?:[\\s,]+[^\\s.;]+){0,14}?[\\s,]+${notAfterArticle}(?:${w(lex.attackVerbs)})`,
        'u',
      ),
      blame: new RegExp(`(?:${w(lex.blame)})(?:\\s+[^\\s.;]+){0,4}?\\s+$`, 'u'),
      notAfter: new RegExp(`^(?:'s)?\\s*(?:${plain(lex.notAgentAfter)})(?![\\p{L}])`, 'u'),
      // "en Rusia", "في روسيا": the place, not the attacker; but "en bombardeos rusos", "في غارات
      // روسية" put the means between, and the adjective after it names who attacked.
      notBefore: new RegExp(
        `(?:${w(lex.notAgentBefore)})\\s+(?:(?:the|la|le|les|el|los|die|der|o|a)\\s+)?(?:(?!(?:${w(lex.actorMeans)})\\s)\\S+\\s+)?$`,
        'u',
      ),
      // After an article an attack verb is its noun, folded alike ("bombardeó", "un bombardeo
      // ruso"): no verb whose subject or object the actor is.
      hitBefore: new RegExp(
        `${notAfterArticle}(?:${w(lex.attackVerbs)})\\s+(?:(?:the|la|le|les|el|los|die|der|o|a)\\s+)?$`,
        'u',
      ),
      habitual: new RegExp(w(lex.habitual), 'u'),
    };
  });
}

/** Resolves context-dependent codes: "the coalition" in Yemen is the Saudi-led one. */
export function resolveCode(code: ActorCode, country: string | null): Belligerent | null {
  if (code === '@coalition') return country === 'YE' ? 'saudi-led-coalition' : 'us-led-coalition';
  if (code === '@government') {
    if (country === 'SY' || country === null) return 'syrian-government';
    if (country === 'IQ') return 'iraqi-government';
    if (country === 'UA') return 'ukraine';
    if (country === 'SD') return 'sudanese-armed-forces';
    return null;
  }
  // "The rebels" are Syria's opposition in a Syrian story, the Houthis in a Yemeni one; elsewhere
  // (Sudan, Mali, Myanmar) no party on the list.
  if (code === '@rebels') {
    if (country === 'SY' || country === null) return 'syrian-opposition';
    if (country === 'YE') return 'houthis';
    return null;
  }
  return code;
}

export function findActors(f: Folded, lex: Lexicon, country: string | null): ActorMention[] {
  const r = res(lex);
  const { norm } = f;
  const raw: Array<{ start: number; end: number; code: ActorCode }> = [];
  r.aliases.lastIndex = 0;
  for (let m = r.aliases.exec(norm); m !== null; m = r.aliases.exec(norm)) {
    if (m[0].length === 0) {
      r.aliases.lastIndex++;
      continue;
    }
    const gi = m.slice(1).findIndex((g) => g !== undefined);
    const a = lex.actors[gi];
    if (a) raw.push({ start: m.index, end: m.index + m[0].length, code: a.code });
  }
  if (r.cased) {
    r.cased.lastIndex = 0;
    for (let m = r.cased.exec(f.text); m !== null; m = r.cased.exec(f.text)) {
      const gi = m.slice(1).findIndex((g) => g !== undefined);
      const a = lex.actorsCased[gi];
      if (!a) continue;
      const s = toNorm(f, m.index);
      const e = toNorm(f, m.index + m[0].length);
      raw.push({ start: s, end: e, code: a.code });
    }
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ActorMention[] = [];
  let lastEnd = -1;
  for (const a of raw) {
    if (a.start < lastEnd) continue;
    lastEnd = a.end;
    const code = resolveCode(a.code, country);
    if (!code) continue;
    const left = norm.slice(Math.max(0, a.start - 60), a.start);
    const right = norm.slice(a.end, a.end + 160);
    let agent = false;
    if (!r.notAfter.test(right) && !r.notBefore.test(left) && !r.hitBefore.test(left)) {
      agent =
        r.means.test(right) ||
        r.meansOf.test(left) ||
        r.by.test(left) ||
        r.verb.test(right) ||
        r.blame.test(left);
    }
    if (agent) {
      // "Syrian and Russian jets operate regularly over the area": no event.
      const sEnd = norm.indexOf('.', a.end);
      const sentenceRest = norm.slice(a.end, sEnd < 0 ? a.end + 120 : Math.min(sEnd, a.end + 160));
      if (r.habitual.test(sentenceRest)) agent = false;
    }
    out.push({ start: a.start, end: a.end, code, agent });
  }
  return out;
}
