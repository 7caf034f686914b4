import type { Belligerent, EventType, GeoPrecision, SourceKind } from '../domain/codes.js';
import type { CountRange } from '../domain/range.js';

/**
 * Shapes of the eval corpus (../shared/eval/README.md). Field names keep the
 * corpus' snake_case so a parsed line is the file's own object, not a copy.
 */

/** A day "YYYY-MM-DD", or an inclusive interval of days. */
export type GoldDate = string | { from: string; to: string };

export interface GoldClaim {
  /** Key shared by every report of the same real incident. */
  incident: string;
  date: GoldDate;
  place: string;
  admin1: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  lat: number;
  lon: number;
  geo_precision: GeoPrecision;
  belligerents: Belligerent[];
  event: EventType;
  civilians_killed: CountRange | null;
  killed: CountRange | null;
  injured: CountRange | null;
  hedged: boolean;
  /** Strikes a military declared, where the report gives a count. */
  strikes?: number;
}

export interface GoldReport {
  id: string;
  published: string;
  language: string;
  source: { name: string; kind: SourceKind };
  title: string;
  text: string;
  gold: { claims: GoldClaim[] };
}

/** One real incident from `<name>-incidents.json`. */
export interface GoldIncident {
  incident: string;
  /** Lowest min to highest max over all reports; null where no report calls the dead civilians. */
  civilians_killed: CountRange | null;
  /** Ids of the reports that assert it. */
  reports: string[];
  date?: GoldDate;
  place?: string;
  admin1?: string | null;
  country?: string | null;
  lat?: number;
  lon?: number;
  belligerents?: Belligerent[];
  event?: EventType;
  note?: string;
}

/**
 * A system's claim, in the gold shape. `incident` is the system's own incident
 * id. Fields an extractor may fail to fill are nullable: a claim without a date
 * or coordinates is still counted (as a false positive) but can never match.
 */
export interface PredictedClaim {
  incident: string;
  date: GoldDate | null;
  place: string | null;
  admin1: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: GeoPrecision | null;
  belligerents: Belligerent[];
  event: EventType | null;
  civilians_killed: CountRange | null;
  killed: CountRange | null;
  injured: CountRange | null;
  hedged: boolean;
  strikes?: number;
}

/** One line of a predictions file. */
export interface PredictionLine {
  id: string;
  claims: PredictedClaim[];
}

/** The count fields that casualty-exact and the per-field accuracies compare. */
export const COUNT_FIELDS = ['civilians_killed', 'killed', 'injured'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
