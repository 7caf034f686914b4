import type { GoldClaim, GoldReport, PredictedClaim } from './gold.js';

/**
 * Hand-made fixtures for the eval tests (test-only; the corpus in ../shared is
 * never copied here). Places are round-number points near Raqqa: 0.1° of
 * latitude is about 11.1 km, so distances are easy to reason about.
 */
export const BASE = { lat: 35.9, lon: 39.0 };

export function gold(over: Partial<GoldClaim> = {}): GoldClaim {
  return {
    incident: 'G1',
    date: '2018-05-10',
    place: 'Testville',
    admin1: 'Raqqa',
    country: 'SY',
    lat: BASE.lat,
    lon: BASE.lon,
    geo_precision: 'town',
    belligerents: ['us-led-coalition'],
    event: 'air_drone_strike',
    civilians_killed: null,
    killed: null,
    injured: null,
    hedged: false,
    ...over,
  };
}

/** A prediction that agrees with `gold()` in every field unless overridden. */
export function pred(over: Partial<PredictedClaim> = {}): PredictedClaim {
  return { ...gold(), incident: 'P1', ...over };
}

export function report(id: string, claims: GoldClaim[], language = 'en'): GoldReport {
  return {
    id,
    published: '2018-05-12',
    language,
    source: { name: 'Fixture Wire', kind: 'news' },
    title: `Report ${id}`,
    text: 'Fixture text.',
    gold: { claims },
  };
}

/** Latitude `km` kilometres north of BASE (1° ≈ 111.2 km). */
export function northKm(km: number): number {
  return BASE.lat + km / 111.195;
}
