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

/** Function words no other of our Latin-script languages uses often. */
const FUNCTION_WORDS: Array<[Language, RegExp]> = [
  ['en', /\b(?:the|and|of|were|was|with|which|that|said|from)\b/giu],
  ['fr', /\b(?:le|les|du|et|une|dans|est|sont|ont|aux|selon)\b/giu],
  ['de', /\b(?:der|die|das|und|ein|eine|mit|im|bei|von|ist|dem)\b/giu],
  ['es', /\b(?:el|los|las|del|una|fue|según|y)\b/giu],
  ['pt', /\b(?:os|do|da|dos|das|um|uma|em|na|foi|segundo)\b/giu],
];

/**
 * A clear majority of distinctive function words settles the language at a
 * fraction of franc's cost; close calls still go to franc.
 */
function byFunctionWords(sample: string): Language | null {
  let best: Language | null = null;
  let bestN = 0;
  let second = 0;
  for (const [lang, re] of FUNCTION_WORDS) {
    re.lastIndex = 0;
    const n = sample.match(re)?.length ?? 0;
    if (n > bestN) {
      second = bestN;
      best = lang;
      bestN = n;
    } else if (n > second) second = n;
  }
  return bestN >= 3 && bestN >= 2 * second ? best : null;
}

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
  const quick = byFunctionWords(sample.slice(0, 1500));
  if (quick) return quick;
  const guess = franc(sample, { only: Object.keys(ISO3), minLength: 10 });
  return ISO3[guess] ?? 'en';
}
