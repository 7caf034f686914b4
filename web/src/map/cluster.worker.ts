/// <reference lib="webworker" />
/**
 * Clusters incident points off the main thread, so loading 100,000 of them never blocks panning
 * or typing. The main thread asks for the clusters of a viewport and gets back small GeoJSON.
 */
import Supercluster, { type AnyProps, type PointFeature } from 'supercluster';
import type { ClusterRequest, ClusterResponse } from './cluster-protocol.js';

/** Beyond this zoom every incident is drawn on its own; each level fewer is ~10% less indexing. */
const CLUSTER_MAX_ZOOM = 11;

let index: Supercluster<{ i: number }, AnyProps> | null = null;
let codes: string[] = [];
let generation = 0;

self.onmessage = (ev: MessageEvent<ClusterRequest>) => {
  const msg = ev.data;
  if (msg.type === 'load') {
    generation = msg.generation;
    codes = msg.codes;
    const features: PointFeature<{ i: number }>[] = [];
    for (let k = 0; k < msg.lon.length; k++) {
      const lon = msg.lon[k] as number;
      const lat = msg.lat[k] as number;
      if (Number.isNaN(lon) || Number.isNaN(lat)) continue;
      features.push({
        type: 'Feature',
        properties: { i: k },
        geometry: { type: 'Point', coordinates: [lon, lat] },
      });
    }
    index = new Supercluster<{ i: number }>({ radius: 48, maxZoom: CLUSTER_MAX_ZOOM, minPoints: 3 }).load(
      features,
    );
    const reply: ClusterResponse = { type: 'loaded', generation, located: features.length };
    self.postMessage(reply);
    return;
  }
  if (!index || msg.generation !== generation) return;
  if (msg.type === 'clusters') {
    const raw = index.getClusters(msg.bbox, Math.round(msg.zoom));
    const reply: ClusterResponse = {
      type: 'clusters',
      generation,
      requestId: msg.requestId,
      features: raw.map((f) => {
        const p = f.properties as AnyProps;
        const [lon, lat] = f.geometry.coordinates as [number, number];
        return p.cluster
          ? { kind: 'cluster', id: p.cluster_id as number, count: p.point_count as number, lon, lat }
          : { kind: 'point', code: codes[p.i as number] ?? '', lon, lat };
      }),
    };
    self.postMessage(reply);
  } else if (msg.type === 'expand') {
    const reply: ClusterResponse = {
      type: 'expand',
      generation,
      requestId: msg.requestId,
      zoom: index.getClusterExpansionZoom(msg.clusterId),
    };
    self.postMessage(reply);
  }
};
