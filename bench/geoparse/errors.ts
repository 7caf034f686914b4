/**
 * Lists the most frequent resolution errors (> 161 km) on a corpus, for tuning:
 *   node --import tsx bench/geoparse/errors.ts ../shared/data/geoparsing/lgl.xml [limit]
 */
import { readFileSync } from 'node:fs';
import { parseGeoCorpus } from '../../src/eval/geo-corpus.js';
import { errorKm } from '../../src/eval/geo-score.js';
import { createGeoparser } from '../../src/gazetteer/geoparser.js';
import { loadGazetteer } from '../../src/gazetteer/load.js';

const file = process.argv[2] ?? '../shared/data/geoparsing/lgl.xml';
const limit = Number(process.argv[3] ?? 60);
const corpus = parseGeoCorpus(readFileSync(file, 'utf8'));
const parser = createGeoparser(loadGazetteer());
const byName = new Map<string, { n: number; km: number; example: string }>();
for (const doc of corpus.documents) {
  const targets = doc.toponyms.filter((t) => t.lat !== null && t.lon !== null) as {
    start: number;
    end: number;
    name: string;
    lat: number;
    lon: number;
  }[];
  const mentions = parser.resolve(doc.text, targets);
  targets.forEach((t, i) => {
    const m = mentions[i];
    const km = errorKm(t, m ?? null);
    if (km <= 161) return;
    const e = m?.entry;
    const key = t.name;
    const prev = byName.get(key) ?? { n: 0, km: 0, example: '' };
    prev.n++;
    prev.km += km;
    prev.example = `gold ${t.lat.toFixed(2)},${t.lon.toFixed(2)} got ${e ? `${e.name}/${e.country}/${e.featureCode}/${e.lat.toFixed(2)},${e.lon.toFixed(2)}` : 'none'} ${km.toFixed(0)}km`;
    byName.set(key, prev);
  });
}
const rows = [...byName].sort((a, b) => b[1].n - a[1].n).slice(0, limit);
for (const [name, r] of rows)
  process.stdout.write(`${String(r.n).padStart(4)}  ${name.padEnd(24)} ${r.example}\n`);
