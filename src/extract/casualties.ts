import type { CountRange } from '../domain/range.js';
import { foldPattern, memo, wordSource } from './lexicon/compile.js';
import type { Lexicon } from './lexicon/types.js';
import { ARTICLE_NUMBERS, type Quantity } from './numbers.js';
import type { Sentence } from './segment.js';

export type FigureKind = 'killed' | 'civilians' | 'injured' | 'children' | 'women' | 'strikes';

/** A number the text gives as a toll (or a strike count). Folded offsets. */
export interface Figure {
  kind: FigureKind;
  range: CountRange;
  start: number;
  end: number;
  vague: boolean;
  /** "rose to": replaces earlier figures of the same kind. */
  revision: boolean;
  /** Part of a larger figure ("including 12 children"). */
  breakdown: boolean;
}

interface Res {
  noun: RegExp;
  persons: RegExp;
  civ: RegExp;
  children: RegExp;
  women: RegExp;
  combatants: RegExp;
  killedAfter: RegExp;
  killedAfterNear: RegExp;
  injuredAfter: RegExp;
  injuredAfterNear: RegExp;
  killedBefore: RegExp;
  injuredBefore: RegExp;
  ambiguousLeft: RegExp;
  ambiguousRight: RegExp;
  revision: RegExp;
  breakdownLeft: RegExp;
  breakdownRight: RegExp;
  partOf: RegExp;
  revisionLeft: RegExp;
  killedWord: RegExp;
  injuredWord: RegExp;
  mostly: RegExp;
  soFar: RegExp;
  civAny: RegExp;
  strikes: RegExp;
  notCount: RegExp;
  ellipsis: RegExp;
}

/** "15 children were among the dead": a part of a toll given before. */
const AMONG_THE_DEAD = [
  '(?:were|was) among (?:the )?(?:dead|victims|killed)',
  '(?:figurent|figuraient|sont|etaient) parmi les (?:morts|victimes|tues)',
  '(?:sind|waren) unter den (?:toten|opfern)',
  '(?:estan|estaban|figuran) entre (?:los )?(?:muertos|fallecidos|victimas)',
  '(?:estao|estavam) entre (?:os )?(?:mortos|vitimas)',
];

const ENGLISH_ARTICLES = new Set(['a', 'an']);

/** Words before a weekday: "on Friday", "am Freitag", "el viernes", "na sexta-feira". */
const DAY_ARTICLES = ['on', 'am', 'el', 'le', 'na', 'no'];

