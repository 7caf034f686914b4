import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import type { Lang } from '../state/query.js';
import { type I18n, makeI18n } from './messages.js';

export type { I18n } from './messages.js';

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
