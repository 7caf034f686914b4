import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { Legend } from '../app/Legend.js';
import type { PointSet, Selection } from '../data/points.js';
import type { MapClusters } from '../data/prefetch.js';
import { useI18n } from '../i18n/I18n.js';
import { mark, markPerf } from '../perf.js';
import { DEFAULT_MAP_VIEW, type MapView as MapViewState } from '../state/query.js';
import { ADMIN1_SHAPES_URL, type AppConfig, baseStyle } from './basemap.js';
import { type ClusterClient, clusterClient, type Loaded } from './cluster-client.js';
import type { ClusterFeature } from './cluster-protocol.js';
import { maplibregl } from './maplibre.js';

interface Props {
  /** Set once the clustering worker holds these points (it fetched them). */
  points: PointSet | null;
  /**
   * The server's clusters for this view (/api/map/clusters), drawn until the worker has indexed
   * the points; null when they do not describe the view (another selection or filter).
   */
  serverClusters: MapClusters | null;
  selection: Selection;
  config: AppConfig;
  view: MapViewState | null;
  /** "CC.A1" codes to outline. */
  highlightAdmin1: string[];
  onViewChange(view: MapViewState): void;
  onOpenIncident(code: string): void;
  /** The incidents could not be loaded: the map says so instead of waiting for them. */
  failed?: boolean;
}

/** The closest the landing view zooms in to frame the incidents: a town's surroundings, not a street. */
const FRAME_MAX_ZOOM = 8;

/** The sources a frame must have loaded to count as the map drawn (web/src/perf.ts). */
const DRAWN_WITH = ['incidents', 'basemap'];

function clusterSize(count: number): number {
  return Math.round(20 + Math.min(20, Math.log10(count) * 8));
}

/** The server's clusters and lone incidents inside `bbox`, as the worker would answer (epoch 0). */
function serverFeatures(c: MapClusters, [w, s, e, n]: [number, number, number, number]): ClusterFeature[] {
  // Longitudes as supercluster's getClusters wraps them: a view across the antimeridian is two ranges.
  const wrap = (x: number) => ((((x + 180) % 360) + 360) % 360) - 180;
  const whole = e - w >= 360;
  const west = wrap(w);
  const east = e === 180 ? 180 : wrap(e);
  const inside = (lon: number, lat: number) =>
    lat >= s &&
    lat <= n &&
    (whole || (west <= east ? lon >= west && lon <= east : lon >= west || lon <= east));
  const out: ClusterFeature[] = [];
  c.clusters.forEach((k, id) => {
    if (inside(k.lon, k.lat))
      out.push({
        kind: 'cluster',
        id,
        epoch: 0,
        count: k.count,
        lon: k.lon,
        lat: k.lat,
        expansionZoom: c.expansionZoom,
      });
  });
  for (const p of c.points) if (inside(p.lon, p.lat)) out.push({ kind: 'point', ...p });
  return out;
}

