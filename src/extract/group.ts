import type { ActorMention } from './actors.js';
import type { Figure } from './casualties.js';
import type { DateMention } from './dates.js';
import { type EventGroup, groupOf, groupsCompatible, type Trigger } from './events.js';
import type { Hedge } from './hedging.js';
import { haversineKm, type PlaceRef, samePlace } from './places.js';
import type { Sentence } from './segment.js';
import { TARGET_REACH_AFTER, TARGET_REACH_BEFORE, type TargetMention } from './targets.js';

/** The mentions of one event, gathered across sentences. Folded offsets. */
export interface EventMentions {
  triggers: Trigger[];
  place: PlaceRef | null;
  places: PlaceRef[];
  dates: DateMention[];
  figures: Figure[];
  actors: Array<ActorMention & { sentence: number }>;
  hedges: Hedge[];
  /** Kinds of place the event's triggers hit ("the mosque"), in the order written. */
  targets: TargetMention[];
  group: EventGroup;
  firstSentence: number;
  lastSentence: number;
  unknownActor: boolean;
}

/** Per-sentence mentions, already filtered (no headline, no aggregates). */
export interface SentenceMentions {
  sentence: Sentence;
  index: number;
  triggers: Trigger[];
  figures: Figure[];
  dates: DateMention[];
  hedges: Hedge[];
  actors: ActorMention[];
  places: PlaceRef[];
  targets: TargetMention[];
  unknownActor: boolean;
  /** Opens with "Separately,": its first trigger is a new event. */
  newEvent: boolean;
  /** Triggers written as a reference back ("the strike"). */
  anaphoric: Set<Trigger>;
  /** Figures shared by several places ("148 in Jableh and Tartus"). */
  shared: Set<Figure>;
}

function nearest<T extends { start: number; end: number }>(
  items: readonly T[],
  at: { start: number; end: number },
): T | null {
  let best: T | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const it of items) {
    const d = it.end <= at.start ? at.start - it.end : it.start >= at.end ? it.start - at.end + 0.5 : 0;
    if (d < bestD) {
      best = it;
      bestD = d;
    }
  }
  return best;
}

/** How far (folded chars) a place or date may lie from a trigger and still locate it. */
const LOCAL_REACH = 90;

/** Sentences after an event's last trigger that may still speak of it. */
const MAX_TRAILING = 3;

function near<T extends { start: number; end: number }>(
  items: readonly T[],
  t: { start: number; end: number },
): T | null {
  const n = nearest(items, t);
  if (!n) return null;
  const d = n.end <= t.start ? t.start - n.end : n.start - t.end;
  return d <= LOCAL_REACH ? n : null;
}

/** Nearest trigger, where a weapon named outright ("airstrikes") reaches further than "attack". */
function nearestWeighted(items: readonly Trigger[], at: { start: number; end: number }): Trigger | null {
  let best: Trigger | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const it of items) {
    const raw = it.end <= at.start ? at.start - it.end : it.start >= at.end ? it.start - at.end + 0.5 : 0;
    const d = raw / Math.max(1, it.weight);
    if (d < bestD) {
      best = it;
      bestD = d;
    }
  }
  return best;
}

