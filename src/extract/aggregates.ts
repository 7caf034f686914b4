import { memo, wordSource } from './lexicon/compile.js';
import type { Lexicon } from './lexicon/types.js';

/**
 * How a sentence speaks of a long period ("2,590 civilians over three years", "since the war
 * began") rather than of one event:
 * - `whole`: the sentence itself is a tally; nothing in it is one event's.
 * - `clauses`: spans (offsets into the sentence) of relative clauses that name a period ("the town,
 *   which the SDF has held since 2016,"): what lies inside them is background, the rest of the
 *   sentence may still tell of the event.
 * "The deadliest attack since 2011" compares one event with a period; that is no aggregate.
 */
export interface AggregateReading {
  whole: boolean;
  clauses: [number, number][];
}

export function readAggregates(sentence: string, lex: Lexicon): AggregateReading {
  const re = memo(lex, 'aggregates', () => ({
    agg: new RegExp(wordSource(lex, lex.aggregates), 'gu'),
    sup: new RegExp(`(?:${wordSource(lex, lex.superlatives)})`, 'u'),
    relative: new RegExp(`[,،]\\s*(?:${wordSource(lex, lex.relativeOpeners)})`, 'gu'),
  }));
  const clauses: [number, number][] = [];
  re.agg.lastIndex = 0;
  for (let m = re.agg.exec(sentence); m !== null; m = re.agg.exec(sentence)) {
    if (m[0].length === 0) {
      re.agg.lastIndex++;
      continue;
    }
    const before = sentence.slice(Math.max(0, m.index - 90), m.index);
    if (re.sup.test(before)) continue;
    const clause = relativeClauseAt(sentence, m.index, re.relative);
    if (!clause) return { whole: true, clauses: [] };
    if (!clauses.some(([s, e]) => s === clause[0] && e === clause[1])) clauses.push(clause);
  }
  return { whole: false, clauses };
}

/**
 * The relative clause holding offset `at`, if any: from its comma and opener (", which") to the
 * next comma, semicolon or the sentence's end.
 */
function relativeClauseAt(sentence: string, at: number, relative: RegExp): [number, number] | null {
  let open = -1;
  relative.lastIndex = 0;
  for (let m = relative.exec(sentence); m !== null && m.index < at; m = relative.exec(sentence))
    open = m.index;
  if (open < 0) return null;
  const rest = sentence.slice(open + 1);
  const stop = rest.search(/[,;،؛]/u);
  const end = stop < 0 ? sentence.length : open + 1 + stop;
  return at < end ? [open, end] : null;
}
