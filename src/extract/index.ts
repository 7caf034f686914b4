import type { ClaimDraft } from '../domain/claim.js';
import type { Language } from '../domain/codes.js';
import { parseIsoDay } from '../domain/dates.js';
import type { PlaceMention } from '../gazetteer/types.js';
import { type ActorMention, findActors } from './actors.js';
import { readAggregates } from './aggregates.js';
import { buildClaims } from './build.js';
import { type Figure, findFigures } from './casualties.js';
import { findDates } from './dates.js';
import { findTriggers } from './events.js';
import { type EventMentions, groupEvents, type SentenceMentions } from './group.js';
import { findHedges } from './hedging.js';
import { detectLanguage } from './lang.js';
import { memo, wordRe, wordSource } from './lexicon/compile.js';
import { LEXICONS } from './lexicon/index.js';
import type { Lexicon } from './lexicon/types.js';
import { findQuantities } from './numbers.js';
import { choosePlaces, cuedSpans, mainPlace, type PlaceRef, resolvePlaces, samePlace } from './places.js';
import { segment } from './segment.js';
import { findTargets } from './targets.js';
import { fold } from './text.js';
import type { ExtractionContext, ExtractionInput, Extractor } from './types.js';

/**
 * Longer inputs are books or dumps, not reports; reading only their start keeps
 * extraction bounded in time on any input.
 */
export const MAX_CHARS = 200_000;

/** The country a report is mostly about, and every country it names, in any language we know. */
function countryHint(norm: string, lex: Lexicon): { best: string | null; named: Set<string> } {
  const all = memo(lex, 'countries', () => {
    const pairs = [...lex.countries, ...LEXICONS.en.countries];
    return pairs.map(([w, c]) => ({ re: new RegExp(wordSource(lex, [w]), 'gu'), c }));
  });
  const n = new Map<string, number>();
  for (const { re, c } of all) {
    re.lastIndex = 0;
    const k = norm.match(re)?.length ?? 0;
    if (k > 0) n.set(c, (n.get(c) ?? 0) + k);
  }
  let best: string | null = null;
  let bestN = 0;
  for (const [c, k] of n) {
    if (k > bestN) {
      best = c;
      bestN = k;
    }
  }
  return { best, named: new Set(n.keys()) };
}

function inSentence<T extends { start: number; end: number }>(
  items: readonly T[],
  s: { start: number; end: number },
): T[] {
  return items.filter((x) => x.start >= s.start && x.start < s.end);
}

/** Figures said of several places at once ("148 people in Jableh and Tartus"). */
function sharedFigures(
  norm: string,
  figures: readonly Figure[],
  places: readonly PlaceRef[],
  lex: Lexicon,
): Set<Figure> {
  const and = memo(lex, 'and', () => wordRe(lex, ['and', 'et', 'und', 'y', 'e', 'و', 'as well as'], 'u'));
  const shared = new Set<Figure>();
  const ev = places.filter((p) => !p.reference && !p.dateline && p.precision !== 'country');
  let joined = false;
  for (let i = 0; i + 1 < ev.length; i++) {
    const a = ev[i] as PlaceRef;
    const b = ev[i + 1] as PlaceRef;
    if (samePlace(a, b)) continue;
    const gap = norm.slice(a.end, b.start);
    if (gap.length <= 60 && and.test(gap) && !/[.;]/u.test(gap)) joined = true;
  }
  if (!joined) return shared;
  for (const f of figures) {
    const after = ev.find((p) => p.start >= f.end && p.start - f.end < 30);
    if (!after) shared.add(f);
  }
  return shared;
}

/** The intermediate analysis, for tests and for tracing why a claim came out. */
export interface Analysis {
  norm: string;
  events: EventMentions[];
  claims: ClaimDraft[];
}

