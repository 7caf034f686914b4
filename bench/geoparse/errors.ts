/**
 * Lists the resolution errors (> 161 km) on a corpus, counted by cause and then by name, for tuning:
 *   node --import tsx bench/geoparse/errors.ts ../shared/data/geoparsing/lgl.xml [limit]
 * With `each` for the limit, prints one line per error instead ("d12 @340 Name -> pick [cause]"), so
 * that two runs can be compared with diff to see which mentions a change fixed or broke.
 * Causes: `unresolved` (no point at all); `inferred` (the gazetteer lacks the name, the point
 * came from a place named inside or near it); `wrong candidate` (some reading of the name lies
 * within 161 km of the gold, another was chosen); `no candidate` (no reading of the name lies
 * within 161 km: a missing place, or a point convention that differs from the gold's), by the
 * kind of entry chosen.
 */
import { readFileSync } from 'node:fs';
import { parseGeoCorpus } from '../../src/eval/geo-corpus.js';
import { errorKm } from '../../src/eval/geo-score.js';
import { createGeoparser } from '../../src/gazetteer/geoparser.js';
import { loadGazetteer } from '../../src/gazetteer/load.js';
import { haversineKm } from '../../src/gazetteer/relative.js';
import type { PlaceMention } from '../../src/gazetteer/types.js';

const file = process.argv[2] ?? '../shared/data/geoparsing/lgl.xml';
const each = process.argv[3] === 'each';
const limit = each ? 0 : Number(process.argv[3] ?? 60);
const corpus = parseGeoCorpus(readFileSync(file, 'utf8'));
const gazetteer = loadGazetteer();
const parser = createGeoparser(gazetteer);

function causeOf(name: string, lat: number, lon: number, m: PlaceMention | undefined): string {
  const e = m?.entry;
  if (!m || !e) return 'unresolved';
  if (m.inferred) return 'inferred';
  const readings = [...gazetteer.lookup(name), ...gazetteer.demonym(name)];
  if (readings.some((r) => haversineKm(r.lat, r.lon, lat, lon) <= 161)) return `wrong candidate (${e.kind})`;
  return `no candidate (${e.kind}/${e.featureCode})`;
}

const byName = new Map<string, { n: number; km: number; example: string }>();
const byCause = new Map<string, number>();
let total = 0;
const lines: string[] = [];
for (const [d, doc] of corpus.documents.entries()) {
  const targets = doc.toponyms.filter((t) => t.lat !== null && t.lon !== null) as {
    start: number;
    end: number;
    name: string;
    lat: number;
    lon: number;
  }[];
  const mentions = parser.resolve(doc.text, targets);
  targets.forEach((t, i) => {
    total++;
    const m = mentions[i];
    const km = errorKm(t, m ?? null);
    if (km <= 161) return;
    const cause = causeOf(t.name, t.lat, t.lon, m);
    byCause.set(cause, (byCause.get(cause) ?? 0) + 1);
    const e = m?.entry;
    const pick = e ? `${e.name}/${e.country}/${e.featureCode}` : 'none';
    lines.push(`d${d} @${t.start} ${t.name} -> ${pick} [${cause}]`);
    const key = t.name;
    const prev = byName.get(key) ?? { n: 0, km: 0, example: '' };
    prev.n++;
    prev.km += km;
    prev.example = `gold ${t.lat.toFixed(2)},${t.lon.toFixed(2)} got ${e ? `${e.name}/${e.country}/${e.featureCode}/${e.lat.toFixed(2)},${e.lon.toFixed(2)}` : 'none'} ${km.toFixed(0)}km  [${cause}]`;
    byName.set(key, prev);
  });
}
if (each) {
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(0);
}
const errors = [...byCause.values()].reduce((a, b) => a + b, 0);
process.stdout.write(`${errors} of ${total} gold toponyms beyond 161 km, by cause:\n`);
for (const [cause, n] of [...byCause].sort((a, b) => b[1] - a[1]))
  process.stdout.write(`${String(n).padStart(5)}  ${cause}\n`);
process.stdout.write('\nby name:\n');
const rows = [...byName].sort((a, b) => b[1].n - a[1].n).slice(0, limit);
for (const [name, r] of rows)
  process.stdout.write(`${String(r.n).padStart(4)}  ${name.padEnd(24)} ${r.example}\n`);
