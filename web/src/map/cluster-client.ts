import type { ClusterFeature, ClusterRequest, ClusterResponse } from './cluster-protocol.js';

type Pending = (r: ClusterResponse) => void;

/** Promise-based front for the clustering worker; one instance per map. */
export class ClusterClient {
  private readonly worker = new Worker(new URL('./cluster.worker.ts', import.meta.url), { type: 'module' });
  private generation = 0;
  private nextRequest = 1;
  private readonly pending = new Map<number, Pending>();
  private loaded: ((located: number) => void) | null = null;

  constructor() {
    this.worker.onmessage = (ev: MessageEvent<ClusterResponse>) => {
      const r = ev.data;
      if (r.generation !== this.generation) return;
      if (r.type === 'loaded') {
        this.loaded?.(r.located);
        this.loaded = null;
        return;
      }
      const p = this.pending.get(r.requestId);
      this.pending.delete(r.requestId);
      p?.(r);
    };
  }

  /** Replaces the points; resolves with how many had coordinates. */
  load(codes: string[], lon: Float64Array, lat: Float64Array): Promise<number> {
    this.generation++;
    this.pending.clear();
    const msg: ClusterRequest = { type: 'load', generation: this.generation, codes, lon, lat };
    return new Promise((resolve) => {
      this.loaded = resolve;
      this.worker.postMessage(msg);
    });
  }

  clusters(bbox: [number, number, number, number], zoom: number): Promise<ClusterFeature[]> {
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.pending.set(requestId, (r) => resolve(r.type === 'clusters' ? r.features : []));
      this.worker.postMessage({
        type: 'clusters',
        generation: this.generation,
        requestId,
        bbox,
        zoom,
      } satisfies ClusterRequest);
    });
  }

  expansionZoom(clusterId: number): Promise<number> {
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.pending.set(requestId, (r) => resolve(r.type === 'expand' ? r.zoom : 0));
      this.worker.postMessage({
        type: 'expand',
        generation: this.generation,
        requestId,
        clusterId,
      } satisfies ClusterRequest);
    });
  }

  dispose(): void {
    this.worker.terminate();
  }
}