export function analyse(input: ExtractionInput, context: ExtractionContext): Analysis {
  if (!input || typeof input.text !== 'string' || input.text.trim().length === 0)
    return { norm: '', events: [], claims: [] };
  const text = input.text.length > MAX_CHARS ? input.text.slice(0, MAX_CHARS) : input.text;
  const published =
    typeof input.published === 'string' && parseIsoDay(input.published) ? input.published : null;
  const f = fold(text);
  // Attack words are Latin or Arabic words of three letters or more: text with none
  // (noise, other scripts) cannot name one, and language detection is not cheap.
  if (!/[a-z\u0621-\u064a]{3}/u.test(f.norm)) return { norm: f.norm, events: [], claims: [] };
  const lang: Language = detectLanguage(text, typeof input.language === 'string' ? input.language : null);
  const lex = LEXICONS[lang];
  // Every claim grows from an attack named in the text; without one there is nothing
  // to place, so the costly steps (geoparsing above all) are skipped.
  const triggers = findTriggers(f.norm, lex);
  if (!triggers.some((t) => !t.irrealis)) return { norm: f.norm, events: [], claims: [] };
  const layout = segment(f, typeof input.title === 'string' ? input.title : null);
  // The title names the country as often as the body does ("Syria: strikes on ...").
  const titleNorm = typeof input.title === 'string' ? fold(input.title.slice(0, 500)).norm : '';
  const { best, named } = countryHint(`${titleNorm}\n${f.norm}`, lex);
  // A report that names no country is read in the one its sender gave (checked where it came in): a
  // Syrian feed's "an air strike on Ariha" is Arīḩā, not Jericho; with none, such a name stays unplaced.
  const country = best ?? (typeof input.country === 'string' ? input.country : null);

  let mentions: PlaceMention[] = [];
  try {
    const parsed = context.geoparser.parse(text, { countryHint: country });
    const found = Array.isArray(parsed) ? parsed : [];
    const cued = cuedSpans(f, lex, found);
    const resolved =
      cued.length > 0
        ? context.geoparser.resolve(text, cued, { countryHint: country, textContext: false })
        : [];
    const extra = (Array.isArray(resolved) ? resolved : []).filter(
      (m) => m && m.lat !== null && m.lon !== null,
    );
    mentions = choosePlaces(
      [...found, ...extra].sort((a, b) => a.start - b.start),
      {
        text,
        norm: f.norm,
        lex,
        country,
        named,
        reparse: (w) => context.geoparser.parse(w, { countryHint: country }),
      },
    );
  } catch {
    // A failing geoparser leaves claims unplaced (and so dropped), never a crash.
    mentions = [];
  }
  const places = resolvePlaces(f, lex, mentions, layout.dateline);
  const countryOf = country ?? places.find((p) => p.mention.entry?.country)?.mention.entry?.country ?? null;

  const quantities = findQuantities(f.norm, lex);
  const { figures, fighterSentences } = findFigures(f.norm, lex, quantities, layout.sentences);
  const dates = findDates(f.norm, lex, published);
  const hedges = findHedges(f.norm, lex);
  const targets = findTargets(f.norm, lex);
  const actors: ActorMention[] = findActors(f, lex, countryOf);
  const unknownRe = memo(lex, 'unknownActor', () => wordRe(lex, lex.unknownActor, 'u'));
  const newEventRe = memo(
    lex,
    'newEvent',
    () => new RegExp(`^[\\s"'(-]*(?:${wordSource(lex, lex.newEvent)})`, 'u'),
  );
  const detRe = memo(
    lex,
    'determiners',
    () => new RegExp(`(?:${wordSource(lex, lex.determiners)})\\s+$`, 'u'),
  );

  const sentences: SentenceMentions[] = [];
  layout.sentences.forEach((s, index) => {
    if (layout.headlineEnd > 0 && s.end <= layout.headlineEnd) return;
    const sNorm = f.norm.slice(s.start, s.end);
    const aggregates = readAggregates(sNorm, lex);
    if (aggregates.whole) return;
    // What a relative clause about a period holds is background, not the sentence's event.
    const inEvent = <T extends { start: number }>(xs: T[]): T[] =>
      aggregates.clauses.length === 0
        ? xs
        : xs.filter(
            (x) => !aggregates.clauses.some(([a, b]) => x.start >= s.start + a && x.start < s.start + b),
          );
    const sPlaces = inEvent(inSentence(places, s));
    const sFigures = inEvent(inSentence(figures, s));
    const sTriggers = inEvent(inSentence(triggers, s));
    sentences.push({
      sentence: s,
      index,
      triggers: sTriggers,
      figures: sFigures,
      dates: inEvent(inSentence(dates, s)),
      hedges: inSentence(hedges, s),
      actors: inEvent(inSentence(actors, s)),
      places: sPlaces,
      targets: inEvent(inSentence(targets, s)),
      unknownActor: unknownRe.test(sNorm),
      newEvent: newEventRe.test(sNorm),
      anaphoric: new Set(
        sTriggers.filter((t) => detRe.test(f.norm.slice(Math.max(s.start, t.start - 30), t.start))),
      ),
      shared: sharedFigures(f.norm, sFigures, sPlaces, lex),
    });
  });
  const events = groupEvents(sentences);
  // A story filed from the town it tells of may name it only in the dateline ("BAGHDAD —");
  // a dateline abroad ("BEIRUT —" on Syria) is only where the reporter sat.
  const fallbackPlace =
    mainPlace(places) ??
    places.find((p) => p.dateline && p.precision !== 'country' && p.mention.entry?.country === countryOf) ??
    null;
  return {
    norm: f.norm,
    events,
    claims: buildClaims(events, { f, published, fallbackPlace, fighterSentences }),
  };
}

/** Text -> one claim per event the report asserts. Never throws. */
export const extractClaims: Extractor = (input, context) => {
  try {
    return analyse(input, context).claims;
  } catch {
    // Extraction is best effort on hostile input; a bug must not stop a batch.
    return [];
  }
};

export { detectLanguage };
