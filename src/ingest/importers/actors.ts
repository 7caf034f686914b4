import { BELLIGERENTS, type Belligerent, isOneOf } from '../../domain/codes.js';
import { remembered } from './remembered.js';

/**
 * Actor names as UCDP, ACLED and Airwars-style files write them, mapped to Vigil's belligerent
 * codes. Names not listed here are kept verbatim in the import record and counted in the import
 * summary, so the table can grow from what real files contain. Keys are normalised (see `norm`).
 */
const NAMES: Record<string, Belligerent> = {
  // States. UCDP: "Government of X"; ACLED: "Military Forces of X (2000-)".
  syria: 'syrian-government',
  'syrian regime': 'syrian-government',
  'assad regime': 'syrian-government',
  'syrian government': 'syrian-government',
  'syrian arab army': 'syrian-government',
  ndf: 'syrian-government',
  'national defence forces': 'syrian-government',
  'national defense forces': 'syrian-government',
  russia: 'russia',
  'russian military': 'russia',
  'wagner group': 'russia',
  turkey: 'turkey',
  'turkish military': 'turkey',
  iraq: 'iraqi-government',
  'iraqi government': 'iraqi-government',
  iran: 'iran',
  'islamic revolutionary guard corps': 'iran',
  israel: 'israel',
  'israeli military': 'israel',
  'united states of america': 'united-states',
  'united states': 'united-states',
  us: 'united-states',
  usa: 'united-states',
  // Coalitions.
  coalition: 'us-led-coalition',
  'us-led coalition': 'us-led-coalition',
  'international coalition': 'us-led-coalition',
  'operation inherent resolve': 'us-led-coalition',
  'global coalition against daesh': 'us-led-coalition',
  'saudi-led coalition': 'saudi-led-coalition',
  'operation restoring hope': 'saudi-led-coalition',
  // Non-state.
  is: 'isis',
  isis: 'isis',
  isil: 'isis',
  'islamic state': 'isis',
  daesh: 'isis',
  hts: 'hts',
  'hayat tahrir al-sham': 'hts',
  'hayat tahrir al sham': 'hts',
  'jabhat fateh al-sham': 'hts',
  'jabhat al-nusra': 'hts',
  'al-nusra front': 'hts',
  hezbollah: 'hezbollah',
  sdf: 'sdf',
  'qsd: syrian democratic forces': 'sdf',
  'syrian democratic forces': 'sdf',
  ypg: 'sdf',
  'ypg: peoples protection units': 'sdf',
  'syrian insurgents': 'syrian-opposition',
  'syrian opposition': 'syrian-opposition',
  'opposition rebels': 'syrian-opposition',
  fsa: 'syrian-opposition',
  'free syrian army': 'syrian-opposition',
  sna: 'syrian-opposition',
  'syrian national army': 'syrian-opposition',
  'national front for liberation': 'syrian-opposition',
  'nlf: national liberation front': 'syrian-opposition',
  'ahrar al-sham': 'syrian-opposition',
  'sham legion': 'syrian-opposition',
  'southern front': 'syrian-opposition',
  'jaysh al-islam': 'syrian-opposition',
  'jaysh al-nukhba': 'syrian-opposition',
  'jaysh al nasr': 'syrian-opposition',
  '23rd division': 'syrian-opposition',
  '13th division': 'syrian-opposition',
  'syrian liberation front': 'syrian-opposition',
  'nour al-din al-zenki': 'syrian-opposition',
  'rahman corps': 'syrian-opposition',
  'fatah halab': 'syrian-opposition',
  'hawar kilis operations room': 'syrian-opposition',
  "mare' operations room": 'syrian-opposition',
  'suqour al-sham brigades': 'syrian-opposition',
  'jaysh asoud al-sharqiya': 'syrian-opposition',
  'martyr lieutenant ahmed abdou brigades': 'syrian-opposition',
  'liwa al-sultan murad': 'syrian-opposition',
  'hamza division': 'syrian-opposition',
  'ahrar al-sharqiya': 'syrian-opposition',
  'levant front': 'syrian-opposition',
  'al-jabha al-shamiyyah': 'syrian-opposition',
  'islamic front': 'syrian-opposition',
  'mujahideen army': 'syrian-opposition',
  srf: 'syrian-opposition',
  'syrian national coalition': 'syrian-opposition',
  ukraine: 'ukraine',
  'armed forces of ukraine': 'ukraine',
  hamas: 'hamas',
  'al-qassam brigades': 'hamas',
  ansarallah: 'houthis',
  'ansar allah': 'houthis',
  houthis: 'houthis',
  'houthi movement': 'houthis',
  sudan: 'sudanese-armed-forces',
  'sudanese armed forces': 'sudanese-armed-forces',
  saf: 'sudanese-armed-forces',
  rsf: 'rapid-support-forces',
  'rapid support forces': 'rapid-support-forces',
  // An unidentified perpetrator is a fact worth keeping, not a gap.
  'unidentified armed group': 'unknown',
  unknown: 'unknown',
};

