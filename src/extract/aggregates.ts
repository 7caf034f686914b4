import { memo, wordSource } from './lexicon/compile.js';
import type { Lexicon } from './lexicon/types.js';

/**
 * Whether a sentence speaks of a long period ("2,590 civilians over three years",
 * "since the war began") rather than one event. "The deadliest attack since 2011"
 * compares one event with a period; that is not an aggregate.
 */
export function isAggregate(sentence: string, lex: Lexicon): boolean {
  const re = memo(lex, 'aggregates', () => ({
    agg: new RegExp(wordSource(lex, lex.aggregates), 'gu'),
    sup: new RegExp(`(?:${wordSource(lex, lex.superlatives)})`, 'u'),
  }));
  re.agg.lastIndex = 0;
  for (let m = re.agg.exec(sentence); m !== null; m = re.agg.exec(sentence)) {
    if (m[0].length === 0) {
      re.agg.lastIndex++;
      continue;
    }
    const before = sentence.slice(Math.max(0, m.index - 90), m.index);
    if (re.sup.test(before)) continue;
    return true;
  }
  return false;
}