function res(lex: Lexicon): Res {
  return memo(lex, 'casualties', () => {
    const w = (l: string[]): string => wordSource(lex, l);
    const nounList = [...lex.persons, ...lex.civilians, ...lex.children, ...lex.women, ...lex.combatants];
    // The day between the verb and its count, where German, French and Spanish put it: "tötete am
    // Freitag fünf Zivilisten", "a tué vendredi cinq civils", "mató el viernes a cinco civiles".
    const day = w([...lex.weekdays.flat(), ...lex.today, ...lex.yesterday]);
    const when = `(?:\\s+(?:${w(DAY_ARTICLES)}\\s+)?${day}(?:\\s+a)?)?`;
    const of =
      lex.lang === 'ar' ? '(?:من\\s+)?' : "(?:(?:of|de|d'|des|der|da|do|dos|das|del|de los|de las)\\s+)?";
    return {
      // The counted noun right after the number, allowing "of the" and one adjective.
      noun: new RegExp(`^\\s*${of}(?:(?:the|les|los|las|os|as|die)\\s+)?(?:\\S+\\s+)?(${w(nounList)})`, 'u'),
      persons: new RegExp(w(lex.persons), 'u'),
      civ: new RegExp(w(lex.civilians), 'u'),
      children: new RegExp(w(lex.children), 'u'),
      women: new RegExp(w(lex.women), 'u'),
      combatants: new RegExp(`^\\s*${of}(?:\\S+\\s+){0,2}(?:${w(lex.combatants)})`, 'u'),
      killedAfter: new RegExp(`^[^.;:!?\\d]{0,110}?(${w(lex.killedAfter)})`, 'u'),
      killedAfterNear: new RegExp(`^[^.;:!?\\d]{0,16}?(${w(lex.killedAfter)})`, 'u'),
      injuredAfter: new RegExp(`^[^.;:!?\\d]{0,110}?(${w(lex.injuredAfter)})`, 'u'),
      injuredAfterNear: new RegExp(`^[^.;:!?\\d]{0,16}?(${w(lex.injuredAfter)})`, 'u'),
      killedBefore: new RegExp(`(?:${w(lex.killedBefore)})${when}[\\s,]*$`, 'u'),
      injuredBefore: new RegExp(`(?:${w(lex.injuredBefore)})${when}[\\s,]*$`, 'u'),
      ambiguousLeft: new RegExp(`(?:${w(lex.ambiguous)})(?:\\s+\\S+){0,2}\\s*$`, 'u'),
      ambiguousRight: new RegExp(`^[^.;:!?\\d]{0,40}?(${w(lex.ambiguous)})`, 'u'),
      revision: new RegExp(`(?:${w(lex.revision)})`, 'u'),
      breakdownLeft: new RegExp(`(?:${w(lex.breakdown)})[^.;!?]{0,70}$`, 'u'),
      breakdownRight: new RegExp(
        `^\\s*(?:\\S+\\s+)?(?:${w(['of them', 'among them', "d'entre eux", 'davon', 'de ellos', 'deles', 'منهم', ...AMONG_THE_DEAD])})`,
        'u',
      ),
      partOf: new RegExp(`^\\s*(?:${w(lex.partOf)})`, 'u'),
      revisionLeft: new RegExp(`(?:${w(lex.revision)})\\s*$`, 'u'),
      killedWord: new RegExp(`(?:${w([...lex.killedAfter, ...lex.killedBefore])})`, 'u'),
      injuredWord: new RegExp(`(?:${w([...lex.injuredAfter, ...lex.injuredBefore])})`, 'u'),
      mostly: new RegExp(w(lex.mostlyCivilians), 'u'),
      soFar: new RegExp(w(lex.soFar), 'u'),
      civAny: new RegExp(w(lex.civilians), 'gu'),
      strikes: new RegExp(`^\\s*(?:\\S+\\s+)?(?:${w(lex.strikeNouns)})`, 'u'),
      notCount:
        /^\s*(?:-?\s*(?:years?|year-old|ans|jahre|jahren|anos|anos|años|عاما|عام|سنه|سنوات|km|kilomet\w*|miles?|met\w*|hours?|heures|stunden|horas|ساعه|minutes?|days?|jours|tage|dias|ايام|%|per ?cent|mm|kg|tons?|feet|foot)(?![\p{L}]))/u,
      ellipsis: new RegExp(`^\\s*(?:${foldPattern('in|en|im|em|no|na|في|ب')})\\s+\\S`, 'u'),
    };
  });
}

/** What findFigures reads among a text's quantities. */
export interface FigureScan {
  figures: Figure[];
  /**
   * The sentences (indices into `sentences`) that count fighters ("killed three soldiers"): such
   * counts are no figures, since deaths of fighters only are not coded, and an event whose only
   * toll they are is no claim either (buildClaims).
   */
  fighterSentences: Set<number>;
}

