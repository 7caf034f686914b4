import { latinSkeleton, looseKey, nameKey } from '../../gazetteer/normalize.js';
import type { Admin1Name } from '../../gazetteer/types.js';
import { remembered } from './remembered.js';

/** Turns a dataset's division name into the GeoNames code incidents store, or null. */
export type Admin1Resolver = (country: string | null, name: string | null) => string | null;

// Datasets name divisions with their kind ("Aleppo Governorate", "Idlib province"); GeoNames does not.
const KIND_WORDS =
  /\b(governorate|province|region|state|district|department|county|oblast|wilayah?|muhafazah?|muhafazat|prefecture|emirate)\b/gi;

const MIN_SKELETON = 3;

/**
 * The resolver over `names` (pure). A dataset's name is matched within its country by its key
 * (nameKey), then its transliteration-loose key ("Hamah" = Hama), then its consonant skeleton
 * ("Idleb" = Idlib); a level that finds more than one division decides nothing. A bare code
 * ("09") is taken as it is. Results are remembered: a dataset names a few dozen divisions a
 * million times.
 */
export function createAdmin1Resolver(names: readonly Admin1Name[]): Admin1Resolver {
  const byCountry = new Map<string, { code: string; key: string; loose: string; skeleton: string }[]>();
  const codes = new Set<string>();
  for (const n of names) {
    const bare = n.name.replace(KIND_WORDS, ' ');
    const key = nameKey(bare);
    if (key.length === 0) continue;
    const list = byCountry.get(n.country) ?? [];
    list.push({ code: n.code, key, loose: looseKey(key), skeleton: latinSkeleton(bare) });
    byCountry.set(n.country, list);
    codes.add(`${n.country}.${n.code}`);
  }
  const resolve = (country: string, name: string): string | null => {
    const trimmed = name.trim();
    const full = /^([A-Z]{2})\.([0-9A-Z]{1,3})$/.exec(trimmed);
    if (full && full[1] === country && codes.has(trimmed)) return full[2] ?? null;
    if (codes.has(`${country}.${trimmed}`)) return trimmed;
    const list = byCountry.get(country) ?? [];
    const stripped = trimmed.replace(KIND_WORDS, ' ');
    const key = nameKey(stripped);
    const loose = looseKey(key);
    const skeleton = latinSkeleton(stripped);
    const levels: ((e: (typeof list)[number]) => boolean)[] = [
      (e) => e.key === key,
      (e) => e.loose === loose,
      (e) => skeleton.length >= MIN_SKELETON && e.skeleton === skeleton,
    ];
    for (const level of levels) {
      const found = new Set(list.filter(level).map((e) => e.code));
      if (found.size > 1) return null;
      if (found.size === 1) return [...found][0] ?? null;
    }
    return null;
  };
  const remember = remembered((key) => {
    const cut = key.indexOf('\u0000');
    return resolve(key.slice(0, cut), key.slice(cut + 1));
  }, 100_000);
  return (country, name) => (country && name ? remember(`${country}\u0000${name}`) : null);
}

/** The division's own name for a code, for exports that write names ("Aleppo" for SY.09). */
export function admin1Namer(
  names: readonly Admin1Name[],
): (country: string | null, code: string | null) => string | null {
  const own = new Map<string, string>();
  for (const n of names)
    if (n.own && !own.has(`${n.country}.${n.code}`)) own.set(`${n.country}.${n.code}`, n.name);
  return (country, code) => (country && code ? (own.get(`${country}.${code}`) ?? null) : null);
}
