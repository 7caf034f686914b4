import type { Belligerent, ClaimStatus, EventType, GeoPrecision } from './codes.js';
import type { DateInterval } from './dates.js';
import type { CountRange } from './range.js';

/** Character offsets [start, end) into a report's extracted text. */
export interface Span {
  start: number;
  end: number;
}

export interface Place {
  /** The name as written in the report. */
  name: string;
  /** Gazetteer id (GeoNames id where known). */
  gazetteerId: string | null;
  lat: number;
  lon: number;
  admin1: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  precision: GeoPrecision;
}

/** Fields of a claim that evidence spans can support. */
export type ClaimField =
  | 'event'
  | 'date'
  | 'place'
  | 'belligerents'
  | 'civiliansKilled'
  | 'killed'
  | 'injured'
  | 'children'
  | 'women'
  | 'hedged'
  | 'strikes'
  | 'target';

export interface Evidence {
  field: ClaimField;
  span: Span;
}

/** What one report asserts about one event, as extracted (pure data, no ids). */
export interface ClaimDraft {
  date: DateInterval | null;
  place: Place | null;
  belligerents: Belligerent[];
  event: EventType | null;
  target: string | null;
  civiliansKilled: CountRange | null;
  killed: CountRange | null;
  injured: CountRange | null;
  children: CountRange | null;
  women: CountRange | null;
  hedged: boolean;
  /** Strikes a military declared, kept apart from casualty counts. */
  strikes: number | null;
  evidence: Evidence[];
  /** Extractor's confidence 0..1. */
  confidence: number;
}

export interface Claim extends ClaimDraft {
  id: string;
  reportId: string;
  incidentId: string | null;
  status: ClaimStatus;
}
