import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { bucketize, type PointSet, selectByDate, toPointSet, totalsByGrade } from '../data/points.js';
import { fetchPoints } from '../data/prefetch.js';
import { FilterBar } from '../filters/FilterBar.js';
import { useI18n } from '../i18n/I18n.js';
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
import { mark, markFilterChange } from '../perf.js';
import { apiQuery, type Filters, type MapView as MapViewState } from '../state/query.js';
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
  const [error, setError] = useState<string | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    void loadAppConfig().then(setConfig);
    void loadCountryIndex().then(setCountries);
    void loadAdmin1Index().then(setAdmin1);
  }, []);

  // The filters minus the date range: the point set only changes when one of these does.
  const key = apiQuery(filters, { withDates: false }).toString();
  useEffect(() => {
    const ctrl = new AbortController();
    fetchPoints(key, ctrl.signal)
      .then((p) => {
        if (ctrl.signal.aborted) return;
        mark('points-received');
        setPoints(toPointSet(p));
        mark('points-decoded');
        setError(null);
      })
      .catch((e: Error) => {
        if (!ctrl.signal.aborted) setError(e.message);
      });
    return () => ctrl.abort();
  }, [key]);

  const selected = useMemo(
    () => (points ? selectByDate(points, filters.from, filters.to) : null),
    [points, filters.from, filters.to],
  );
  const buckets = useMemo(() => (points ? bucketize(points, state.bin) : []), [points, state.bin]);
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
            selected={selected}
            config={config}
            view={state.map}
            highlightAdmin1={filters.admin1}
            onViewChange={onViewChange}
            onOpenIncident={onOpenIncident}
          />
        )}
        <Totals totals={totals} />
      </div>
      <Timeline
        buckets={buckets}
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
