/**
 * JSON Schemas of the API (OpenAPI 3.1 = JSON Schema 2020-12). Routes use them to validate
 * requests and to serialise responses: a property not listed here is never sent, so a field
 * added to a row cannot leak by accident.
 */
import { GRADE_NAMES } from '../domain/map-clusters.js';

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const num = { type: 'number' } as const;
const nnum = { type: ['number', 'null'] } as const;
const int = { type: 'integer' } as const;

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: str, message: str, details: {} },
    },
  },
} as const;

const range = {
  type: ['object', 'null'],
  required: ['min', 'max'],
  properties: { min: int, max: { type: ['integer', 'null'] } },
} as const;

export const incidentSchema = {
  $id: 'Incident',
  type: 'object',
  properties: {
    id: str,
    code: str,
    status: str,
    grading: nstr,
    strikeStatus: nstr,
    date: {
      type: ['object', 'null'],
      properties: { from: str, to: str, precision: str },
    },
    placeName: nstr,
    lat: nnum,
    lon: nnum,
    admin1: nstr,
    country: nstr,
    geoPrecision: nstr,
    event: nstr,
    target: nstr,
    belligerents: { type: 'array', items: str },
    civiliansKilled: range,
    killed: range,
    injured: range,
    civOverrideReason: nstr,
    rangeRule: str,
    attribution: nstr,
    version: int,
    createdAt: str,
    updatedAt: str,
  },
} as const;

const sourceRef = {
  type: ['object', 'null'],
  properties: { name: str, kind: str, sensitive: { type: 'boolean' } },
} as const;

const reportRef = {
  type: 'object',
  properties: {
    id: str,
    title: nstr,
    published: nstr,
    url: nstr,
    origin: str,
    language: nstr,
    source: sourceRef,
  },
} as const;

export const claimSchema = {
  $id: 'Claim',
  type: 'object',
  properties: {
    id: str,
    reportId: str,
    incidentId: nstr,
    ordinal: int,
    status: str,
    date: { type: ['object', 'null'], properties: { from: str, to: str, precision: str } },
    placeName: nstr,
    placeId: nstr,
    lat: nnum,
    lon: nnum,
    admin1: nstr,
    country: nstr,
    geoPrecision: nstr,
    event: nstr,
    target: nstr,
    belligerents: { type: 'array', items: str },
    civiliansKilled: range,
    killed: range,
    injured: range,
    children: range,
    women: range,
    hedged: { type: 'boolean' },
    strikes: { type: ['integer', 'null'] },
    confidence: num,
    evidence: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          field: str,
          span: { type: 'object', properties: { start: int, end: int } },
        },
      },
    },
    report: reportRef,
    quotes: {
      type: 'array',
      items: { type: 'object', properties: { field: str, start: int, end: int, text: str } },
    },
  },
} as const;

export const reportSummarySchema = {
  $id: 'ReportSummary',
  type: 'object',
  properties: {
    id: str,
    sha256: str,
    title: nstr,
    published: nstr,
    url: nstr,
    origin: str,
    language: nstr,
    mediaType: str,
    retrievedAt: str,
    source: sourceRef,
    claims: int,
  },
} as const;

export const jobSchema = {
  $id: 'Job',
  type: 'object',
  properties: {
    id: str,
    kind: str,
    state: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    attempts: int,
    result: {},
    error: nstr,
    createdAt: str,
    updatedAt: str,
  },
} as const;

export const userSchema = {
  $id: 'User',
  type: 'object',
  properties: {
    id: str,
    name: str,
    role: { type: 'string', enum: ['viewer', 'analyst', 'admin'] },
    createdAt: str,
    disabled: { type: 'boolean' },
  },
} as const;

export const statsRowSchema = {
  $id: 'StatsRow',
  type: 'object',
  properties: {
    key: str,
    incidents: int,
    killed: { $ref: 'RangeTotal#' },
    civilians_killed: { $ref: 'RangeTotal#' },
    injured: { $ref: 'RangeTotal#' },
  },
} as const;

export const rangeTotalSchema = {
  $id: 'RangeTotal',
  type: 'object',
  properties: {
    min: int,
    max: { type: ['integer', 'null'], description: 'null when some incident gives no upper bound ("12+")' },
    unreported: {
      type: 'integer',
      description: 'incidents that give no figure at all (in statistics): they add nothing to either bound',
    },
  },
} as const;

