/**
 * MapLibre with its worker served from our own bundle: by default it would look for the worker
 * next to a CDN build, which an offline deployment does not have.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };
