/**
 * The clusters of one map level and the totals by grading, worked out from a /api/map/points body:
 * what the web map draws before it holds the points itself. Built from the very columns the page
 * will cluster (the same Float32 positions, in the same order, with the same options), so its own
 * clusters come out the same, and the counts add up to the totals because both read those rows.
 */
import type { PointFeature } from 'supercluster';
import {
  clusterLevel,
  expansionZoom,
  GRADE_NAMES,
  type GradeName,
  type GradeTotal,
  levelIndex,
  type MapClusters,
} from '../domain/map-clusters.js';
import type { PointColumns } from './points-payload.js';

/** Positions to a tenth of a metre: the Float32 columns' doubles would print 17 digits. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function mapClusters(cols: PointColumns, zoom: number): MapClusters {
  const { n, lon, lat, civMin, civMax, grade } = cols;
  const totals = Object.fromEntries(
    GRADE_NAMES.map((g) => [g, { incidents: 0, civilians: { min: 0, max: 0 } }]),
  ) as Record<GradeName, GradeTotal>;
  // The same features as the web app's clustering worker, in the same order.
  const features: PointFeature<{ i: number }>[] = [];
  let [west, south, east, north] = [180, 90, -180, -90];
  for (let i = 0; i < n; i++) {
    const t = totals[GRADE_NAMES[grade[i] as number] ?? 'ungraded'];
    t.incidents++;
    const min = civMin[i] as number;
    if (min >= 0) {
      const max = civMax[i] as number;
      t.civilians.min += min;
      t.civilians.max = t.civilians.max === null || max < 0 ? null : t.civilians.max + max;
    }
    const x = lon[i] as number;
    const y = lat[i] as number;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    west = Math.min(west, x);
    east = Math.max(east, x);
    south = Math.min(south, y);
    north = Math.max(north, y);
    features.push({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [x, y] } });
  }
  const level = clusterLevel(zoom);
  const out: MapClusters = {
    level,
    expansionZoom: expansionZoom(level),
    incidents: n,
    located: features.length,
    totals,
    clusters: [],
    points: [],
    extent: features.length > 0 ? [round(west), round(south), round(east), round(north)] : null,
  };
  const codes = cols.codes();
  for (const f of levelIndex(features, level).getClusters([-180, -90, 180, 90], level)) {
    const [x, y] = f.geometry.coordinates as [number, number];
    const p = f.properties as { cluster?: boolean; point_count?: number; i?: number };
    if (p.cluster) out.clusters.push({ lon: round(x), lat: round(y), count: p.point_count as number });
    else out.points.push({ code: codes[p.i as number] ?? '', lon: round(x), lat: round(y) });
  }
  return out;
}
