/**
 * Geoparser throughput and gazetteer footprint. Prints figures only:
 *   node --import tsx bench/geoparse/run.ts [corpus.xml]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGeoCorpus } from '../../src/eval/geo-corpus.js';
import { createGeoparser } from '../../src/gazetteer/geoparser.js';
import { REPO_ROOT } from '../../src/gazetteer/index-format.js';
import { loadGazetteer } from '../../src/gazetteer/load.js';

const file = process.argv[2] ?? join(REPO_ROOT, '..', 'shared', 'data', 'geoparsing', 'lgl.xml');
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const g = loadGazetteer();
const loadMs = performance.now() - t0;
const rssLoaded = process.memoryUsage().rss;
const parser = createGeoparser(g);
const docs = parseGeoCorpus(readFileSync(file, 'utf8')).documents;
parser.parse(docs[0]?.text ?? '');
const t1 = performance.now();
let mentions = 0;
let chars = 0;
for (const d of docs) {
  mentions += parser.parse(d.text).length;
  chars += d.text.length;
}
const secs = (performance.now() - t1) / 1000;
const t2 = performance.now();
for (const d of docs) parser.resolve(d.text, d.toponyms);
const resolveSecs = (performance.now() - t2) / 1000;
const mb = (b: number): string => (b / 1e6).toFixed(0);
process.stdout.write(
  `${[
    `gazetteer load      ${loadMs.toFixed(0)} ms, ${g.size} names`,
    `rss                 ${mb(rss0)} MB before, ${mb(rssLoaded)} MB loaded, ${mb(process.memoryUsage().rss)} MB after parsing`,
    `parse (end to end)  ${docs.length} docs, ${(chars / docs.length).toFixed(0)} chars/doc, ${mentions} mentions, ${(docs.length / secs).toFixed(0)} docs/s`,
    `resolve (spans)     ${(docs.length / resolveSecs).toFixed(0)} docs/s`,
  ].join('\n')}\n`,
);