export function MapView({
  points,
  serverClusters,
  selection,
  config,
  view,
  highlightAdmin1,
  onViewChange,
  onOpenIncident,
  failed = false,
}: Props) {
  const { t, num } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const clusterRef = useRef<ClusterClient | null>(null);
  // Keyed by index epoch and cluster id: ids from the worker's two indexes may coincide.
  const markers = useRef(new Map<string, maplibregl.Marker>());
  const refreshRef = useRef<() => void>(() => {});
  const callbacks = useRef({ onViewChange, onOpenIncident, t, num });
  callbacks.current = { onViewChange, onOpenIncident, t, num };
  const [ready, setReady] = useState(false);
  const [located, setLocated] = useState<Loaded | null>(null);
  const serverRef = useRef(serverClusters);
  serverRef.current = serverClusters;
  /** Whether the worker has indexed points (from then on it answers for every view). */
  const indexedRef = useRef(false);
  /** Where the clusters on the map came from: a first worker answer after the server's is a handover. */
  const drawnFrom = useRef<'server' | 'worker' | null>(null);
  /**
   * Opened on the landing view (the URL names none) and not yet framed: the first clusters to come
   * move it onto the incidents if some lie outside it, unless the reader has moved the map by then.
   */
  const framing = useRef(view === null);

  // The map is created once; later prop changes are pushed into it by the effects below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the initial view and config only apply at creation
  useEffect(() => {
    if (!container.current) return;
    const v = view ?? DEFAULT_MAP_VIEW;
    mark('map-created');
    const map = new maplibregl.Map({
      container: container.current,
      style: baseStyle(config),
      center: [v.lon, v.lat],
      zoom: v.zoom,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      fadeDuration: 0,
    });
    map.keyboard.enable();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.AttributionControl({ compact: false }), 'bottom-right');
    // MapLibre makes the canvas a region: named unlike the section around it (two landmarks of one
    // name, axe's landmark-unique), and saying how to move it from the keyboard.
    map.getCanvas().setAttribute('aria-label', callbacks.current.t('map.canvas'));
    const cluster = clusterClient();
    // Exposed for the browser tests and the benchmark, which inspect what the map drew.
    (window as Window & { __vigilMap?: maplibregl.Map }).__vigilMap = map;
    mapRef.current = map;
    clusterRef.current = cluster;

    let seq = 0;
    const refresh = async () => {
      const mine = ++seq;
      const b = map.getBounds();
      const bbox: [number, number, number, number] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
      const server = indexedRef.current ? null : serverRef.current;
      if (!indexedRef.current && !server) return;
      const features = server ? serverFeatures(server, bbox) : await cluster.clusters(bbox, map.getZoom());
      // A newer refresh, or the map was removed (the page left) while the worker answered.
      if (mine !== seq || mapRef.current !== map) return;
      const from = server ? 'server' : 'worker';
      render(map, cluster, features, drawnFrom.current === 'server' && from === 'worker');
      drawnFrom.current = from;
    };
    refreshRef.current = () => void refresh();

    map.once('load', () => mark('map-loaded'));
    // The incident layer goes in as soon as the style is parsed, not at 'load' (which waits until
    // the country shapes are tiled and drawn): the incidents are then tiled beside the shapes, on
    // MapLibre's other worker, instead of after them.
    map.once('style.load', () => {
      mark('style-loaded');
      map.addSource('incidents', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({
        id: 'incident-points',
        type: 'circle',
        source: 'incidents',
        filter: ['==', ['get', 'kind'], 'point'],
        paint: {
          'circle-radius': 6,
          'circle-color': '#b3261e',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      });
      map.on('click', 'incident-points', (e: maplibregl.MapLayerMouseEvent) => {
        const code = e.features?.[0]?.properties?.code;
        if (typeof code === 'string') callbacks.current.onOpenIncident(code);
      });
      map.on('mouseenter', 'incident-points', () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', 'incident-points', () => {
        map.getCanvas().style.cursor = '';
      });
      setReady(true);
    });
    // Admin areas are 3 MB: they are parsed only once the incidents are on screen, never before.
    // Given as a URL, MapLibre's worker fetches and parses it: the page's thread neither parses
    // 3 MB of JSON nor copies the result over to that worker, right when filters start changing.
    const loadAdmin1 = () =>
      (map.getSource('admin1') as GeoJSONSource | undefined)?.setData(ADMIN1_SHAPES_URL);
    window.addEventListener('vigil:map-drawn', loadAdmin1, { once: true });
    map.on('movestart', (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) framing.current = false;
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      callbacks.current.onViewChange({ zoom: map.getZoom(), lat: c.lat, lon: c.lng });
      void refresh();
    });
    return () => {
      window.removeEventListener('vigil:map-drawn', loadAdmin1);
      for (const m of markers.current.values()) m.remove();
      markers.current.clear();
      map.remove();
      mapRef.current = null;
    };
  }, []);

  /** `handover`: the worker's first clusters replacing the server's, the same view drawn again. */
  function render(
    map: maplibregl.Map,
    cluster: ClusterClient,
    features: ClusterFeature[],
    handover: boolean,
  ) {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: features
        .filter((f) => f.kind === 'point')
        .map((f) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
          properties: { kind: 'point', code: f.kind === 'point' ? f.code : '' },
        })),
    };
    (map.getSource('incidents') as GeoJSONSource | undefined)?.setData(fc);
    // Cluster counts are HTML buttons: no glyph server is needed, and keyboard users can reach them.
    const seen = new Set<string>();
    for (const f of features) {
      if (f.kind !== 'cluster') continue;
      const key = `${f.epoch}:${f.id}`;
      seen.add(key);
      const { t, num } = callbacks.current;
      let m = markers.current.get(key);
      if (!m) {
        const el = document.createElement('button');
        el.type = 'button';
        el.className = 'cluster';
        el.addEventListener('click', async (ev) => {
          ev.stopPropagation();
          const zoom = f.expansionZoom ?? (await cluster.expansionZoom(f.id, f.epoch));
          map.easeTo({ center: [f.lon, f.lat], zoom: Math.min(zoom, 16) });
        });
        m = new maplibregl.Marker({ element: el }).setLngLat([f.lon, f.lat]).addTo(map);
        markers.current.set(key, m);
      }
      const el = m.getElement();
      const size = clusterSize(f.count);
      el.style.width = `${size}px`;
      el.style.height = `${size}px`;
      el.textContent = num(f.count);
      el.setAttribute('aria-label', t('map.cluster', { count: f.count }));
    }
    for (const [id, m] of markers.current) {
      if (!seen.has(id)) {
        m.remove();
        markers.current.delete(id);
      }
    }
    // Drawn means a frame rendered with the incident layer tiled, on the countries and borders.
    const drawn = () => {
      // A removed map has no sources left to ask about ("There is no tile manager with ID").
      if (mapRef.current !== map) return;
      if (!DRAWN_WITH.every((id) => map.isSourceLoaded(id))) {
        map.once('sourcedata', drawn);
        return;
      }
      map.once('render', () => {
        if (markPerf('map-drawn', { handover })) window.dispatchEvent(new Event('vigil:map-drawn'));
      });
      // Only now: a frame forced right after setData would draw the old incidents again, and each
      // frame costs a software-rendered readback on the page's thread. (No-op if one is queued.)
      map.triggerRepaint();
    };
    drawn();
  }

  // The worker indexes its points as soon as they arrive (while the map itself may still be
  // loading); a new date or grading selection re-indexes them there without a request.
  const [clustered, setClustered] = useState(0);
  useEffect(
    () =>
      clusterClient().onLoaded((l) => {
        indexedRef.current = true;
        setLocated(l);
        setClustered((c) => c + 1);
      }),
    [],
  );
  // Also before the points are in: the worker then indexes them for the latest selection.
  useEffect(() => {
    clusterClient().select(selection, mapRef.current?.getZoom() ?? DEFAULT_MAP_VIEW.zoom);
  }, [selection]);

  // The map outlives a change of language: its canvas's name follows it.
  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', t('map.canvas'));
  }, [t]);

  // The new clusters replace the markers in one go (render drops those it no longer shows), so
  // the server's give way to the worker's without a frame between them.
  useEffect(() => {
    if (!ready || clustered === 0) return;
    refreshRef.current();
  }, [ready, clustered]);

  // The landing view is centred on Syria: incidents elsewhere (Mosul, or a database on Yemen alone)
  // would open off-screen. Framed before the clusters are first drawn (the effect below), so the
  // server's clusters and the worker's that replace them describe the same view.
  useEffect(() => {
    const map = mapRef.current;
    const extent = serverClusters?.extent;
    if (!map || !ready || !framing.current || !extent) return;
    framing.current = false;
    const [w, s, e, n] = extent;
    const onScreen = map.getBounds();
    if (onScreen.contains([w, s]) && onScreen.contains([e, n])) return;
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: 48, maxZoom: FRAME_MAX_ZOOM, duration: 0 },
    );
  }, [ready, serverClusters]);

  // The server's clusters until the worker has indexed; gone (with their lone incidents) when they
  // stop describing the view before that.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || indexedRef.current) return;
    if (serverClusters) {
      refreshRef.current();
      return;
    }
    if (drawnFrom.current !== 'server') return;
    for (const m of markers.current.values()) m.remove();
    markers.current.clear();
    (map.getSource('incidents') as GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: [],
    });
    drawnFrom.current = null;
  }, [ready, serverClusters]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const match = highlightAdmin1.map((code): maplibregl.ExpressionSpecification => {
      const [cc = '', a1 = ''] = code.split('.');
      return ['all', ['==', ['get', 'a1'], a1], ['==', ['get', 'cc'], cc]];
    });
    map.setFilter('admin1-selected', match.length ? ['any', ...match] : ['==', ['get', 'a1'], '__none__']);
  }, [highlightAdmin1, ready]);

  const shown =
    located ?? (serverClusters && { selected: serverClusters.incidents, located: serverClusters.located });
  const unlocated = shown ? shown.selected - shown.located : 0;
  return (
    <section className="map-panel" aria-labelledby="map-title">
      <h2 id="map-title" className="visually-hidden">
        {t('map.title')}
      </h2>
      <div ref={container} className="map" data-testid="map" />
      <Legend
        testId="map-legend"
        items={[
          { swatch: 'incident-dot', label: t('map.legendIncident') },
          { swatch: 'cluster-disc', label: t('map.legendCluster') },
        ]}
      />
      {!points && !serverClusters && (
        <p className="map-status" data-testid="map-status">
          {t(failed ? 'map.unavailable' : 'map.loading')}
        </p>
      )}
      {unlocated > 0 && <p className="map-note">{t('map.unlocated', { count: unlocated })}</p>}
    </section>
  );
}