/** GET /api/map/clusters: one map level's clusters and lone incidents, and the totals by grading. */
export const mapClustersSchema = {
  type: 'object',
  properties: {
    level: { ...int, description: 'clustering level: the zoom asked for, rounded, at most 11' },
    expansionZoom: { ...int, description: 'the zoom that splits any of these clusters' },
    incidents: { ...int, description: 'incidents the filter matches' },
    located: {
      ...int,
      description: 'of which have a position: the cluster counts and lone points add up to it',
    },
    totals: {
      type: 'object',
      description: 'incidents and civilian range per grading ("ungraded": none); they add up to `incidents`',
      properties: Object.fromEntries(
        GRADE_NAMES.map((g) => [
          g,
          { type: 'object', properties: { incidents: int, civilians: { $ref: 'RangeTotal#' } } },
        ]),
      ),
    },
    clusters: {
      type: 'array',
      items: { type: 'object', properties: { lon: num, lat: num, count: int } },
    },
    extent: {
      type: ['array', 'null'],
      items: num,
      minItems: 4,
      maxItems: 4,
      description:
        '[west, south, east, north] of the located incidents, null when none has a position: the web map opens framed on them',
    },
    points: {
      type: 'array',
      description: 'incidents drawn on their own at this level',
      items: { type: 'object', properties: { code: str, lon: num, lat: num } },
    },
  },
} as const;

/** A belligerent of an incident with its role (known, suspected…) and its own assessment of it. */
export const belligerentRoleSchema = {
  type: 'object',
  properties: { belligerent: str, role: str, assessment: str },
} as const;

/** The detail's provenance (services/incident-provenance.ts): its dataset row and belligerents' roles. */
export const incidentProvenanceProperties = {
  dataset: {
    type: ['object', 'null'],
    description:
      'the dataset row (UCDP, ACLED, Airwars-style) the incident was imported from, with the sources that row cites; null for an incident built from reports. Protected sources are left out for readers who may not see them',
    properties: {
      name: str,
      id: nstr,
      sources: {
        type: 'array',
        items: {
          type: 'object',
          properties: { name: nstr, published: nstr, title: nstr, url: nstr, sensitive: { type: 'boolean' } },
        },
      },
    },
  },
  belligerentRoles: {
    type: 'array',
    description: 'each belligerent with its role (known, suspected…) and its own assessment of the incident',
    items: belligerentRoleSchema,
  },
} as const;

export const sourceSchema = {
  $id: 'Source',
  type: 'object',
  properties: { id: str, name: str, kind: str, sensitive: { type: 'boolean' }, reports: int },
} as const;

export const SHARED_SCHEMAS = [
  errorSchema,
  incidentSchema,
  claimSchema,
  reportSummarySchema,
  jobSchema,
  userSchema,
  rangeTotalSchema,
  statsRowSchema,
  sourceSchema,
];

export const ref = (id: string) => ({ $ref: `${id}#` }) as const;

/** A response holding a list: `{ items: [...] }`. */
export function listOf(items: unknown) {
  return { type: 'object', properties: { items: { type: 'array', items } } } as const;
}

/** One page of a list: `{ items: [...], next }`, `next` being the cursor of the page after (null on the last). */
export function pageOf(items: unknown) {
  return {
    type: 'object',
    properties: { items: { type: 'array', items }, next: { type: ['string', 'null'] } },
  } as const;
}

/** The error responses every route may give, for the OpenAPI document. */
export function errors(...statuses: number[]): Record<number, unknown> {
  return Object.fromEntries(statuses.map((s) => [s, ref('Error')]));
}

/** The incident filter as query parameters (the CLI's flags, comma-separated lists). */
export const incidentFilterQuery = {
  country: { type: 'string', description: 'ISO country codes, comma-separated (SY,IQ)' },
  admin1: {
    type: 'string',
    maxLength: 500,
    description: 'first-level divisions as GeoNames codes, comma-separated (SY.04 is Raqqa governorate)',
  },
  belligerent: { type: 'string', description: 'belligerent codes, comma-separated' },
  event: {
    type: 'string',
    description: 'ACLED sub-event types as Vigil codes, comma-separated; an unknown one is refused',
  },
  grading: { type: 'string', description: 'gradings, comma-separated, "ungraded", or "all"' },
  status: { type: 'string', description: 'review statuses, comma-separated; an unknown one is refused' },
  from: { type: 'string', format: 'date', description: 'incidents on or after this day' },
  to: { type: 'string', format: 'date', description: 'incidents on or before this day' },
  q: {
    type: 'string',
    maxLength: 200,
    description: 'text in the place name, first-level division or code, any case',
  },
} as const;
