import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseGeoCorpus } from '../../eval/geo-corpus.js';
import { evaluateGeoparser, type GeoEvalMode, type GeoEvalResult } from '../../eval/geo-run.js';
import { createGeoparser } from '../../gazetteer/geoparser.js';
import { loadGazetteer } from '../../gazetteer/load.js';

export function formatGeoEval(file: string, r: GeoEvalResult, misaligned: number): string {
  const s = r.resolution;
  const rows: [string, string][] = [
    ['corpus', file],
    ['mode', r.mode],
    ['documents', String(r.documents)],
    ['toponyms scored', String(s.n)],
  ];
  if (r.mode === 'resolution') rows.push(['unresolved', String(r.unresolved)]);
  if (misaligned > 0) rows.push(['gold skipped (offsets off)', String(misaligned)]);
  if (r.spans) {
    rows.push(
      ['gold spans', String(r.spans.gold)],
      ['predicted spans', String(r.spans.predicted)],
      ['span precision', `${(100 * r.spans.precision).toFixed(1)}%`],
      ['span recall', `${(100 * r.spans.recall).toFixed(1)}%`],
      ['span F1', `${(100 * r.spans.f1).toFixed(1)}%`],
    );
  }
  rows.push(
    ['Accuracy@161km', `${(100 * s.acc161).toFixed(1)}%`],
    ['AUC', s.auc.toFixed(3)],
    ['mean error km', s.meanKm.toFixed(0)],
    ['median error km', s.medianKm.toFixed(1)],
  );
  const w = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`);
  const f1 = r.spans ? `  f1 ${(100 * r.spans.f1).toFixed(1)}` : '';
  lines.push(
    `acc161 ${(100 * s.acc161).toFixed(1)}  auc ${s.auc.toFixed(3)}  mean-km ${s.meanKm.toFixed(0)}  median-km ${s.medianKm.toFixed(1)}${f1}`,
  );
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  program
    .command('eval-geo')
    .description('score the geoparser on a geoparsing corpus (LGL, TR-News, GeoVirus or GWN XML)')
    .argument('<file>', 'corpus XML file')
    .option('--mode <mode>', 'resolution (gold spans given) or end-to-end', 'resolution')
    .action((file: string, flags: { mode: string }) => {
      if (flags.mode !== 'resolution' && flags.mode !== 'end-to-end') {
        throw new Error(`--mode must be resolution or end-to-end, not "${flags.mode}"`);
      }
      let xml: string;
      try {
        xml = readFileSync(file, 'utf8');
      } catch (err) {
        throw new Error(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const corpus = parseGeoCorpus(xml);
      const parser = createGeoparser(loadGazetteer());
      const result = evaluateGeoparser(parser, corpus, flags.mode as GeoEvalMode);
      process.stdout.write(formatGeoEval(file, result, corpus.misaligned));
    });
}
