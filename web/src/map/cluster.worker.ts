/// <reference lib="webworker" />
/**
 * Decodes and clusters incident points off the main thread, so loading 100,000 of them
 * never blocks panning or typing, and the index is built while the page is still loading the
 * basemap. The main thread asks for the clusters of a viewport and gets back small GeoJSON.
 */
import type Supercluster from 'supercluster';
import type { AnyProps, PointFeature } from 'supercluster';
import { clusterLevel, levelIndex } from '../../../src/domain/map-clusters.js';
import { type Selection, sameSelection, selectPoints } from '../data/points.js';
import { type DecodedPoints, decodePoints } from '../data/points-bin.js';
import type { ClusterRequest, ClusterResponse } from './cluster-protocol.js';

type Index = Supercluster<{ i: number }, AnyProps>;

/**
 * One index per zoom level (src/domain/map-clusters.ts), each built when the map first shows that
 * level: indexing all levels at once held this worker for seconds, and a filter change or the
 * first draw queued behind it. `epoch` tells which index a cluster id came from.
 */
let levels = new Map<number, { index: Index; epoch: number }>();
let features: PointFeature<{ i: number }>[] = [];
let epoch = 0;

function level(zoom: number): { index: Index; epoch: number } {
  const z = clusterLevel(zoom);
  let l = levels.get(z);
  if (!l) {
    l = { index: levelIndex(features, z), epoch: ++epoch };
    levels.set(z, l);
  }
  return l;
}

let data: DecodedPoints | null = null;
let indexed: Selection | null = null;
let generation = 0;
/** The latest selection the page asked for; applied as soon as the points arrive. */
let wanted: { selection: Selection; zoom: number } | null = null;
let located = 0;
let selectedCount = 0;

const post = (r: ClusterResponse, transfer: Transferable[] = []) => self.postMessage(r, transfer);

function build(sel: Selection, zoom: number): void {
  if (!data) return;
  if (!indexed || !sameSelection(indexed, sel)) {
    const chosen = selectPoints(data.points, sel);
    const { lon, lat } = data;
    features = [];
    for (const i of chosen) {
      const x = lon[i] as number;
      const y = lat[i] as number;
      if (Number.isNaN(x) || Number.isNaN(y)) continue;
      features.push({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [x, y] } });
    }
    levels = new Map();
    // The map's level now, so that its first request finds it ready.
    level(zoom);
    indexed = { ...sel };
    located = features.length;
    selectedCount = chosen.length;
  }
  post({ type: 'loaded', generation, selection: sel, located, selected: selectedCount });
}

function load(msg: Extract<ClusterRequest, { type: 'points' }>): void {
  generation = msg.generation;
  wanted = { selection: msg.selection, zoom: msg.zoom };
  levels = new Map();
  indexed = null;
  try {
    data = decodePoints(msg.buffer);
  } catch (e) {
    data = null;
    post({ type: 'failed', generation, status: 0, message: (e as Error).message });
    return;
  }
  // The page gets its own copies of the columns it sums (the worker keeps dates and grades to
  // select with); civilian figures it alone uses are handed over without a copy.
  const p = data.points;
  const points = { ...p, from: p.from.slice(), to: p.to.slice(), grade: p.grade.slice() };
  post({ type: 'points', generation, points, decodedAt: performance.timeOrigin + performance.now() }, [
    p.civMin.buffer,
    p.civMax.buffer,
  ]);
  build(wanted.selection, wanted.zoom);
}

self.onmessage = (ev: MessageEvent<ClusterRequest>) => {
  const msg = ev.data;
  if (msg.type === 'points') {
    load(msg);
    return;
  }
  if (msg.generation !== generation) return;
  if (msg.type === 'select') {
    wanted = { selection: msg.selection, zoom: msg.zoom };
    build(msg.selection, msg.zoom);
    return;
  }
  if (!data || !indexed) return;
  if (msg.type === 'clusters') {
    const zoom = Math.round(msg.zoom);
    const { index, epoch: from } = level(zoom);
    const raw = index.getClusters(msg.bbox, zoom);
    const codes = raw.some((f) => !(f.properties as AnyProps).cluster) ? data.codes() : [];
    post({
      type: 'clusters',
      generation,
      requestId: msg.requestId,
      features: raw.map((f) => {
        const p = f.properties as AnyProps;
        const [lon, lat] = f.geometry.coordinates as [number, number];
        return p.cluster
          ? {
              kind: 'cluster',
              id: p.cluster_id as number,
              epoch: from,
              count: p.point_count as number,
              lon,
              lat,
            }
          : { kind: 'point', code: codes[p.i as number] ?? '', lon, lat };
      }),
    });
  } else if (msg.type === 'expand') {
    const l = [...levels.values()].find((x) => x.epoch === msg.epoch);
    if (!l) return;
    post({
      type: 'expand',
      generation,
      requestId: msg.requestId,
      zoom: l.index.getClusterExpansionZoom(msg.clusterId),
    });
  }
};
