import type { GeoPrecision } from '../domain/codes.js';
import type { Geoparser, PlaceMention, PlaceSpan } from '../gazetteer/types.js';

export interface FakePlace {
  lat: number;
  lon: number;
  country: string;
  admin1?: string;
  precision?: GeoPrecision;
}

/**
 * A geoparser over a fixed name list, for tests: finds each name wherever it occurs
 * as a whole word. The real one lives in src/gazetteer.
 */
export function fakeGeoparser(places: Record<string, FakePlace>): Geoparser {
  const names = Object.keys(places).sort((a, b) => b.length - a.length);
  return {
    parse(text: string): PlaceMention[] {
      const out: PlaceMention[] = [];
      const taken: boolean[] = [];
      for (const name of names) {
        const p = places[name] as FakePlace;
        const re = new RegExp(
          `(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`,
          'gu',
        );
        for (const m of text.matchAll(re)) {
          if (taken[m.index]) continue;
          for (let i = m.index; i < m.index + m[0].length; i++) taken[i] = true;
          out.push({
            start: m.index,
            end: m.index + m[0].length,
            name: m[0],
            entry: {
              id: `fake:${name}`,
              name,
              lat: p.lat,
              lon: p.lon,
              kind:
                p.precision === 'country' ? 'country' : p.precision === 'province' ? 'admin1' : 'populated',
              featureCode: 'PPL',
              country: p.country,
              admin1: p.admin1 ?? null,
              population: 0,
            },
            lat: p.lat,
            lon: p.lon,
            precision: p.precision ?? 'town',
          });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
    resolve(text: string, spans: PlaceSpan[]): PlaceMention[] {
      const found = this.parse(text);
      return spans.flatMap((s) => found.filter((m) => m.start === s.start && m.end === s.end));
    },
  };
}
