/** Messages between the map and its clustering worker; `generation` drops replies about stale data. */
export type ClusterRequest =
  | { type: 'load'; generation: number; codes: string[]; lon: Float64Array; lat: Float64Array }
  | {
      type: 'clusters';
      generation: number;
      requestId: number;
      bbox: [number, number, number, number];
      zoom: number;
    }
  | { type: 'expand'; generation: number; requestId: number; clusterId: number };

export type ClusterFeature =
  | { kind: 'cluster'; id: number; count: number; lon: number; lat: number }
  | { kind: 'point'; code: string; lon: number; lat: number };

export type ClusterResponse =
  | { type: 'loaded'; generation: number; located: number }
  | { type: 'clusters'; generation: number; requestId: number; features: ClusterFeature[] }
  | { type: 'expand'; generation: number; requestId: number; zoom: number };
