import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import type { Lang } from '../state/query.js';
import { ar } from './ar.js';
import { type Catalogue, en, type MessageKey } from './en.js';

const CATALOGUES: Record<Lang, Catalogue> = { en, ar };

export interface I18n {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Looks up a key built from data (a grading, an event code); falls back to the raw value. */
  code(prefix: string, value: string | null | undefined): string;
  num(n: number): string;
  date(iso: string): string;
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
  const locale = lang === 'ar' ? 'ar' : 'en-GB';
  const nf = new Intl.NumberFormat(locale);
  const df = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const num = (n: number) => nf.format(n);
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    num,
    date: (iso) => {
      const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
      return Number.isNaN(ms) ? iso : df.format(ms);
    },
    t: (key, vars) => interpolate(cat[key], vars, num),
    code: (prefix, value) => {
      if (value === null || value === undefined) return cat['common.unknown'];
      const key = `${prefix}.${value}` as MessageKey;
      return key in cat ? cat[key] : value;
    },
  };
}

const Ctx = createContext<I18n>(makeI18n('en'));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  useEffect(() => {
    // The whole document flips, so browser chrome such as scrollbars follows the reading direction.
    document.documentElement.lang = lang;
    document.documentElement.dir = value.dir;
    document.title = value.t('app.title');
  }, [lang, value]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  return useContext(Ctx);
}
