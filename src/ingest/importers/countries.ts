import { createRequire } from 'node:module';
import { remembered } from './remembered.js';

interface WorldCountry {
  cca2: string;
  ccn3: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
}

// world-countries ships JSON only; require keeps it out of the ESM loader's JSON-import rules.
const countries = createRequire(import.meta.url)('world-countries/countries.json') as WorldCountry[];

/** Names datasets use that world-countries does not list (UCDP keeps former names in brackets). */
const EXTRA_NAMES: Record<string, string> = {
  'bosnia-herzegovina': 'BA',
  'dr congo': 'CD',
  'democratic republic of congo': 'CD',
  'republic of congo': 'CG',
  'ivory coast': 'CI',
  "cote d'ivoire": 'CI',
  'united states of america': 'US',
  palestine: 'PS',
  'kingdom of eswatini': 'SZ',
  'east timor': 'TL',
  'north macedonia': 'MK',
  macedonia: 'MK',
  czechia: 'CZ',
  'russia (soviet union)': 'RU',
  'yemen (north yemen)': 'YE',
  'serbia (yugoslavia)': 'RS',
};

const byName = new Map<string, string>();
const byNumeric = new Map<string, string>();
const nameOf = new Map<string, string>();
for (const c of countries) {
  nameOf.set(c.cca2, c.name.common);
  byNumeric.set(String(Number(c.ccn3)), c.cca2);
  for (const n of [c.name.common, c.name.official, c.cca3, ...c.altSpellings]) byName.set(norm(n), c.cca2);
}
for (const [n, code] of Object.entries(EXTRA_NAMES)) byName.set(norm(n), code);

function norm(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** ISO 3166-1 alpha-2 for a country name ("Syria", "Russia (Soviet Union)", "SYR"); null if unknown. */
export const countryCode = remembered((name: string): string | null => {
  const n = norm(name);
  return byName.get(n) ?? byName.get(n.replace(/\s*\(.*\)\s*$/, '')) ?? null;
});

/** ISO 3166-1 numeric (ACLED's `iso`, "760") to alpha-2. */
export function countryCodeFromNumeric(iso: string): string | null {
  return /^\d+$/.test(iso.trim()) ? (byNumeric.get(String(Number(iso))) ?? null) : null;
}

export function countryName(code: string): string | null {
  return nameOf.get(code.toUpperCase()) ?? null;
}

export function countryNumeric(code: string): string | null {
  const c = countries.find((x) => x.cca2 === code.toUpperCase());
  return c ? String(Number(c.ccn3)) : null;
}
