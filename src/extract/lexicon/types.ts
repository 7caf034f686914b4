import type { Belligerent, Language } from '../../domain/codes.js';
import type { CountRange } from '../../domain/range.js';

/**
 * Everything language-specific the extractor knows. Patterns are regex sources over
 * folded text (see text.ts: lower case, no Latin accents, one Arabic spelling).
 * Lists of words get whole-word boundaries added by the consumer.
 */

/** Weapon families; events.ts turns their weights into an ACLED sub-event type. */
/** `hit`: a strike of unnamed means ("struck", "frappe"); `generic`: any attack. */
export type CueFamily = 'air' | 'shell' | 'suicide' | 'remote' | 'clash' | 'chem' | 'hit' | 'generic';

export interface TriggerCue {
  re: string;
  family: CueFamily;
  weight: number;
}

/** `@coalition` and `@government` depend on the country the report is about. */
export type ActorCode = Belligerent | '@coalition' | '@government' | '@rebels';

export interface ActorAlias {
  re: string;
  code: ActorCode;
}

export interface Lexicon {
  lang: Language;

  // numbers.ts
  units: Record<string, number>;
  scales: Record<string, number>;
  /** Words joining parts of one number ("vingt et un", "one hundred and five"). */
  numberJoin: string[];
  /** Vague quantities with their conventional ranges ("dozens" -> 24..). */
  vague: Array<{ re: string; range: CountRange }>;
  /** Before a number, making it open-ended ("at least 42"). */
  atLeast: string[];
  /** After a number, making it open-ended ("82 or more"). */
  orMore: string[];
  /** Before a number, still exact by convention ("about 42"). */
  about: string[];
  /** Before a number, a ceiling ("up to 200"). */
  upTo: string[];
  /** "between X and Y" style: [before X, between X and Y]. */
  between: Array<[string, string]>;

  // casualties.ts
  /** Nouns counting people right after a number ("people", "civilians"). */
  persons: string[];
  civilians: string[];
  children: string[];
  women: string[];
  /** Counted people who are fighters: never coded. */
  combatants: string[];
  /** After the counted phrase: the dead ("were killed", "dead", "morts"). */
  killedAfter: string[];
  /** Right before a number: the dead ("killing", "death toll of"). */
  killedBefore: string[];
  injuredAfter: string[];
  injuredBefore: string[];
  /** Killed-or-injured lumps, missing people: not a usable figure. */
  ambiguous: string[];
  /** Right after a number: a part of a toll given elsewhere ("95 of the dead"). */
  partOf: string[];
  /** A figure that replaces earlier ones ("rose to"). */
  revision: string[];
  /** Introduces a part of a figure ("including", "among them"). */
  breakdown: string[];
  /** "Most of them civilians" does not make the whole count civilian. */
  mostlyCivilians: string[];
  /** Counts still growing ("so far"): open-ended. */
  soFar: string[];

  // events.ts
  triggers: TriggerCue[];
  /** Words making an attack unreal: threats, plans, denials of the act itself. */
  irrealis: string[];
  /** Right after a trigger: "strikes would go on", "struck a deal". */
  irrealisAfter: string[];
  /** Strike counts declared by militaries ("143 airstrikes"). */
  strikeNouns: string[];

  // hedging.ts
  hedges: string[];

  // targets.ts
  /** Kinds of place an attack hits, by their English name: the forms each is written in. */
  targets: Record<string, string[]>;

  // aggregates.ts
  aggregates: string[];
  /** "deadliest ... since 2011" compares; it does not aggregate. */
  superlatives: string[];
  /**
   * Words that open a relative clause after a comma (", which", ", who"): a period named inside one
   * ("the town, which the SDF has held since 2016,") says nothing of the sentence's own event.
   */
  relativeOpeners: string[];

  // dates.ts
  /** Sunday first, each with variants. */
  weekdays: string[][];
  /** January first, each with variants. */
  months: string[][];
  today: string[];
  yesterday: string[];
  dayBefore: string[];
  /** "last" before a weekday, and after it for languages that put it there. */
  lastBefore: string[];
  lastAfter: string[];
  since: string[];
  pastWeek: string[];
  recent: string[];
  lastWeek: string[];
  thisMonth: string[];
  firstWeekOf: string[];
  /** Patterns whose date is when something was said, not when it happened. */
  reporting: string[];
  /** Nouns whose date is theirs, not an attack's ("talks on Monday", "ceasefire brokered in December"). */
  reportingNouns: string[];
  /** Future or scheduled: dates after these are not event dates. */
  future: string[];

  // actors.ts
  actors: ActorAlias[];
  /** Aliases matched case-sensitively on the original text ("US" but not "us"). */
  actorsCased: ActorAlias[];
  /** After an actor name it names the attacker's means ("aircraft", "forces"). */
  actorMeans: string[];
  /** Before an actor: "aircraft of", "raids by". */
  byActor: string[];
  /** Attack verbs whose subject is the attacker. */
  attackVerbs: string[];
  /** Blame: "blamed X", "accused X". */
  blame: string[];
  /** After an actor: the actor is a target or a bystander ("-held", "fighters"). */
  notAgentAfter: string[];
  /** Before an actor: the actor is the target ("against", "targeting"). */
  notAgentBefore: string[];
  /** Nobody knows who did it. */
  unknownActor: string[];
  /** Opens the account of another event ("Separately,"). */
  newEvent: string[];
  /** Before a trigger, they refer back to the event being told ("the strike"). */
  determiners: string[];
  /** Habitual statements ("operate regularly") carry no attacker. */
  habitual: string[];

  // places
  /** Before a place: it is a reference point, not where it happened ("north of"). */
  placeReference: string[];
  /** After a place name: the name is a province ("X province"). */
  provinceAfter: string[];
  provinceBefore: string[];
  /** Country names -> ISO alpha-2, to hint the geoparser. */
  countries: Array<[string, string]>;
  /** Common words a gazetteer also lists as places ("بأنه", "new"): never a place in a report. */
  notPlaces: string[];
  /** Nouns naming a kind of settlement ("village", "بلدة"): the name after them is a place. */
  placeNouns: string[];
}
