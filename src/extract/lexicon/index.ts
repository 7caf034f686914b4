import type { Language } from '../../domain/codes.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { pt } from './pt.js';
import type { Lexicon } from './types.js';

export const LEXICONS: Record<Language, Lexicon> = { en, ar, fr, de, es, pt };
