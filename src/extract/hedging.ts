import { memo, wordRe } from './lexicon/compile.js';
import type { Lexicon } from './lexicon/types.js';

/** Where the text distances itself from what it reports ("alleged", "unconfirmed"). */
export interface Hedge {
  start: number;
  end: number;
}

export function findHedges(norm: string, lex: Lexicon): Hedge[] {
  const re = memo(lex, 'hedges', () => wordRe(lex, lex.hedges));
  const out: Hedge[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(norm); m !== null; m = re.exec(norm)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
