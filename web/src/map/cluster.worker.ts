/// <reference lib="webworker" />
/**
 * Decodes and clusters incident points off the main thread, so loading 100,000 of them
 * never blocks panning or typing, and the index is built while the page is still loading the
 * basemap. The main thread asks for the clusters of a viewport and gets back small GeoJSON.
 */
import Supercluster, { type AnyProps, type PointFeature } from 'supercluster';
import { type Selection, sameSelection, selectPoints } from '../data/points.js';
import { type DecodedPoints, decodePoints } from '../data/points-bin.js';
import type { ClusterRequest, ClusterResponse } from './cluster-protocol.js';

/** Beyond this zoom every incident is drawn on its own; each level fewer is ~10% less indexing. */
const CLUSTER_MAX_ZOOM = 11;
const OPTIONS = { radius: 48, minPoints: 3 };
/**
 * Quiet time before the full index is built: it holds this worker for a second or more, and a
 * filter change right after the first draw should not queue behind it.
 */
const FULL_INDEX_DELAY_MS = 1000;

type Index = Supercluster<{ i: number }, AnyProps>;

/**
 * Indexing every zoom level of 10⁵ points takes most of the time to a first map, yet the first
 * draw needs one level. So a one-level index for the map's zoom comes first (`quick`, answered
 * at once), and the full one (`full`) is built once the worker has been idle a moment, or at once
 * when the map asks for another zoom. Their cluster ids differ:
 * `epoch` says which index an id came from.
 */
let quick: { index: Index; zoom: number; epoch: number } | null = null;
let full: { index: Index; epoch: number } | null = null;
let features: PointFeature<{ i: number }>[] = [];
let epoch = 0;
let fullTimer: ReturnType<typeof setTimeout> | null = null;

let data: DecodedPoints | null = null;
let indexed: Selection | null = null;
let generation = 0;
/** The latest selection the page asked for; applied as soon as the points arrive. */
let wanted: { selection: Selection; zoom: number } | null = null;
let located = 0;
let selectedCount = 0;

const post = (r: ClusterResponse, transfer: Transferable[] = []) => self.postMessage(r, transfer);

function buildFull(): { index: Index; epoch: number } {
  if (fullTimer !== null) clearTimeout(fullTimer);
  fullTimer = null;
  full ??= {
    index: new Supercluster<{ i: number }>({ ...OPTIONS, maxZoom: CLUSTER_MAX_ZOOM }).load(features),
    epoch: ++epoch,
  };
  return full;
}

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
    const z = Math.min(Math.max(Math.round(zoom), 0), CLUSTER_MAX_ZOOM);
    full = null;
    if (fullTimer !== null) clearTimeout(fullTimer);
    fullTimer = null;
    quick = {
      index: new Supercluster<{ i: number }>({ ...OPTIONS, minZoom: z, maxZoom: z }).load(features),
      zoom: z,
      epoch: ++epoch,
    };
    indexed = { ...sel };
    located = features.length;
    selectedCount = chosen.length;
  }
  post({ type: 'loaded', generation, selection: sel, located, selected: selectedCount });
}

function indexFor(zoom: number): { index: Index; epoch: number } {
  if (full) return full;
  if (quick && quick.zoom === zoom) {
    // The first view is answered; the rest of the levels are indexed once this reply is out.
    if (fullTimer !== null) clearTimeout(fullTimer);
    fullTimer = setTimeout(buildFull, FULL_INDEX_DELAY_MS);
    return quick;
  }
  return buildFull();
}

function load(msg: Extract<ClusterRequest, { type: 'points' }>): void {
  generation = msg.generation;
  wanted = { selection: msg.selection, zoom: msg.zoom };
  quick = null;
  full = null;
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
  if (!data || !quick) return;
  if (msg.type === 'clusters') {
    const zoom = Math.round(msg.zoom);
    const { index, epoch: from } = indexFor(zoom);
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
    // An id from the one-level index expands there: its children are the points themselves.
    const index = quick.epoch === msg.epoch ? quick.index : buildFull().index;
    post({
      type: 'expand',
      generation,
      requestId: msg.requestId,
      zoom: index.getClusterExpansionZoom(msg.clusterId),
    });
  }
};
