import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.js';
import { bucketize, type PointSet, selectPoints, totalsByGrade } from '../data/points.js';
import {
  fetchMapData,
  type MapClusters,
  pointsKey,
  pointsSelection,
  serverClustersApply,
} from '../data/prefetch.js';
import { FilterBar } from '../filters/FilterBar.js';
import { useI18n } from '../i18n/I18n.js';
import { isolated } from '../i18n/messages.js';
import { IncidentList } from '../incidents/IncidentList.js';
import {
  type Admin1Entry,
  type AppConfig,
  type CountryEntry,
  loadAdmin1Index,
  loadAppConfig,
  loadCountryIndex,
} from '../map/basemap.js';
import { MapView } from '../map/MapView.js';
import { markFilterChange } from '../perf.js';
import { DEFAULT_MAP_VIEW, type Filters, type MapView as MapViewState } from '../state/query.js';
import { Timeline } from '../timeline/Timeline.js';
import { Totals } from '../totals/Totals.js';
import { navigate } from './router.js';
import { useViewState } from './useViewState.js';

export function Explore() {
  const { t } = useI18n();
  const [state, setState] = useViewState();
  const { filters } = state;
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [countries, setCountries] = useState<CountryEntry[]>([]);
  const [admin1, setAdmin1] = useState<Admin1Entry[]>([]);
  const [points, setPoints] = useState<PointSet | null>(null);
  // The server's clusters for the first view, with the points key they are for.
  const [serverClusters, setServerClusters] = useState<{ key: string; clusters: MapClusters } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [credits, setCredits] = useState<string[]>([]);
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    void loadAppConfig().then(setConfig);
    // Imported datasets' credits (UCDP GED is CC BY 4.0: its rows may only be shown credited).
    api.get<{ items: string[] }>('/api/attributions').then(
      (r) => setCredits(r.items),
      () => setCredits([]),
    );
    void loadCountryIndex().then(setCountries);
    // The area filter lists ~4,300 admin-1 areas: creating and laying out that many <option>s
    // (a select is as wide as its widest one) held the page's thread for most of a second during
    // the first map render. They are loaded once the map is drawn, or after a while without a map.
    const loadAreas = () => {
      window.removeEventListener('vigil:map-drawn', loadAreas);
      clearTimeout(fallback);
      void loadAdmin1Index().then(setAdmin1);
    };
    const fallback = setTimeout(loadAreas, 10_000);
    window.addEventListener('vigil:map-drawn', loadAreas);
    return () => {
      window.removeEventListener('vigil:map-drawn', loadAreas);
      clearTimeout(fallback);
    };
  }, []);

  // The filters minus those the page applies itself: the point set only changes when one of these does.
  const key = pointsKey(filters);
  const gradings = filters.grading.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the values, not the arrays' identity
  const sel = useMemo(() => pointsSelection(filters), [filters.from, filters.to, gradings]);
  const selRef = useRef(sel);
  selRef.current = sel;
  useEffect(() => {
    let stale = false;
    const data = fetchMapData(key, selRef.current, stateRef.current.map?.zoom ?? DEFAULT_MAP_VIEW.zoom);
    void data.clusters?.then((clusters) => {
      if (!stale && clusters) setServerClusters({ key, clusters });
    });
    data.points
      .then((p) => {
        if (stale) return;
        setPoints(p);
        setError(null);
      })
      .catch((e: Error) => {
        if (!stale && e.name !== 'AbortError') setError(e.message);
      });
    return () => {
      stale = true;
    };
  }, [key]);

  const selected = useMemo(() => (points ? selectPoints(points, sel) : null), [points, sel]);
  const buckets = useMemo(
    () => (points ? bucketize(points, state.bin, sel.grades) : []),
    [points, state.bin, sel.grades],
  );
  // Until the page has its points, the server's clusters stand in while they still describe the
  // view: the same filters, and a selection of every grading and date (their totals are the map's).
  const early =
    serverClusters?.key === key && serverClustersApply(sel, state.map?.zoom ?? DEFAULT_MAP_VIEW.zoom)
      ? serverClusters.clusters
      : null;
  // The points failed to load and none are shown: the map and totals say so rather than "Loading…".
  const unavailable = error !== null && !points;
  const totals = useMemo(
    () => (points && selected ? totalsByGrade(points, selected) : null),
    [points, selected],
  );

  const setFilters = useCallback(
    (next: Filters) => {
      markFilterChange();
      setState({ ...stateRef.current, filters: next });
    },
    [setState],
  );
  const onViewChange = useCallback(
    (map: MapViewState) => setState({ ...stateRef.current, map }, { replace: true }),
    [setState],
  );
  const onOpenIncident = useCallback(
    (code: string) => navigate(`/incidents/${code}${window.location.search}`),
    [],
  );

  return (
    <div className="explore">
      <FilterBar filters={filters} countries={countries} admin1={admin1} onChange={setFilters} />
      {error && <p role="alert">{t('common.error', { message: error })}</p>}
      <div className="explore-grid">
        {config && (
          <MapView
            points={points}
            serverClusters={early}
            selection={sel}
            config={config}
            view={state.map}
            highlightAdmin1={filters.admin1}
            onViewChange={onViewChange}
            onOpenIncident={onOpenIncident}
            failed={unavailable}
          />
        )}
        <Totals totals={totals ?? early?.totals ?? null} failed={unavailable} />
      </div>
      {credits.length > 0 && (
        <p className="credits muted" data-testid="credits">
          {t('map.credits', { credits: credits.map(isolated).join('; ') })}
        </p>
      )}
      <Timeline
        buckets={buckets}
        loaded={points !== null}
        bin={state.bin}
        from={filters.from}
        to={filters.to}
        onBinChange={(bin) => setState({ ...stateRef.current, bin })}
        onBrush={(from, to) => setFilters({ ...stateRef.current.filters, from, to })}
      />
      <IncidentList
        filters={filters}
        sort={state.sort}
        onSort={(sort) => setState({ ...stateRef.current, sort })}
      />
    </div>
  );
}
