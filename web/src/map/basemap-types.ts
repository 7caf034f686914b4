/** What web/scripts/build-basemap.ts writes and the map reads: one shape, shared by both. */
export interface CountryEntry {
  code: string;
  en: string;
  ar: string;
  lat: number;
  lon: number;
}

export interface Admin1Entry {
  /** ISO 3166-1 alpha-2 country code. */
  cc: string;
  /** GeoNames admin1 code (what incidents carry), e.g. "09" for Aleppo in SY; null where Natural Earth has none. */
  a1: string | null;
  en: string;
  ar: string;
  lat: number;
  lon: number;
}

/** The deepest land and border tiles built; the map scales them up beyond (the shapes hold no finer detail). */
export const BASEMAP_MAX_ZOOM = 6;
