import { memo, wordSource } from './lexicon/compile.js';
import type { Lexicon } from './lexicon/types.js';

/** A kind of place an attack hit, named in the text ("the mosque", "a busy market street"). Folded offsets. */
export interface TargetMention {
  start: number;
  end: number;
  /** The lexicon's name for the kind, in English: "mosque", "market", "home"… */
  name: string;
}

export function findTargets(norm: string, lex: Lexicon): TargetMention[] {
  const kinds = memo(lex, 'targets', () =>
    Object.entries(lex.targets).map(([name, forms]) => ({
      name,
      re: new RegExp(wordSource(lex, forms), 'gu'),
    })),
  );
  const out: TargetMention[] = [];
  for (const { name, re } of kinds) {
    re.lastIndex = 0;
    for (let m = re.exec(norm); m !== null; m = re.exec(norm)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length, name });
    }
  }
  // Overlapping forms ("market" inside "market street") keep the longest, first found first.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((t, i) => i === 0 || t.start >= (out[i - 1] as TargetMention).end);
}

/** How far (folded characters) after an attack's trigger the place it hit may be named ("an air strike hit the mosque"). */
export const TARGET_REACH_AFTER = 80;
/** …and before it ("the market was shelled", "a school in Ariha was hit by an air strike"). */
export const TARGET_REACH_BEFORE = 40;
