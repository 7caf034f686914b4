/**
 * How the map groups incidents into clusters, shared by the web app's clustering worker and the
 * server's clusters for a first view (/api/map/clusters): the same options over the same points in
 * the same order give the same clusters, so the page can draw the server's and then switch to its
 * own without anything moving.
 */
import Supercluster, { type AnyProps, type PointFeature } from 'supercluster';
import { GRADINGS } from './codes.js';

/** Gradings as the map's totals list them; "ungraded": none. */
export const GRADE_NAMES = [...GRADINGS, 'ungraded'] as const;
export type GradeName = (typeof GRADE_NAMES)[number];

/** Beyond this zoom every incident is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 11;
const OPTIONS = { radius: 64, minPoints: 3 };

/** The zoom the web map opens at when the URL names no view (its clusters are built at start-up). */
export const LANDING_ZOOM = 5;

/** The clustering level a map zoom is drawn with. */
export function clusterLevel(zoom: number): number {
  return Math.min(Math.max(Math.round(zoom), 0), CLUSTER_MAX_ZOOM);
}

/**
 * The clusters of one level only: indexing all levels of 10⁵ points at once took seconds, one
 * level is a single clustering pass. Clusters are thus formed afresh at each level, not nested.
 */
export function levelIndex<P extends AnyProps>(
  points: PointFeature<P>[],
  level: number,
): Supercluster<P, AnyProps> {
  return new Supercluster<P, AnyProps>({ ...OPTIONS, minZoom: level, maxZoom: level }).load(points);
}

/**
 * The zoom that splits a cluster of a one-level index: the next level holds the points themselves,
 * and a cluster has at least `minPoints` of them.
 */
export function expansionZoom(level: number): number {
  return level + 1;
}

/** What /api/map/clusters answers (src/server/map-clusters.ts builds it). */
export interface GradeTotal {
  incidents: number;
  /** Sum of minimums to sum of maximums; max null when any maximum is open. */
  civilians: { min: number; max: number | null };
}

export interface MapClusters {
  /** The clustering level (the zoom asked for, rounded and capped). */
  level: number;
  /** The zoom a click on one of the clusters goes to, to split it. */
  expansionZoom: number;
  /** Incidents the filter matches, and how many of them have a position (the map's share). */
  incidents: number;
  located: number;
  totals: Record<GradeName, GradeTotal>;
  clusters: { lon: number; lat: number; count: number }[];
  /** Incidents drawn on their own at this level. */
  points: { code: string; lon: number; lat: number }[];
  /** [west, south, east, north] of the located incidents; null when none has a position. */
  extent: [number, number, number, number] | null;
}