/** Finds casualty figures and strike counts among a text's quantities, and the counts of fighters. */
export function findFigures(
  norm: string,
  lex: Lexicon,
  quantities: Quantity[],
  sentences: Sentence[],
): FigureScan {
  const r = res(lex);
  const out: Figure[] = [];
  const fighterSentences = new Set<number>();
  let si = 0;
  for (const q of quantities) {
    while (si < sentences.length - 1 && (sentences[si] as Sentence).end <= q.start) si++;
    const sent = sentences[si];
    const sStart = sent ? Math.min(sent.start, q.outerStart) : 0;
    const sEnd = sent ? Math.max(sent.end, q.outerEnd) : norm.length;
    const left = norm.slice(Math.max(sStart, q.outerStart - 90), q.outerStart);
    const right = norm.slice(q.outerEnd, Math.min(sEnd, q.outerEnd + 140));
    if (r.notCount.test(right)) continue;
    if (r.combatants.test(right)) {
      fighterSentences.add(si);
      continue;
    }
    // Years and calendar days are not counts.
    if (!q.vague && q.range.min >= 1900 && q.range.min <= 2100 && q.range.max === q.range.min) continue;

    const nounM = r.noun.exec(right);
    const noun = nounM ? (nounM[1] ?? '') : '';
    // "Une frappe russe a tué…": the article, not a count of one, unless a counted noun follows.
    if (!noun && ARTICLE_NUMBERS.has(norm.slice(q.start, q.end))) continue;
    let kind: FigureKind | null = null;
    const kb = r.killedBefore.test(left);
    const ib = r.injuredBefore.test(left);
    // English "a", "an" count only right after the verb: "killing a civilian", not "a civilian
    // convoy was hit, and three were killed".
    if (!kb && !ib && ENGLISH_ARTICLES.has(norm.slice(q.start, q.end))) continue;
    if (r.ambiguousLeft.test(left)) continue;
    const ka = (noun ? r.killedAfter : r.killedAfterNear).exec(right);
    const ia = (noun ? r.injuredAfter : r.injuredAfterNear).exec(right);
    const amb = r.ambiguousRight.exec(right);
    const kaAt = ka ? ka.index + ka[0].length : Number.POSITIVE_INFINITY;
    const iaAt = ia ? ia.index + ia[0].length : Number.POSITIVE_INFINITY;
    if (ib && !kb) kind = 'injured';
    else if (kb && !ib) kind = 'killed';
    else if (kb && ib) kind = 'killed';
    else if (kaAt < iaAt) kind = 'killed';
    else if (iaAt < kaAt) kind = 'injured';
    // Only where the ambiguous phrase takes in the count's own word: "37 wounded and 30 missing" stays clean.
    if (
      kind !== null &&
      !kb &&
      !ib &&
      amb &&
      amb[0].length - (amb[1] ?? '').length < Math.min(kaAt, iaAt) &&
      amb.index + amb[0].length <= Math.min(kaAt, iaAt) + 30
    ) {
      // "killed or wounded above 137", "between killed and missing": no clean figure.
      const ambText = amb[0];
      if (!/(?:killed|dead)\s*$/u.test(ambText)) continue;
    }
    if (kind === null && sent && r.revisionLeft.test(left)) {
      // "The number of people killed ... has risen to at least 50".
      const before = norm.slice(sent.start, q.outerStart);
      const k = before.search(r.killedWord);
      const i = before.search(r.injuredWord);
      if (k >= 0 && (i < 0 || k <= i)) kind = 'killed';
      else if (i >= 0) kind = 'injured';
    }
    // "killing seven people, three of them children", "… three of whom were children": a part named
    // after "of them" (the noun pattern reads "children" there too).
    const partM = kind === null ? r.partOf.exec(right) : null;
    const partNoun =
      noun ||
      (partM ? (/^\s*(?:(?:were|was|are)\s+)?(\p{L}+)/u.exec(right.slice(partM[0].length))?.[1] ?? '') : '');
    const namedPart =
      partM !== null && partNoun !== '' && (r.children.test(partNoun) || r.women.test(partNoun));
    if (kind === null && sent && ((noun && r.breakdownLeft.test(left)) || namedPart)) {
      // "killing 17 civilians, including four children": a part of the toll before it.
      const partOfWhat = noun || partNoun;
      const parent = [...out]
        .reverse()
        .find((p) => p.kind !== 'strikes' && !p.breakdown && p.start >= sent.start);
      if (parent) {
        const part: FigureKind = r.children.test(partOfWhat)
          ? 'children'
          : r.women.test(partOfWhat)
            ? 'women'
            : parent.kind;
        out.push({
          kind: part,
          range: q.range,
          start: q.start,
          end: q.end,
          vague: q.vague,
          revision: false,
          breakdown: true,
        });
        continue;
      }
    }
    if (kind === null) {
      if (r.strikes.test(right) && !q.vague) {
        out.push({
          kind: 'strikes',
          range: q.range,
          start: q.start,
          end: q.end,
          vague: false,
          revision: false,
          breakdown: false,
        });
        continue;
      }
      // "100 people were killed in Jableh ... and 48 in Tartus".
      const prev = out[out.length - 1];
      if (
        prev &&
        prev.kind !== 'strikes' &&
        !prev.breakdown &&
        q.start - prev.end < 160 &&
        sent &&
        prev.start >= sent.start &&
        r.ellipsis.test(right)
      ) {
        // "105 died: 101 inside the house and four next door" lists parts of the toll.
        const parts = norm.slice(prev.end, q.start).includes(':');
        out.push({
          ...prev,
          range: q.range,
          start: q.start,
          end: q.end,
          vague: q.vague,
          revision: false,
          breakdown: parts,
        });
      }
      continue;
    }
    let range: CountRange = { ...q.range };
    const sentenceText = sent ? norm.slice(sent.start, sent.end) : '';
    if (kind === 'killed') {
      const phrase = right.slice(0, ka ? ka.index + ka[0].length + 40 : 40);
      const nounIsCiv = noun !== '' && r.civ.test(noun);
      const phraseCiv =
        r.civ.test(phrase.slice(0, ka ? ka.index + ka[0].length + 25 : 25)) && !r.mostly.test(phrase);
      const bareCiv = noun === '' && !r.mostly.test(sentenceText) && r.civAny.test(sentenceText);
      r.civAny.lastIndex = 0;
      if (nounIsCiv || phraseCiv || bareCiv) kind = 'civilians';
    }
    // "including four children, and wounding dozens": the verb starts a new figure.
    // A part needs a whole of its own class before it: "including 9 staff, and 11
    // wounded" lists the wounded beside the dead, not among them.
    const injuredClass = kind === 'injured';
    const hasWhole = out.some(
      (p) =>
        !p.breakdown &&
        p.kind !== 'strikes' &&
        (p.kind === 'injured') === injuredClass &&
        (sent ? p.start >= sent.start : true),
    );
    const isBreakdown =
      !kb &&
      !ib &&
      (r.breakdownRight.test(right) ||
        r.partOf.test(right) ||
        (hasWhole && (r.breakdownLeft.test(left) || /:\s*$/u.test(left))));
    if (isBreakdown && noun) {
      if (r.children.test(noun)) kind = 'children';
      else if (r.women.test(noun)) kind = 'women';
    }
    if (r.soFar.test(left) || r.soFar.test(right.slice(0, 40))) range = { min: range.min, max: null };
    const revision =
      r.revision.test(norm.slice(Math.max(sStart, q.outerStart - 120), q.outerStart)) ||
      r.revision.test(right.slice(0, 30));
    out.push({ kind, range, start: q.start, end: q.end, vague: q.vague, revision, breakdown: isBreakdown });
  }
  return { figures: out, fighterSentences };
}

/**
 * One range from the figures a report gives for one kind of count. A revised
 * figure ("rose to 46") replaces the earlier ones; a real number makes "dozens"
 * redundant; several sources give lowest..highest, open-ended when the highest is.
 */
export function combine(
  figures: readonly Figure[],
  kind: FigureKind,
  breakdowns = false,
): { range: CountRange; used: Figure[] } | null {
  let fs = figures.filter((f) => f.kind === kind && f.breakdown === breakdowns);
  if (fs.length === 0) return null;
  const revised = fs.filter((f) => f.revision);
  if (revised.length > 0) fs = [revised[revised.length - 1] as Figure];
  const exact = fs.filter((f) => !f.vague);
  if (exact.length > 0) fs = exact;
  let min = Number.POSITIVE_INFINITY;
  let top: CountRange | null = null;
  for (const f of fs) {
    min = Math.min(min, f.range.min);
    const hi = f.range.max ?? f.range.min;
    const topHi = top ? (top.max ?? top.min) : -1;
    if (!top || hi > topHi || (hi === topHi && f.range.max === null)) top = f.range;
  }
  if (!top) return null;
  return { range: { min, max: top.max }, used: fs };
}
