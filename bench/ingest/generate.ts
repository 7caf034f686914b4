/**
 * Synthetic reports for benchmarks and load tests: varied English wording over a small
 * grid of places, dates, tolls and belligerents. Deterministic for a given seed.
 */
import { seededRandom } from '../../test/support/random.js';

export interface GeneratedReport {
  id: string;
  published: string;
  language: string;
  source: { name: string; kind: string };
  title: string;
  text: string;
}

const PLACES = [
  'Raqqa',
  'Idlib',
  'Aleppo',
  'Mosul',
  'Douma',
  'Tabqa',
  'Manbij',
  'Palmyra',
  'Deir ez-Zor',
  'Hama',
];
const ACTORS = [
  'US-led coalition aircraft',
  'Russian warplanes',
  'Syrian government forces',
  'Turkish artillery',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SOURCES = ['Wire Service', 'Local Network', 'Monitoring Group', 'Regional Daily'];

export function generateReports(n: number, seed = 1): GeneratedReport[] {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out: GeneratedReport[] = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(
      Date.UTC(2016 + Math.floor(r() * 4), Math.floor(r() * 12), 1 + Math.floor(r() * 28)),
    );
    const published = day.toISOString().slice(0, 10);
    const place = pick(PLACES);
    const actor = pick(ACTORS);
    const killed = 1 + Math.floor(r() * 60);
    const injured = Math.floor(r() * 80);
    const wd = pick(WEEKDAYS);
    const hedge = r() < 0.3 ? 'allegedly ' : '';
    const text = [
      `${actor} ${hedge}struck a residential area of ${place} on ${wd}, killing at least ${killed} civilians and injuring ${injured} others, local sources said.`,
      `Report ${i}: rescue workers were still searching the rubble, and a hospital in the area said it had received dozens of wounded.`,
      r() < 0.5
        ? `Residents said it was the ${pick(['second', 'third', 'fourth'])} attack on the town this month.`
        : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    out.push({
      id: `gen-${seed}-${i}`,
      published,
      language: 'en',
      source: { name: pick(SOURCES), kind: pick(['news', 'local', 'ngo']) },
      title: `Strike on ${place}`,
      text,
    });
  }
  return out;
}
