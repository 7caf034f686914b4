import type { Language } from '../../domain/codes.js';
import { en } from './en.js';
import type { Lexicon } from './types.js';

export const LEXICONS: Record<Language, Lexicon> = {
  en,
  ar: { ...en, lang: 'ar' },
  fr: { ...en, lang: 'fr' },
  de: { ...en, lang: 'de' },
  es: { ...en, lang: 'es' },
  pt: { ...en, lang: 'pt' },
};
