import type { DateInterval } from '../domain/dates.js';
import { addDays, parseIsoDay, toIsoDay } from '../domain/dates.js';
import { endRe, foldPattern, memo, wordSource } from './lexicon/compile.js';
import type { Lexicon } from './lexicon/types.js';

/** A date expression in folded offsets, resolved against the publication day. */
export interface DateMention {
  start: number;
  end: number;
  interval: DateInterval;
  /** When something was said ("officials said on Monday"), not when it happened. */
  reporting: boolean;
  /** Written out ("3 October"), not worked out from a weekday or "yesterday". */
  explicit: boolean;
}

/** How far back "recent"/"recently" reaches before publication. */
export const RECENT_DAYS = 21;

function iso(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return parseIsoDay(s) ? s : null;
}

function lastDayOfMonth(y: number, m: number): string {
  const d = new Date(Date.UTC(y, m, 0));
  return toIsoDay(d);
}

function weekdayOf(isoDay: string): number {
  return (parseIsoDay(isoDay) as Date).getUTCDay();
}

interface Compiled {
  monthIndex: Array<[RegExp, number]>;
  weekdayIndex: Array<[RegExp, number]>;
  month: string;
  weekday: string;
  dayFirst: RegExp;
  monthFirst: RegExp;
  monthYear: RegExp;
  monthAlone: RegExp;
  isoDate: RegExp;
  numeric: RegExp;
  weekdayRe: RegExp;
  relative: RegExp;
  lastBefore: RegExp;
  lastAfter: RegExp;
  since: RegExp;
  firstWeek: RegExp;
  reporting: RegExp;
  reportingNoun: RegExp;
  reportingAfter: RegExp;
  future: RegExp;
  daysAgo: RegExp;
  groups: Array<'today' | 'yesterday' | 'dayBefore' | 'pastWeek' | 'recent' | 'lastWeek' | 'thisMonth'>;
}

function compile(lex: Lexicon): Compiled {
  return memo(lex, 'dates', () => {
    // Lookups by pattern, since names may be patterns ("sept?\\.?", "freitag\\S*").
    const monthIndex: Array<[RegExp, number]> = [];
    lex.months.forEach((vs, i) => {
      for (const v of vs) monthIndex.push([new RegExp(`^(?:${foldPattern(v)})$`, 'u'), i]);
    });
    const weekdayIndex: Array<[RegExp, number]> = [];
    lex.weekdays.forEach((vs, i) => {
      for (const v of vs) weekdayIndex.push([new RegExp(`^(?:${foldPattern(v)})$`, 'u'), i]);
    });
    const monthAlt = lex.months
      .flat()
      .map(foldPattern)
      .sort((a, b) => b.length - a.length)
      .join('|');
    const pre = lex.lang === 'ar' ? '(?:[وفبلك]{0,2}(?:ال)?)' : '';
    const month = `(?<![\\p{L}])${pre}(?:${monthAlt})(?:\\s*/\\s*(?:${monthAlt}))?(?![\\p{L}])`;
    const weekday = wordSource(lex, lex.weekdays.flat());
    const groups: Compiled['groups'] = [
      'today',
      'yesterday',
      'dayBefore',
      'pastWeek',
      'recent',
      'lastWeek',
      'thisMonth',
    ];
    const relative = new RegExp(groups.map((g) => `(${wordSource(lex, lex[g])})`).join('|'), 'gu');
    return {
      monthIndex,
      weekdayIndex,
      month,
      weekday,
      dayFirst: new RegExp(
        `(?<!\\d)(\\d{1,2})(?:\\.|er|st|nd|rd|th|º)?\\s*(?:de\\s+)?(${month})(?:,?\\s+(?:de\\s+)?(\\d{4}))?`,
        'gu',
      ),
      monthFirst: new RegExp(`(${month})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?`, 'gu'),
      monthYear: new RegExp(`(${month})\\s*(?:de\\s+|,\\s*)?(\\d{4})`, 'gu'),
      monthAlone: new RegExp(`(${month})`, 'gu'),
      isoDate: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/gu,
      numeric: /(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/])/gu,
      weekdayRe: new RegExp(weekday, 'gu'),
      relative,
      lastBefore: endRe(lex, lex.lastBefore),
      lastAfter: new RegExp(`^\\s*(?:${wordSource(lex, lex.lastAfter)})`, 'u'),
      since: endRe(lex, lex.since),
      firstWeek: endRe(lex, lex.firstWeekOf),
      reporting: new RegExp(
        `(?:${wordSource(lex, lex.reporting)})(?:[\\s,]+[^\\s.;]+){0,3}?[\\s,]*(?:(?:on|am|le|el|no|في|يوم|vom|at)\\s+)?(?:(?:the|le|la|der|el|o|a)\\s+)?$`,
        'u',
      ),
      reportingNoun: new RegExp(
        `(?:${wordSource(lex, lex.reportingNouns)})(?:\\s+[^\\s.;,]+)?\\s+(?:(?:on|in|am|le|el|en|no|em|im|في|يوم)\\s+)?$`,
        'u',
      ),
      reportingAfter: new RegExp(`^[\\s,]*(?:${wordSource(lex, lex.reporting)})`, 'u'),
      future: endRe(lex, lex.future),
      daysAgo: /(?<!\d)(\d{1,2}) (?:days? ago|jours? plus tot|tagen?|dias? atras|hace \d)/gu,
      groups,
    };
  });
}