/**
 * The victims' side of one-sided violence (UCDP "Civilians", ACLED "Civilians (Syria)",
 * "Women (Syria)"…): not a belligerent, and not an unmapped name either.
 */
const VICTIMS =
  /^(civilians|protesters|rioters|women|children|refugees\/idps|health workers|journalists|students|farmers|prisoners|labou?r group|teachers|aid workers)$/;

export type ActorMapping = { kind: 'code'; code: Belligerent } | { kind: 'victims' } | { kind: 'unmapped' };

function norm(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[’‘]/g, "'")
    .replace(/\s*\((?:[^()]*)\)/g, '') // "(Syria)", "(2000-)"
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** One actor name to a belligerent code (remembered: a dataset names a few hundred actors a million times). */
export const mapActor = remembered(actorMapping);

function actorMapping(name: string): ActorMapping {
  if (isOneOf(BELLIGERENTS, name.trim())) return { kind: 'code', code: name.trim() as Belligerent };
  let n = norm(name);
  if (VICTIMS.test(n)) return { kind: 'victims' };
  // "Government of Syria", "Military Forces of Syria", "Police Forces of Syria … Air Force".
  n = n.replace(/^(?:government|military forces|police forces) of (?:the )?/, '').replace(/ air force$/, '');
  const code = NAMES[n];
  return code ? { kind: 'code', code } : { kind: 'unmapped' };
}

/** Several actors, deduplicated; unmapped names are returned verbatim. */
export function mapActors(names: readonly string[]): { codes: Belligerent[]; unmapped: string[] } {
  const codes = new Set<Belligerent>();
  const unmapped: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const m = mapActor(name);
    if (m.kind === 'code') codes.add(m.code);
    else if (m.kind === 'unmapped') unmapped.push(name);
  }
  return { codes: [...codes].sort(), unmapped };
}

/** The name an export writes for a code (UCDP/ACLED-style wording). */
export const BELLIGERENT_NAMES: Record<Belligerent, string> = {
  'us-led-coalition': 'US-led coalition',
  'united-states': 'Government of United States of America',
  russia: 'Government of Russia (Soviet Union)',
  'syrian-government': 'Government of Syria',
  'iraqi-government': 'Government of Iraq',
  israel: 'Government of Israel',
  turkey: 'Government of Turkey',
  'saudi-led-coalition': 'Saudi-led coalition',
  iran: 'Government of Iran',
  hezbollah: 'Hezbollah',
  isis: 'IS',
  hts: 'HTS',
  'syrian-opposition': 'Syrian insurgents',
  sdf: 'SDF',
  ukraine: 'Government of Ukraine',
  hamas: 'Hamas',
  houthis: 'Ansarallah',
  'sudanese-armed-forces': 'Government of Sudan',
  'rapid-support-forces': 'RSF',
  unknown: 'Unidentified armed group',
};
