/**
 * MapLibre with its worker served from our own bundle: by default it would look for the worker
 * next to a CDN build, which an offline deployment does not have.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(workerUrl);
// Two workers, not MapLibre's one: sources are dealt to workers in turn, so the admin-1 areas (3 MB,
// seconds of parsing and indexing) and the incidents land on different ones, and a filter change
// right after the first draw no longer waits for the admin areas to be indexed.
maplibregl.setWorkerCount(2);

export { maplibregl };
