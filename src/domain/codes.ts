/**
 * Belligerent codes: those shared with the eval corpus (DESIGN.md), then the parties of the other
 * wars monitors cover (Ukraine, Gaza, Yemen, Sudan), which the corpus does not code.
 */
export const BELLIGERENTS = [
  'us-led-coalition',
  'united-states',
  'russia',
  'syrian-government',
  'iraqi-government',
  'israel',
  'turkey',
  'saudi-led-coalition',
  'iran',
  'hezbollah',
  'isis',
  'hts',
  'syrian-opposition',
  'sdf',
  'ukraine',
  'hamas',
  'houthis',
  'sudanese-armed-forces',
  'rapid-support-forces',
  'unknown',
] as const;
export type Belligerent = (typeof BELLIGERENTS)[number];

/** ACLED sub-event types; the first six are those the eval corpus uses. */
export const EVENT_TYPES = [
  'air_drone_strike',
  'shelling_artillery_missile',
  'suicide_bomb',
  'remote_explosive',
  'armed_clash',
  'attack',
  'grenade',
  'chemical_weapon',
  'government_regains_territory',
  'non_state_actor_overtakes_territory',
  'abduction_forced_disappearance',
  'sexual_violence',
  'looting_property_destruction',
  'disrupted_weapons_use',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const GEO_PRECISIONS = ['point', 'town', 'district', 'province', 'country'] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

export const DATE_PRECISIONS = ['day', 'week', 'month', 'year', 'interval'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const SOURCE_KINDS = ['news', 'local', 'ngo', 'military', 'social', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * The longest publisher name, and the longest incident code or dataset id, Vigil stores. Both are
 * indexed, and PostgreSQL refuses an index row past 2,704 bytes (a 5,000-character name failed a
 * whole import there); in any script these stay well under it. Real ones are far shorter: a
 * longer cell is a misplaced one.
 */
export const MAX_SOURCE_NAME_CHARS = 300;
export const MAX_CODE_CHARS = 100;

/** Airwars' grading scale. */
export const GRADINGS = ['confirmed', 'fair', 'weak', 'contested', 'discounted'] as const;
export type Grading = (typeof GRADINGS)[number];

export const GRADING_DEFINITIONS: Record<Grading, string> = {
  confirmed: 'A belligerent accepted responsibility for civilian harm.',
  fair: 'Reported by two or more credible sources, with a belligerent’s likely or confirmed action in the vicinity.',
  weak: 'Single-source claim, though the source may be credible.',
  contested: 'Competing claims of responsibility.',
  discounted: 'Those killed were combatants, or another party was most likely responsible.',
};

export const INCIDENT_STATUSES = [
  'new',
  'in_review',
  'ready_for_review',
  'published',
  'discounted',
  'duplicate',
  'unverifiable',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const CLAIM_STATUSES = ['candidate', 'accepted', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const STRIKE_STATUSES = ['declared', 'likely', 'contested', 'single_source'] as const;
export type StrikeStatus = (typeof STRIKE_STATUSES)[number];

export const LANGUAGES = ['en', 'ar', 'fr', 'de', 'es', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
