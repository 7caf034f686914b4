import { ApiRequestError } from '../api/client.js';
import { type PointSet, type Selection, sameSelection } from '../data/points.js';
import { mark } from '../perf.js';
import type { ClusterFeature, ClusterRequest, ClusterResponse } from './cluster-protocol.js';

type Pending = (r: ClusterResponse) => void;

async function responseError(res: Response): Promise<ApiRequestError> {
  let e: { code?: string; message?: string } | undefined;
  try {
    e = ((await res.json()) as { error?: { code?: string; message?: string } }).error;
  } catch {
    // Not JSON (a proxy's error page): the status line says enough.
  }
  return new ApiRequestError(
    res.status,
    e?.code ?? 'http_error',
    e?.message ?? `${res.status} ${res.statusText}`,
  );
}
export interface Loaded {
  /** Points matching the selection, and how many of them have coordinates. */
  selected: number;
  located: number;
}

/**
 * Promise-based front for the clustering worker. One per page, started with the bundle so the
 * points are fetched (here: the request need not wait for the worker's script), then decoded and
 * indexed in the worker while React and the basemap are still loading.
 */
export class ClusterClient {
  private readonly worker = new Worker(new URL('./cluster.worker.ts', import.meta.url), { type: 'module' });
  private generation = 0;
  private nextRequest = 1;
  private readonly pending = new Map<number, Pending>();
  private fetched: { resolve(p: PointSet): void; reject(e: Error): void } | null = null;
  private wanted: Selection | null = null;
  private abort: AbortController | null = null;
  private loaded: Loaded | null = null;
  private readonly listeners = new Set<(l: Loaded) => void>();

  constructor() {
    this.worker.onmessage = (ev: MessageEvent<ClusterResponse>) => {
      const r = ev.data;
      if (r.generation !== this.generation) return;
      if (r.type === 'points') {
        mark('points-decoded', r.decodedAt - performance.timeOrigin);
        mark('points-received');
        this.fetched?.resolve(r.points);
        this.fetched = null;
      } else if (r.type === 'failed') {
        this.fetched?.reject(new ApiRequestError(r.status, 'http_error', r.message));
        this.fetched = null;
      } else if (r.type === 'loaded') {
        // A reply for a selection since replaced is dropped: the newer one follows.
        if (this.wanted && !sameSelection(r.selection, this.wanted)) return;
        mark('clustered');
        this.loaded = { selected: r.selected, located: r.located };
        for (const l of this.listeners) l(this.loaded);
      } else {
        const p = this.pending.get(r.requestId);
        this.pending.delete(r.requestId);
        p?.(r);
      }
    };
  }

  /**
   * Replaces the points with those at `url`; the index is then built for `selection` (or the one
   * asked for since). `after`: the points are requested only once it settles, so that fetching,
   * decoding and clustering them does not compete with a first map drawn from the server's clusters.
   */
  fetch(url: string, selection: Selection, zoom: number, after?: Promise<unknown>): Promise<PointSet> {
    this.generation++;
    this.pending.clear();
    this.loaded = null;
    this.wanted = selection;
    this.fetched?.reject(new DOMException('replaced', 'AbortError'));
    const generation = this.generation;
    const ctrl = new AbortController();
    this.abort?.abort();
    this.abort = ctrl;
    const done = new Promise<PointSet>((resolve, reject) => {
      this.fetched = { resolve, reject };
    });
    // Nothing is sent for before `after`: neither the server nor the page's network thread then
    // spends time on 3 MB that the first map does not need.
    void (after ?? Promise.resolve())
      .then(() => {
        if (generation !== this.generation) throw new DOMException('replaced', 'AbortError');
        mark('points-requested');
        return fetch(url, {
          credentials: 'same-origin',
          headers: { accept: 'application/vnd.vigil.points' },
          signal: ctrl.signal,
        });
      })
      .then(async (res) => {
        if (!res.ok) throw await responseError(res);
        const buffer = await res.arrayBuffer();
        if (generation !== this.generation) return;
        mark('points-fetched');
        const msg: ClusterRequest = {
          type: 'points',
          generation,
          buffer,
          selection: this.wanted ?? selection,
          zoom,
        };
        this.worker.postMessage(msg, [buffer]);
      })
      .catch((e: Error) => {
        if (generation !== this.generation) return;
        this.fetched?.reject(e);
        this.fetched = null;
      });
    return done;
  }

  /** Re-indexes the current points for another selection (no request). */
  select(selection: Selection, zoom: number): void {
    if (this.wanted && sameSelection(this.wanted, selection)) return;
    this.wanted = selection;
    this.loaded = null;
    mark('cluster-requested');
    this.worker.postMessage({
      type: 'select',
      generation: this.generation,
      requestId: this.nextRequest++,
      selection,
      zoom,
    } satisfies ClusterRequest);
  }

  /** Called whenever an index is ready for the latest selection, at once if one already is. */
  onLoaded(listener: (l: Loaded) => void): () => void {
    this.listeners.add(listener);
    if (this.loaded) listener(this.loaded);
    return () => this.listeners.delete(listener);
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

  expansionZoom(clusterId: number, epoch: number): Promise<number> {
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.pending.set(requestId, (r) => resolve(r.type === 'expand' ? r.zoom : 0));
      this.worker.postMessage({
        type: 'expand',
        generation: this.generation,
        requestId,
        clusterId,
        epoch,
      } satisfies ClusterRequest);
    });
  }
}

let shared: ClusterClient | null = null;

/** The page's one worker: it outlives the map, so going back to the map reuses its index. */
export function clusterClient(): ClusterClient {
  shared ??= new ClusterClient();
  return shared;
}
