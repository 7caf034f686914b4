import type { GeoPrecision } from './codes.js';

const EARTH_RADIUS_KM = 6371.0088;

export interface LatLon {
  lat: number;
  lon: number;
}

export function haversineKm(a: LatLon, b: LatLon): number {
  const { lat: lat1, lon: lon1 } = a;
  const { lat: lat2, lon: lon2 } = b;
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** How far apart two reports of one place may put it, by the coarser precision (the eval's tolerances). */
export const PRECISION_TOLERANCE_KM: Record<GeoPrecision, number> = {
  point: 25,
  town: 25,
  district: 50,
  province: 150,
  country: 500,
};

const PRECISION_RANK: Record<GeoPrecision, number> = {
  point: 0,
  town: 1,
  district: 2,
  province: 3,
  country: 4,
};

export function coarser(a: GeoPrecision, b: GeoPrecision): GeoPrecision {
  return PRECISION_RANK[a] >= PRECISION_RANK[b] ? a : b;
}

export function finer(a: GeoPrecision, b: GeoPrecision): GeoPrecision {
  return PRECISION_RANK[a] <= PRECISION_RANK[b] ? a : b;
}

export function precisionRank(p: GeoPrecision): number {
  return PRECISION_RANK[p];
}
