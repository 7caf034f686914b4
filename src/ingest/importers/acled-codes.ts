import type { EventType } from '../../domain/codes.js';

/** ACLED's event types and their sub-event types, as ACLED's codebook writes them. */
export const ACLED_EVENTS: Record<string, readonly string[]> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
};

/** Vigil's event codes for ACLED sub-event types; the others have no Vigil code (kept raw). */
export const ACLED_SUB_EVENT_CODES: Record<string, EventType> = {
  'Air/drone strike': 'air_drone_strike',
  'Shelling/artillery/missile attack': 'shelling_artillery_missile',
  'Suicide bomb': 'suicide_bomb',
  'Remote explosive/landmine/IED': 'remote_explosive',
  'Armed clash': 'armed_clash',
  Attack: 'attack',
  Grenade: 'grenade',
  'Chemical weapon': 'chemical_weapon',
  'Government regains territory': 'government_regains_territory',
  'Non-state actor overtakes territory': 'non_state_actor_overtakes_territory',
  'Abduction/forced disappearance': 'abduction_forced_disappearance',
  'Sexual violence': 'sexual_violence',
  'Looting/property destruction': 'looting_property_destruction',
  'Disrupted weapons use': 'disrupted_weapons_use',
};

const byLower = new Map(Object.entries(ACLED_SUB_EVENT_CODES).map(([k, v]) => [k.toLowerCase(), v]));

export function eventFromAcled(subEvent: string): EventType | null {
  return byLower.get(subEvent.trim().toLowerCase()) ?? null;
}

/** ACLED's wording for a Vigil event code, with its event type. */
export function acledFromEvent(event: string): { eventType: string; subEventType: string } | null {
  const label = Object.entries(ACLED_SUB_EVENT_CODES).find(([, code]) => code === event)?.[0];
  if (!label) return null;
  const eventType = Object.entries(ACLED_EVENTS).find(([, subs]) => subs.includes(label))?.[0];
  return eventType ? { eventType, subEventType: label } : null;
}
