import { franc } from 'franc-min';
import type { Language } from '../domain/codes.js';
import { isOneOf, LANGUAGES } from '../domain/codes.js';

const ISO3: Record<string, Language> = {
  eng: 'en',
  arb: 'ar',
  ara: 'ar',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  por: 'pt',
};

/**
 * The report's language among those Vigil has lexicons for. A declared code wins;
 * otherwise franc guesses, restricted to our six, and the script decides ties
 * (franc is unsure on short texts, but Arabic script is unmistakable).
 */
export function detectLanguage(text: string, declared: string | null): Language {
  const d = (declared ?? '').toLowerCase().slice(0, 2);
  if (isOneOf(LANGUAGES, d)) return d;
  const sample = text.slice(0, 4000);
  let arabic = 0;
  let letters = 0;
  for (const ch of sample) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (/[\u0600-\u06FF]/u.test(ch)) arabic++;
    }
  }
  if (letters > 0 && arabic / letters > 0.3) return 'ar';
  const guess = franc(sample, { only: Object.keys(ISO3), minLength: 10 });
  return ISO3[guess] ?? 'en';
}
