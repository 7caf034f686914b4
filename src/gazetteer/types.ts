import type { GeoPrecision } from '../domain/codes.js';

export type FeatureKind = 'country' | 'admin1' | 'admin2' | 'populated' | 'other';

export interface GazetteerEntry {
  /** "gn:<geonameid>" for GeoNames rows; other sources use their own prefix. */
  id: string;
  name: string;
  lat: number;
  lon: number;
  kind: FeatureKind;
  /** GeoNames feature code (PPLC, PPLA, ADM1, PCLI...). */
  featureCode: string;
  country: string | null;
  admin1: string | null;
  /** GeoNames admin2 code, where known (joins admin2Codes.txt as country.admin1.admin2). */
  admin2?: string | null;
  population: number;
}

export interface Gazetteer {
  /** Every entry whose name or alternate name matches after normalisation, best first. */
  lookup(name: string): GazetteerEntry[];
  /** The country entry for an ISO alpha-2 code. */
  country(iso2: string): GazetteerEntry | null;
  /** Number of distinct names indexed. */
  readonly size: number;
  /** Entries for a key already passed through `nameKey` (normalize.ts), best first. */
  lookupKey(key: string): GazetteerEntry[];
  /** Names (as keys) that start with a key prefix, in key order, at most `limit`, with their entries. */
  lookupPrefix(prefix: string, limit: number): { key: string; entries: GazetteerEntry[] }[];
  /** Entries whose name matches only loosely (transliteration variants), best first. */
  lookupLoose(name: string): GazetteerEntry[];
  /**
   * Places in Arabic-speaking countries whose Latin name has the consonant skeleton of
   * this Arabic-script name; a loose last resort, to be narrowed by country.
   */
  lookupSkeleton(arabicName: string): GazetteerEntry[];
  /**
   * The same for a Latin transliteration the index lacks ("Atareb" for Al Atārib, "Saraqeb"
   * for Saraqib): transliterations differ mostly in their vowels, which the skeleton drops.
   */
  lookupLatinSkeleton(latinName: string): GazetteerEntry[];
  /** Countries whose demonym this is ("Syrian", "Iraqi"). */
  demonym(name: string): GazetteerEntry[];
  /** The admin1 (or, with admin2, the admin2) entry for GeoNames codes. */
  admin(country: string, admin1: string, admin2?: string | null): GazetteerEntry | null;
}

export function precisionOf(entry: GazetteerEntry): GeoPrecision {
  switch (entry.kind) {
    case 'country':
      return 'country';
    case 'admin1':
      return 'province';
    case 'admin2':
      return 'district';
    case 'other':
      // Continents and regions are at least as coarse as a country; named areas (Eastern Ghouta) as a district.
      if (entry.featureCode === 'CONT' || entry.featureCode === 'RGN') return 'country';
      return entry.featureCode === 'AREA' ? 'district' : 'town';
    default:
      return 'town';
  }
}

/** A place name found in text, resolved (or not) against the gazetteer. */
export interface PlaceMention {
  /** Offsets [start, end) of the name as written. */
  start: number;
  end: number;
  name: string;
  entry: GazetteerEntry | null;
  /** Coordinates to use: the entry's, or an offset point ("15 km west of Raqqa"). */
  lat: number | null;
  lon: number | null;
  precision: GeoPrecision;
  /** Set when the name is a demonym read as its country ("Syrian"). */
  demonym?: boolean;
  /**
   * Set (by `resolve` only) when the gazetteer lacks the name as written and the point is
   * that of a place named inside it or near it in the text ("Royal Street" in a story on New Orleans).
   */
  inferred?: boolean;
  /** Set when the coordinates are offset from the entry ("15 km west of"): the phrase start and offset. */
  offset?: { start: number; km: number; bearing: number };
}

/** A span of text known to name a place (resolution-only mode). */
export interface PlaceSpan {
  start: number;
  end: number;
}

export interface GeoparseOptions {
  /** ISO alpha-2 country the document is about, when known. */
  countryHint?: string | null;
  /** Also return demonyms ("Iraqi", "Syrians") as mentions of their country; off by default. */
  demonyms?: boolean;
  /**
   * resolve(): also read the places the rest of the text names, as context for the spans (on by
   * default). A caller that has parsed the text already and gives spans it found around those
   * places (the extractor) can skip reading it twice.
   */
  textContext?: boolean;
}

/** Finds and resolves the place names in a document. Pure given its gazetteer. */
export interface Geoparser {
  parse(text: string, options?: GeoparseOptions): PlaceMention[];
  /** Resolves given spans (every one is a place name) using the document as context; one mention per span. */
  resolve(text: string, spans: PlaceSpan[], options?: GeoparseOptions): PlaceMention[];
}

/** A name a first-level division goes by: its own, or its seat's ("Damascus" for Dimashq, SY.13). */
export interface Admin1Name {
  country: string;
  /** The division's GeoNames code within its country ("13"), as incidents store it. */
  code: string;
  name: string;
  /** The division's own name, not its seat's: what exports write back for the code. */
  own: boolean;
}
