/**
 * Shapes the HTTP API returns. The service types are imported (types only, erased at build) so
 * a change on the server side breaks the web type-check instead of the page.
 */
import type { IncidentProvenance } from '../../../src/services/incident-provenance.js';
import type { IncidentDetail as IncidentClaims } from '../../../src/services/incidents.js';
import type { StatsRow } from '../../../src/services/stats.js';
import type { IncidentView } from '../../../src/store/rows.js';

export type { IncidentView, StatsRow };
/** GET /api/incidents/{id}: the incident, its claims, and its dataset row and belligerents' roles. */
export type IncidentDetail = IncidentClaims & IncidentProvenance;
export type ClaimWithSource = IncidentDetail['claims'][number];

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface SessionUser {
  id: string;
  name: string;
  role: string;
}

export interface ReportText {
  id: string;
  title: string | null;
  language: string | null;
  text: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  reason: string | null;
}

/** Columnar incident points for the map and timeline: one array per field, index = incident. */
export interface IncidentPoints {
  code: string[];
  lon: (number | null)[];
  lat: (number | null)[];
  from: (string | null)[];
  to: (string | null)[];
  civMin: (number | null)[];
  civMax: (number | null)[];
  grading: (string | null)[];
}