function resolveWeekday(pub: string, wd: number, last: boolean): string {
  let back = (weekdayOf(pub) - wd + 7) % 7;
  if (back === 0 && last) back = 7;
  return addDays(pub, -back);
}

/** Picks the year that puts month/day on or before publication. */
function inferYear(pub: string | null, m: number, d: number): number | null {
  if (!pub) return null;
  const y = Number(pub.slice(0, 4));
  const same = iso(y, m, d);
  if (same && same <= addDays(pub, 1)) return y;
  return y - 1;
}

/** Every date expression in a folded text, resolved against `published` when relative. */
export function findDates(norm: string, lex: Lexicon, published: string | null): DateMention[] {
  const c = compile(lex);
  const pub = published && parseIsoDay(published) ? published : null;
  const out: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number): boolean => taken.every(([a, b]) => e <= a || s >= b);
  const add = (s: number, e: number, interval: DateInterval | null, explicit = false): void => {
    if (!interval || !free(s, e)) return;
    // A date after publication is a plan or a typo, not an event.
    if (pub && interval.from > addDays(pub, 1)) return;
    taken.push([s, e]);
    out.push({ start: s, end: e, interval, reporting: false, explicit });
  };
  const monthOf = (s: string): number | null => {
    const first = s.split('/')[0]?.trim() ?? '';
    const stripped = lex.lang === 'ar' ? first.replace(/^[وفبلك]{0,2}(?:ال)?/u, '') : first;
    for (const cand of [first, stripped, first.replace(/\.$/u, '')]) {
      const hit = c.monthIndex.find(([re]) => re.test(cand));
      if (hit) return hit[1] + 1;
    }
    return null;
  };
  // English "may" and "march" are also words; only trust them next to a number.
  const ambiguous = (s: string): boolean => lex.lang === 'en' && /^(?:may|march|mar\.?)$/u.test(s.trim());

  for (const m of norm.matchAll(c.isoDate)) {
    const d = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (d) add(m.index, m.index + m[0].length, { from: d, to: d, precision: 'day' });
  }
  for (const m of norm.matchAll(c.numeric)) {
    const d = iso(Number(m[3]), Number(m[2]), Number(m[1]));
    if (d) add(m.index, m.index + m[0].length, { from: d, to: d, precision: 'day' });
  }
  for (const re of [c.dayFirst, c.monthFirst]) {
    for (const m of norm.matchAll(re)) {
      const dayFirst = re === c.dayFirst;
      const mo = monthOf((dayFirst ? m[2] : m[1]) ?? '');
      const day = Number(dayFirst ? m[1] : m[2]);
      if (mo === null || day < 1 || day > 31) continue;
      const y = m[3] ? Number(m[3]) : inferYear(pub, mo, day);
      if (y === null) continue;
      const d = iso(y, mo, day);
      if (d) add(m.index, m.index + m[0].length, { from: d, to: d, precision: 'day' }, true);
    }
  }
  for (const m of norm.matchAll(c.monthYear)) {
    const mo = monthOf(m[1] ?? '');
    if (mo === null) continue;
    const y = Number(m[2]);
    const from = iso(y, mo, 1);
    if (!from) continue;
    add(m.index, m.index + m[0].length, { from, to: lastDayOfMonth(y, mo), precision: 'month' });
  }
  for (const m of norm.matchAll(c.monthAlone)) {
    const lead = norm.slice(Math.max(0, m.index - 20), m.index);
    if (
      ambiguous(m[1] ?? '') &&
      !/(?:\bin|\bof|\bearly|\blate|\bmid-?|\bsince|\bduring|\blast|\bthis)\s*$/u.test(lead)
    )
      continue;
    const mo = monthOf(m[1] ?? '');
    if (mo === null || !pub) continue;
    const y = inferYear(pub, mo, 1);
    if (y === null) continue;
    const from = iso(y, mo, 1) as string;
    const left = norm.slice(Math.max(0, m.index - 30), m.index);
    const fw = c.firstWeek.exec(left);
    if (fw) {
      add(m.index - fw[0].length, m.index + m[0].length, { from, to: addDays(from, 6), precision: 'week' });
      continue;
    }
    add(m.index, m.index + m[0].length, { from, to: lastDayOfMonth(y, mo), precision: 'month' });
  }
  if (pub) {
    for (const m of norm.matchAll(c.weekdayRe)) {
      const word = m[0].replace(/^[وفبلك]{1,2}(?=ال)/u, '');
      const wd = c.weekdayIndex.find(([re]) => re.test(m[0]) || re.test(word))?.[1];
      if (wd === undefined) continue;
      const left = norm.slice(Math.max(0, m.index - 30), m.index);
      const right = norm.slice(m.index + m[0].length, m.index + m[0].length + 20);
      if (c.future.test(left)) continue;
      // "Saturday 3 October": the written date says it. "am Freitag 14 Menschen" has none: the
      // number is the count after the day.
      const after = m.index + m[0].length;
      if (/^,?\s*\d/u.test(right) && taken.some(([a]) => a >= after && a <= after + 3)) continue;
      const lb = c.lastBefore.exec(left);
      const la = lex.lastAfter.length > 0 ? c.lastAfter.exec(right) : null;
      const d = resolveWeekday(pub, wd, lb !== null || la !== null);
      const s = m.index - (lb ? lb[0].length : 0);
      const e = m.index + m[0].length + (la ? la[0].length : 0);
      add(s, e, { from: d, to: d, precision: 'day' });
    }
    for (const m of norm.matchAll(c.relative)) {
      const gi = m.slice(1).findIndex((g) => g !== undefined);
      const g = c.groups[gi];
      let iv: DateInterval | null = null;
      switch (g) {
        case 'today':
          iv = { from: pub, to: pub, precision: 'day' };
          break;
        case 'yesterday':
          iv = { from: addDays(pub, -1), to: addDays(pub, -1), precision: 'day' };
          break;
        case 'dayBefore': {
          // "The previous day" counts back from the last day named before it.
          const prior = [...out].filter((o) => o.end <= m.index && o.interval.precision === 'day').pop();
          const base = prior && m.index - prior.end < 200 ? prior.interval.from : pub;
          iv = { from: addDays(base, -1), to: addDays(base, -1), precision: 'day' };
          break;
        }
        case 'pastWeek':
          iv = { from: addDays(pub, -7), to: pub, precision: 'week' };
          break;
        case 'recent':
          iv = { from: addDays(pub, -RECENT_DAYS), to: addDays(pub, -1), precision: 'interval' };
          break;
        case 'lastWeek':
          iv = { from: addDays(pub, -13), to: addDays(pub, -6), precision: 'week' };
          break;
        case 'thisMonth':
          iv = { from: `${pub.slice(0, 8)}01`, to: pub, precision: 'month' };
          break;
      }
      add(m.index, m.index + m[0].length, iv);
    }
    for (const m of norm.matchAll(c.daysAgo)) {
      const n = Number(m[1]);
      add(m.index, m.index + m[0].length, { from: addDays(pub, -n), to: addDays(pub, -n), precision: 'day' });
    }
  }
  out.sort((a, b) => a.start - b.start);
  for (const d of out) {
    const left = norm.slice(Math.max(0, d.start - 60), d.start);
    // "since Sunday": from then until publication.
    const since = c.since.exec(left);
    if (since && pub && d.interval.from <= pub) {
      d.start -= since[0].length;
      d.interval = { from: d.interval.from, to: pub, precision: 'interval' };
    }
    const right = norm.slice(d.end, d.end + 30);
    d.reporting = c.reporting.test(left) || c.reportingNoun.test(left) || c.reportingAfter.test(right);
  }
  // "اليوم الخميس", "today, Thursday": a weekday in apposition to a reporting day is that day too.
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1] as DateMention;
    const d = out[i] as DateMention;
    if (
      prev.reporting &&
      !d.reporting &&
      /^[\s,،]*$/u.test(norm.slice(prev.end, d.start)) &&
      prev.interval.from === d.interval.from &&
      prev.interval.to === d.interval.to
    )
      d.reporting = true;
  }
  return out;
}