function datesCompatible(a: DateMention | null, e: EventMentions): boolean {
  if (!a) return true;
  const b = bestDate(e);
  if (!b) return true;
  // A ground offensive runs over days; a strike is one moment.
  const slack = e.group === 'ground' ? 3 : 1;
  const widen = (s: string, n: number): string => {
    const d = new Date(`${s}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  return a.interval.from <= widen(b.interval.to, slack) && widen(a.interval.to, slack) >= b.interval.from;
}

const RANK: Record<string, number> = { day: 0, week: 1, month: 2, interval: 3, year: 4 };

/** The most precise event date of an event; reporting dates only when there is nothing else. */
export function bestDate(e: EventMentions): DateMention | null {
  let best: DateMention | null = null;
  const rank = (d: DateMention): number => (RANK[d.interval.precision] ?? 9) * 2 + (d.explicit ? 0 : 1);
  for (const d of e.dates) {
    if (d.reporting) continue;
    if (!best || rank(d) < rank(best)) best = d;
  }
  return best;
}

/**
 * Groups a document's mentions into events. Each attack trigger either continues
 * an event already under way (same place, overlapping date, compatible weapon
 * family) or opens a new one; everything else in a sentence (figures, dates,
 * hedges, actors) goes to the event of the nearest trigger, and sentences without
 * a trigger add to the event being told.
 */
export function groupEvents(sentences: readonly SentenceMentions[]): EventMentions[] {
  const events: EventMentions[] = [];
  let current: EventMentions | null = null;
  for (const s of sentences) {
    const triggers = s.triggers.filter((t) => !t.irrealis);
    // A story moves on: sentences far from any trigger no longer add to its event.
    if (current && triggers.length === 0 && s.index - current.lastSentence > MAX_TRAILING) current = null;
    const owner = new Map<Trigger, EventMentions>();
    const localPlaces = s.places.filter((p) => !p.dateline && p.precision !== 'country');
    const eventPlaces = localPlaces.filter((p) => !p.reference);
    for (const t of triggers) {
      const own = near(eventPlaces, t) ?? nearest(eventPlaces, t);
      const place = own ?? near(localPlaces, t);
      const date = near(
        s.dates.filter((d) => !d.reporting),
        t,
      );
      const g = groupOf(t.family);
      let target: EventMentions | null = null;
      const forceNew = s.newEvent && t === triggers[0];
      if (!forceNew && s.anaphoric.has(t)) {
        // "The raid", "the aircraft": the latest event of that kind, even after an aside.
        if (current && groupsCompatible(current.group, g)) target = current;
        else target = [...events].reverse().find((e) => e.group === g) ?? null;
      }
      if (forceNew) {
        // handled below: a fresh event
      } else if (!target && !own && !date) {
        // Only a landmark nearby ("north of X", "the countryside of X") does not make a new event.
        if (current && groupsCompatible(current.group, g)) target = current;
      }
      if (!target && !forceNew) {
        for (let i = events.length - 1; i >= 0; i--) {
          const e = events[i] as EventMentions;
          if (!groupsCompatible(e.group, g)) continue;
          if (place && e.place && !samePlace(place, e.place)) continue;
          if (!datesCompatible(date, e)) continue;
          // A placeless, dateless event only absorbs a trigger of its own sentence run.
          if (!place && !date && e !== current) continue;
          if (place && !e.place && e !== current) continue;
          target = e;
          break;
        }
      }
      if (!target) {
        target = {
          triggers: [],
          place: null,
          places: [],
          dates: [],
          figures: [],
          actors: [],
          hedges: [],
          targets: [],
          group: g,
          firstSentence: s.index,
          lastSentence: s.index,
          unknownActor: false,
        };
        events.push(target);
      }
      if (target.group === 'any') target.group = g;
      if (!target.place && place) target.place = place;
      // Placed by its sentence when no place is close enough to decide identity.
      if (!target.place && target.triggers.length === 0)
        target.place = nearest(eventPlaces, t) ?? nearest(localPlaces, t);
      target.triggers.push(t);
      target.lastSentence = s.index;
      owner.set(t, target);
      current = target;
    }
    const ownerOf = (x: { start: number; end: number }): EventMentions | null => {
      if (triggers.length === 0) return current;
      const t = nearestWeighted(triggers, x);
      return t ? (owner.get(t) ?? current) : current;
    };
    for (const fig of s.figures) {
      if (s.shared.has(fig)) continue;
      // "48 in Tartus": the place right after a figure names its event.
      const after = eventPlaces.find((p) => p.start >= fig.end && p.start - fig.end < 30);
      let byPlace = after ? events.find((e) => e.place && samePlace(e.place, after)) : undefined;
      const owner = ownerOf(fig);
      if (after && !byPlace && owner?.place && owner.figures.length > 0) {
        // "100 were killed in Jableh ... and 48 in Tartus": the same attack, another place.
        byPlace = {
          ...owner,
          triggers: [...owner.triggers],
          place: after,
          places: [after],
          dates: [...owner.dates],
          figures: [],
          actors: [...owner.actors],
          hedges: [],
          targets: [...owner.targets],
        };
        events.push(byPlace);
      }
      const to = byPlace ?? owner;
      if (to) {
        to.figures.push(fig);
        // A toll keeps the story of its event going for the sentences after it.
        to.lastSentence = Math.max(to.lastSentence, s.index);
      }
    }
    // A date in a sentence that names no attack and no toll dates something else.
    if (triggers.length > 0 || s.figures.length > 0) for (const d of s.dates) ownerOf(d)?.dates.push(d);
    for (const h of s.hedges) ownerOf(h)?.hedges.push(h);
    for (const a of s.actors) {
      // "Air strikes by the coalition fighting ISIS": the means named right before the actor.
      const means = triggers.find((t) => t.end <= a.start && a.start - t.end <= 12);
      const o = means && a.agent ? (owner.get(means) ?? ownerOf(a)) : ownerOf(a);
      o?.actors.push({ ...a, sentence: s.index });
    }
    for (const p of localPlaces) ownerOf(p)?.places.push(p);
    // The place an attack hit is named close to its trigger ("an air strike hit the mosque", "the market
    // was shelled"); one named elsewhere ("families fled to a school") is no target.
    for (const x of s.targets) {
      const t = nearest(triggers, x);
      if (!t) continue;
      const reach =
        x.start >= t.end ? x.start - t.end <= TARGET_REACH_AFTER : t.start - x.end <= TARGET_REACH_BEFORE;
      if (reach) owner.get(t)?.targets.push(x);
    }
    if (s.unknownActor) {
      const o = ownerOf(s.sentence);
      if (o) o.unknownActor = true;
    }
  }
  return mergeDuplicates(events);
}

/**
 * Two events on the same day, of the same kind, one of them placed only at
 * province level within reach of the other, are one event told twice.
 */
function mergeDuplicates(events: EventMentions[]): EventMentions[] {
  const out: EventMentions[] = [];
  for (const e of events) {
    const da = bestDate(e);
    const twin = out.find((o) => {
      if (!groupsCompatible(o.group, e.group) || !o.place || !e.place) return false;
      const db = bestDate(o);
      if (!da || !db || da.interval.precision !== 'day' || db.interval.precision !== 'day') return false;
      if (da.interval.from !== db.interval.from) return false;
      const coarse = o.place.precision === 'province' || e.place.precision === 'province';
      return coarse && haversineKm(o.place.lat, o.place.lon, e.place.lat, e.place.lon) < 60;
    });
    if (!twin) {
      out.push(e);
      continue;
    }
    twin.triggers.push(...e.triggers);
    twin.dates.push(...e.dates);
    twin.figures.push(...e.figures);
    twin.actors.push(...e.actors);
    twin.hedges.push(...e.hedges);
    twin.places.push(...e.places);
    twin.unknownActor ||= e.unknownActor;
    if (twin.place && e.place && twin.place.precision === 'province' && e.place.precision !== 'province')
      twin.place = e.place;
  }
  return out;
}
