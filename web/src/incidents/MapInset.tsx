import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { baseStyle, loadAppConfig } from '../map/basemap.js';
import { maplibregl } from '../map/maplibre.js';

/** A small, static locator map for one incident. */
export function MapInset({
  lat,
  lon,
  precision,
}: {
  lat: number | null;
  lon: number | null;
  /** How closely the position is known: a pin for a country-wide record is not a place. */
  precision: string | null;
}) {
  const { t, fixed, code } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current || lat === null || lon === null) return;
    const el = ref.current;
    let map: maplibregl.Map | null = null;
    let gone = false;
    void loadAppConfig().then((config) => {
      if (gone) return;
      map = new maplibregl.Map({
        container: el,
        style: baseStyle(config),
        center: [lon, lat],
        zoom: 6,
        interactive: false,
        attributionControl: false,
      });
      map.addControl(new maplibregl.AttributionControl({ compact: true }));
      new maplibregl.Marker({ color: '#b3261e' }).setLngLat([lon, lat]).addTo(map);
    });
    return () => {
      gone = true;
      map?.remove();
    };
  }, [lat, lon]);
  if (lat === null || lon === null) return null;
  return (
    <figure className="inset">
      <div ref={ref} className="inset-map" />
      <figcaption className="muted" data-testid="inset-caption">
        {precision
          ? t('incident.mapInsetPrecision', { precision: code('geo', precision) })
          : t('incident.mapInset')}
        :{' '}
        <span dir="ltr">
          {fixed(lat, 3)}, {fixed(lon, 3)}
        </span>
      </figcaption>
    </figure>
  );
}
