import type { EventType } from '../domain/codes.js';
import { memo, wordSource } from './lexicon/compile.js';
import type { CueFamily, Lexicon } from './lexicon/types.js';

/** A word or phrase naming an attack. Folded offsets. */
export interface Trigger {
  start: number;
  end: number;
  family: CueFamily;
  weight: number;
  /** Threatened, planned, hypothetical: no event happened. */
  irrealis: boolean;
}

function compiled(lex: Lexicon): { re: RegExp; irrealis: RegExp; after: RegExp } {
  return memo(lex, 'events', () => ({
    after: new RegExp(`^\\s+(?:${wordSource(lex, lex.irrealisAfter)})`, 'u'),
    re: new RegExp(lex.triggers.map((t) => `(${wordSource(lex, [t.re])})`).join('|'), 'gu'),
    irrealis: new RegExp(`(?:${wordSource(lex, lex.irrealis)})(?:\\s+\\S+){0,3}\\s*$`, 'u'),
  }));
}

export function findTriggers(norm: string, lex: Lexicon): Trigger[] {
  const { re, irrealis, after } = compiled(lex);
  const out: Trigger[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(norm); m !== null; m = re.exec(norm)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const gi = m.slice(1).findIndex((g) => g !== undefined);
    const cue = lex.triggers[gi];
    if (!cue) continue;
    const left = norm.slice(Math.max(0, m.index - 40), m.index);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      family: cue.family,
      weight: cue.weight,
      irrealis:
        irrealis.test(left) || after.test(norm.slice(m.index + m[0].length, m.index + m[0].length + 30)),
    });
  }
  return out;
}

/** Families that can describe the same event: an air raid is not a ground offensive. */
export type EventGroup = 'strike' | 'bomb' | 'ground' | 'any';

export function groupOf(f: CueFamily): EventGroup {
  switch (f) {
    case 'air':
    case 'shell':
    case 'chem':
      return 'strike';
    case 'suicide':
    case 'remote':
      return 'bomb';
    case 'clash':
      return 'ground';
    default:
      return 'any';
  }
}

export function groupsCompatible(a: EventGroup, b: EventGroup): boolean {
  return a === 'any' || b === 'any' || a === b;
}

/**
 * The ACLED sub-event type from an event's cues. A suicide cue decides outright;
 * a planted bomb next; otherwise weapon weights vote. Chemical attacks are coded by
 * their usual delivery (air), as the monitors whose conventions the corpus follows do.
 */
export function eventType(triggers: readonly Trigger[]): EventType | null {
  const w: Record<CueFamily, number> = {
    air: 0,
    shell: 0,
    suicide: 0,
    remote: 0,
    clash: 0,
    chem: 0,
    hit: 0,
    generic: 0,
  };
  for (const t of triggers) w[t.family] += t.weight;
  if (w.suicide > 0) return 'suicide_bomb';
  if (w.remote >= 4) return 'remote_explosive';
  const air = w.air + w.chem;
  if (air > 0 || w.shell > 0) return air >= w.shell ? 'air_drone_strike' : 'shelling_artillery_missile';
  if (w.remote > 0) return 'remote_explosive';
  if (w.clash > 0) return 'armed_clash';
  if (w.hit > 0) return 'air_drone_strike';
  if (w.generic > 0) return 'attack';
  return null;
}
