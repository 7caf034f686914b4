/**
 * Scores the geoparser on all four corpora in one process, both settings, one line each:
 *   node --import tsx bench/geoparse/all.ts [resolution|end-to-end|both]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGeoCorpus } from '../../src/eval/geo-corpus.js';
import { evaluateGeoparser, type GeoEvalMode } from '../../src/eval/geo-run.js';
import { createGeoparser } from '../../src/gazetteer/geoparser.js';
import { REPO_ROOT } from '../../src/gazetteer/index-format.js';
import { loadGazetteer } from '../../src/gazetteer/load.js';

const dir = join(REPO_ROOT, '..', 'shared', 'data', 'geoparsing');
const which = process.argv[2] ?? 'resolution';
const modes: GeoEvalMode[] = which === 'both' ? ['resolution', 'end-to-end'] : [which as GeoEvalMode];
const parser = createGeoparser(loadGazetteer());
for (const file of ['lgl.xml', 'TR-News.xml', 'GWN.xml', 'GeoVirus.xml']) {
  const corpus = parseGeoCorpus(readFileSync(join(dir, file), 'utf8'));
  for (const mode of modes) {
    const r = evaluateGeoparser(parser, corpus, mode);
    const s = r.resolution;
    const f1 = r.spans
      ? `  P ${(100 * r.spans.precision).toFixed(1)} R ${(100 * r.spans.recall).toFixed(1)} F1 ${(100 * r.spans.f1).toFixed(1)}`
      : '';
    process.stdout.write(
      `${file.padEnd(13)} ${mode.padEnd(10)} acc161 ${(100 * s.acc161).toFixed(1)}  auc ${s.auc.toFixed(3)}  mean ${s.meanKm.toFixed(0)}  median ${s.medianKm.toFixed(1)}${f1}\n`,
    );
  }
}
