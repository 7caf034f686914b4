import type { ClaimDraft, Evidence } from '../domain/claim.js';
import type { Belligerent } from '../domain/codes.js';
import type { DateInterval } from '../domain/dates.js';
import { addDays } from '../domain/dates.js';
import type { ActorMention } from './actors.js';
import { combine, type FigureKind } from './casualties.js';
import { eventType } from './events.js';
import { bestDate, type EventMentions } from './group.js';
import { type PlaceRef, toPlace } from './places.js';
import { type Folded, toSpan } from './text.js';

/** How far back an undated lead event may lie before publication. */
const UNDATED_WINDOW_DAYS = 7;

export interface BuildContext {
  f: Folded;
  published: string | null;
  fallbackPlace: PlaceRef | null;
  /** Sentences (layout indices) that count fighters killed or wounded. */
  fighterSentences?: ReadonlySet<number>;
}

/** The attackers: those named in the first sentence that names any. */
function attackers(e: EventMentions): { codes: Belligerent[]; mentions: ActorMention[] } {
  const agents = e.actors.filter((a) => a.agent);
  if (agents.length === 0) return { codes: [], mentions: [] };
  const first = Math.min(...agents.map((a) => a.sentence));
  const chosen = agents.filter((a) => a.sentence === first);
  let codes = [...new Set(chosen.map((a) => a.code))];
  // The coalition's own aircraft are American; the text names the coalition.
  if (codes.includes('us-led-coalition')) codes = codes.filter((c) => c !== 'united-states');
  return { codes, mentions: chosen };
}

/**
 * Turns grouped mentions into claims. An event becomes a claim when it can be
 * placed below country level and either has a date of its own, a toll, or is the
 * report's lead story; undated asides ("assaults were reported in Hama") are not
 * claims.
 */
export function buildClaims(events: readonly EventMentions[], ctx: BuildContext): ClaimDraft[] {
  const { f } = ctx;
  const out: ClaimDraft[] = [];
  let previousAgents: { group: string; codes: Belligerent[] } | null = null;
  events.forEach((e, idx) => {
    const evidence: Evidence[] = [];
    const span = (x: { start: number; end: number }) => toSpan(f, x.start, x.end);
    const ev = bestDate(e);
    const tolls = e.figures.filter((x) => x.kind !== 'strikes');
    // Deaths of fighters only are not coded: "a suicide car bomb had killed three soldiers".
    if (tolls.length === 0 && ctx.fighterSentences?.has(e.firstSentence)) return;
    const lead = idx === 0;
    let date: DateInterval | null = ev ? { ...ev.interval } : null;
    if (ev) evidence.push({ field: 'date', span: span(ev) });
    if (!date && (tolls.length > 0 || lead)) {
      const rep = e.dates.find((d) => d.reporting);
      if (rep) {
        date = {
          from: addDays(rep.interval.from, -UNDATED_WINDOW_DAYS),
          to: rep.interval.to,
          precision: 'interval',
        };
        evidence.push({ field: 'date', span: span(rep) });
      } else if (ctx.published) {
        date = {
          from: addDays(ctx.published, -UNDATED_WINDOW_DAYS),
          to: ctx.published,
          precision: 'interval',
        };
      }
    }
    if (!date) return;
    const placeRef = e.place ?? ctx.fallbackPlace;
    if (!placeRef || placeRef.precision === 'country') return;
    evidence.push({ field: 'place', span: span(placeRef) });

    const event = eventType(e.triggers);
    for (const t of e.triggers) evidence.push({ field: 'event', span: span(t) });

    const att = attackers(e);
    let belligerents: Belligerent[] = att.codes;
    for (const m of att.mentions) evidence.push({ field: 'belligerents', span: span(m) });
    if (belligerents.length === 0) {
      if (!e.unknownActor && previousAgents && previousAgents.group === e.group)
        belligerents = [...previousAgents.codes];
      else belligerents = ['unknown'];
    }
    if (att.codes.length > 0) previousAgents = { group: e.group, codes: att.codes };

    const count = (kind: FigureKind, field: Evidence['field'], breakdown = false) => {
      const c = combine(e.figures, kind, breakdown);
      if (!c) return null;
      for (const u of c.used) evidence.push({ field, span: span(u) });
      return c.range;
    };
    const civiliansKilled = count('civilians', 'civiliansKilled');
    const killed = count('killed', 'killed');
    const injured = count('injured', 'injured');
    const children = count('children', 'children', true);
    const women = count('women', 'women', true);
    const strikeFigs = e.figures.filter((x) => x.kind === 'strikes');
    let strikes: number | null = null;
    for (const s of strikeFigs) {
      if (strikes === null || s.range.min > strikes) strikes = s.range.min;
      evidence.push({ field: 'strikes', span: span(s) });
    }
    for (const h of e.hedges) evidence.push({ field: 'hedged', span: span(h) });
    const hit = e.targets[0] ?? null;
    if (hit) evidence.push({ field: 'target', span: span(hit) });

    const hasOwnDate = ev !== null;
    if (!hasOwnDate && tolls.length === 0 && !lead) return;
    let confidence = 0.4;
    if (hasOwnDate) confidence += 0.2;
    if (e.place) confidence += 0.15;
    if (tolls.length > 0) confidence += 0.15;
    if (att.codes.length > 0) confidence += 0.1;

    out.push({
      date,
      place: toPlace(placeRef),
      belligerents,
      event,
      target: hit?.name ?? null,
      civiliansKilled,
      killed,
      injured,
      children,
      women,
      hedged: e.hedges.length > 0,
      strikes,
      evidence,
      confidence: Math.min(1, confidence),
    });
  });
  return out;
}
