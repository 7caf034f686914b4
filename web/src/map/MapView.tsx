import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { PointSet } from '../data/points.js';
import { useI18n } from '../i18n/I18n.js';
import { mark, markPerf } from '../perf.js';
import type { MapView as MapViewState } from '../state/query.js';
import { type AppConfig, baseStyle, loadAdmin1Shapes, loadCountryShapes } from './basemap.js';
import { ClusterClient } from './cluster-client.js';
import type { ClusterFeature } from './cluster-protocol.js';
import { maplibregl } from './maplibre.js';

interface Props {
  points: PointSet | null;
  selected: Uint32Array | null;
  config: AppConfig;
  view: MapViewState | null;
  /** "CC.A1" codes to outline. */
  highlightAdmin1: string[];
  onViewChange(view: MapViewState): void;
  onOpenIncident(code: string): void;
}

const DEFAULT_VIEW: MapViewState = { zoom: 5, lat: 35, lon: 38.5 };

function clusterSize(count: number): number {
  return Math.round(22 + Math.min(34, Math.log10(count) * 12));
}

export function MapView({
  points,
  selected,
  config,
  view,
  highlightAdmin1,
  onViewChange,
  onOpenIncident,
}: Props) {
  const { t, num } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const clusterRef = useRef<ClusterClient | null>(null);
  const markers = useRef(new Map<number, maplibregl.Marker>());
  const refreshRef = useRef<() => void>(() => {});
  const callbacks = useRef({ onViewChange, onOpenIncident, t, num });
  callbacks.current = { onViewChange, onOpenIncident, t, num };
  const [ready, setReady] = useState(false);
  const [located, setLocated] = useState<number | null>(null);

  // The map is created once; later prop changes are pushed into it by the effects below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the initial view and config only apply at creation
  useEffect(() => {
    if (!container.current) return;
    const v = view ?? DEFAULT_VIEW;
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
    map.getCanvas().setAttribute('aria-label', callbacks.current.t('map.title'));
    const cluster = new ClusterClient();
    // Exposed for the browser tests and the benchmark, which inspect what the map drew.
    (window as Window & { __vigilMap?: maplibregl.Map }).__vigilMap = map;
    mapRef.current = map;
    clusterRef.current = cluster;

    let seq = 0;
    const refresh = async () => {
      const mine = ++seq;
      const b = map.getBounds();
      const features = await cluster.clusters(
        [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
        map.getZoom(),
      );
      if (mine !== seq) return;
      render(map, cluster, features);
    };
    refreshRef.current = () => void refresh();

    map.on('load', async () => {
      mark('map-loaded');
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
      const shapes = await loadCountryShapes();
      (map.getSource('land') as GeoJSONSource).setData(shapes.land);
      (map.getSource('borders') as GeoJSONSource).setData(shapes.borders);
    });
    // Admin areas are 3 MB: they are parsed only once the incidents are on screen, never before.
    const loadAdmin1 = () =>
      void loadAdmin1Shapes().then((admin1) =>
        (map.getSource('admin1') as GeoJSONSource | undefined)?.setData(admin1),
      );
    window.addEventListener('vigil:map-drawn', loadAdmin1, { once: true });
    map.on('moveend', () => {
      const c = map.getCenter();
      callbacks.current.onViewChange({ zoom: map.getZoom(), lat: c.lat, lon: c.lng });
      void refresh();
    });
    return () => {
      window.removeEventListener('vigil:map-drawn', loadAdmin1);
      for (const m of markers.current.values()) m.remove();
      markers.current.clear();
      cluster.dispose();
      map.remove();
      mapRef.current = null;
    };
  }, []);

  function render(map: maplibregl.Map, cluster: ClusterClient, features: ClusterFeature[]) {
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
    const seen = new Set<number>();
    for (const f of features) {
      if (f.kind !== 'cluster') continue;
      seen.add(f.id);
      const { t, num } = callbacks.current;
      let m = markers.current.get(f.id);
      if (!m) {
        const el = document.createElement('button');
        el.type = 'button';
        el.className = 'cluster';
        el.addEventListener('click', async (ev) => {
          ev.stopPropagation();
          const zoom = await cluster.expansionZoom(f.id);
          map.easeTo({ center: [f.lon, f.lat], zoom: Math.min(zoom, 16) });
        });
        m = new maplibregl.Marker({ element: el }).setLngLat([f.lon, f.lat]).addTo(map);
        markers.current.set(f.id, m);
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
    // Drawn means the incident layer has been tiled and a frame rendered with it, not the basemap.
    const drawn = () => {
      if (!map.isSourceLoaded('incidents')) {
        map.once('sourcedata', drawn);
        return;
      }
      map.once('render', () => {
        markPerf('map-drawn');
        window.dispatchEvent(new Event('vigil:map-drawn'));
      });
    };
    drawn();
    map.triggerRepaint();
  }

  // New data or a new date selection: recluster off-thread (while the map itself may still be
  // loading), then draw once both are ready.
  const [clustered, setClustered] = useState(0);
  useEffect(() => {
    const cluster = clusterRef.current;
    if (!cluster || !points || !selected) return;
    const n = selected.length;
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    const codes = new Array<string>(n);
    for (let k = 0; k < n; k++) {
      const i = selected[k] as number;
      lon[k] = points.lon[i] as number;
      lat[k] = points.lat[i] as number;
      codes[k] = points.code[i] as string;
    }
    let cancelled = false;
    mark('cluster-requested');
    void cluster.load(codes, lon, lat).then((count) => {
      mark('clustered');
      if (cancelled) return;
      setLocated(count);
      setClustered((c) => c + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [points, selected]);

  useEffect(() => {
    if (!ready || clustered === 0) return;
    for (const m of markers.current.values()) m.remove();
    markers.current.clear();
    refreshRef.current();
  }, [ready, clustered]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const match = highlightAdmin1.map((code): maplibregl.ExpressionSpecification => {
      const [cc = '', a1 = ''] = code.split('.');
      return ['all', ['==', ['get', 'a1'], a1], ['==', ['get', 'cc'], cc]];
    });
    map.setFilter('admin1-selected', match.length ? ['any', ...match] : ['==', ['get', 'a1'], '__none__']);
  }, [highlightAdmin1, ready]);

  const unlocated = selected && located !== null ? selected.length - located : 0;
  return (
    <section className="map-panel" aria-labelledby="map-title">
      <h2 id="map-title" className="visually-hidden">
        {t('map.title')}
      </h2>
      <div ref={container} className="map" data-testid="map" />
      {!points && <p className="map-status">{t('map.loading')}</p>}
      {unlocated > 0 && <p className="map-note">{t('map.unlocated', { count: unlocated })}</p>}
    </section>
  );
}
