import type { PointSet, Selection } from '../data/points.js';

/**
 * Messages between the page and its clustering worker. The worker fetches and decodes the points
 * itself and keeps their positions; the page gets the columns it sums and buckets. `generation`
 * (one per fetch) drops replies about stale data.
 */
export type ClusterRequest =
  /**
   * New points, the /api/map/points body (fetched by the page: the request then starts while the
   * worker's own script is still loading). `zoom`: the map's, indexed first (see the worker).
   */
  | { type: 'points'; generation: number; buffer: ArrayBuffer; selection: Selection; zoom: number }
  | { type: 'select'; generation: number; requestId: number; selection: Selection; zoom: number }
  | {
      type: 'clusters';
      generation: number;
      requestId: number;
      bbox: [number, number, number, number];
      zoom: number;
    }
  | { type: 'expand'; generation: number; requestId: number; clusterId: number; epoch: number };

export type ClusterFeature =
  /**
   * `epoch`: the index the id belongs to, which an expansion must ask; 0 for the server's clusters
   * (/api/map/clusters), which say their `expansionZoom` instead.
   */
  | {
      kind: 'cluster';
      id: number;
      epoch: number;
      count: number;
      lon: number;
      lat: number;
      expansionZoom?: number;
    }
  | { kind: 'point'; code: string; lon: number; lat: number };

export type ClusterResponse =
  /** `decodedAt`: epoch milliseconds. */
  | { type: 'points'; generation: number; points: PointSet; decodedAt: number }
  | { type: 'failed'; generation: number; status: number; message: string }
  /** The index now holds `selection`; `located` of its points have coordinates. */
  | { type: 'loaded'; generation: number; selection: Selection; located: number; selected: number }
  | { type: 'clusters'; generation: number; requestId: number; features: ClusterFeature[] }
  | { type: 'expand'; generation: number; requestId: number; zoom: number };
