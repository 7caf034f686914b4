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
  population: number;
}

export interface Gazetteer {
  /** Every entry whose name or alternate name matches after normalisation, best first. */
  lookup(name: string): GazetteerEntry[];
  /** The country entry for an ISO alpha-2 code. */
  country(iso2: string): GazetteerEntry | null;
  /** Number of distinct names indexed. */
  readonly size: number;
}

export function precisionOf(entry: GazetteerEntry): GeoPrecision {
  switch (entry.kind) {
    case 'country':
      return 'country';
    case 'admin1':
      return 'province';
    case 'admin2':
      return 'district';
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
}

/** Finds and resolves the place names in a document. Pure given its gazetteer. */
export interface Geoparser {
  parse(text: string, options?: { countryHint?: string | null }): PlaceMention[];
}
