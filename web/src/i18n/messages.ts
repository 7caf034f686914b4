/** Message lookup and locale formatting for one language: what every component formats with. */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang } from '../state/query.js';
import { ar } from './ar.js';
import { type Catalogue, en, type MessageKey } from './en.js';

const CATALOGUES: Record<Lang, Catalogue> = { en, ar };

/**
 * A name set into a message, isolated (FSI … PDI): a name in the other script keeps its place and
 * does not carry the words beside it along ("Claim from شبكة…, 22 Mar 2017").
 */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

export interface I18n {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Looks up a key built from data (a grading, an event code); falls back to the raw value. */
  code(prefix: string, value: string | null | undefined): string;
  /** The codes this catalogue names under a prefix ("target": school, market…), in its order. */
  codes(prefix: string): string[];
  num(n: number): string;
  /** A number with exactly `digits` decimals (coordinates). */
  fixed(n: number, digits: number): string;
  /** A day ("24 Nov 2026"); a full timestamp is shown as its day. */
  date(iso: string): string;
  /** A day and time of day, UTC ("24 Nov 2026, 14:05 UTC"): when something was recorded. */
  dateTime(iso: string): string;
  /** A month ("Nov 2026"), for month buckets. */
  month(iso: string): string;
}

/**
 * Figures and dates in Arabic use Latin digits ("ar-u-nu-latn": Arabic month names and
 * separators, digits 0–9), as Al Jazeera and most Arabic news sites print casualty figures.
 * Incident codes, coordinates typed in review forms and dates in shared URLs are Latin-digit
 * anyway, so one digit system keeps every figure on a page readable side by side. Pinned rather
 * than left to plain "ar", whose default digits have differed between ICU versions.
 */
const LOCALES: Record<Lang, string> = { en: 'en-GB', ar: 'ar-u-nu-latn' };

function parseDay(iso: string): number {
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
}

function interpolate(
  s: string,
  vars: Record<string, string | number> | undefined,
  num: (n: number) => string,
) {
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = vars[k];
    return v === undefined ? m : typeof v === 'number' ? num(v) : v;
  });
}

export function makeI18n(lang: Lang): I18n {
  const cat = CATALOGUES[lang];
  const locale = LOCALES[lang];
  const nf = new Intl.NumberFormat(locale);
  const fixedFormats = new Map<number, Intl.NumberFormat>();
  const day = { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' } as const;
  const df = new Intl.DateTimeFormat(locale, day);
  const dtf = new Intl.DateTimeFormat(locale, {
    ...day,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  const mf = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const withDate = (f: Intl.DateTimeFormat) => (iso: string) => {
    const ms = parseDay(iso);
    return Number.isNaN(ms) ? iso : f.format(ms);
  };
  const num = (n: number) => nf.format(n);
  // Messages that vary with a count are ICU plural messages ("{count, plural, one {# incident} other
  // {# incidents}}"): Arabic has six plural forms, English two. Parsed once, on first use.
  const plurals = new Map<MessageKey, IntlMessageFormat>();
  const codeLists = new Map<string, string[]>();
  const t = (key: MessageKey, vars?: Record<string, string | number>): string => {
    const text = cat[key];
    if (!text.includes(', plural,')) return interpolate(text, vars, num);
    let f = plurals.get(key);
    if (!f) {
      f = new IntlMessageFormat(text, locale);
      plurals.set(key, f);
    }
    return String(f.format(vars));
  };
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    num,
    fixed: (n, digits) => {
      let f = fixedFormats.get(digits);
      if (!f) {
        f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
        fixedFormats.set(digits, f);
      }
      return f.format(n);
    },
    date: withDate(df),
    dateTime: withDate(dtf),
    month: withDate(mf),
    t,
    code: (prefix, value) => {
      if (value === null || value === undefined) return cat['common.unknown'];
      const key = `${prefix}.${value}` as MessageKey;
      return key in cat ? cat[key] : value;
    },
    // Listed once a prefix: a form asks on every render.
    codes: (prefix) => {
      let list = codeLists.get(prefix);
      if (!list) {
        list = Object.keys(cat)
          .filter((k) => k.startsWith(`${prefix}.`))
          .map((k) => k.slice(prefix.length + 1));
        codeLists.set(prefix, list);
      }
      return list;
    },
  };
}
