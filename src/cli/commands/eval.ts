import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatEvalTable } from '../../eval/format.js';
import { writePredictionsLine } from '../../eval/predictions.js';
import { evaluateCorpus } from '../../services/evaluate.js';
import { defaultExtractionContext, defaultExtractor } from '../../services/pipeline.js';
import { checkInputFile } from '../input-file.js';

export function register(program: Command): void {
  program
    .command('eval')
    .description(
      'run the whole pipeline on a labelled corpus (../shared/eval format) in a scratch database and score it',
    )
    .argument('<file>', 'corpus .jsonl; a sibling <name>-incidents.json adds the incident-range check')
    .option('--predictions <out>', 'also write per report {id, claims:[...]} in the gold claim shape')
    .option('--keep-db <path>', 'keep the scratch database at this path (for inspection with --db)')
    .action(async (file: string, flags: { predictions?: string; keepDb?: string }) => {
      await checkInputFile(file);
      const run = await evaluateCorpus(
        file,
        { extract: defaultExtractor, context: defaultExtractionContext, actor: 'eval' },
        { keepDb: flags.keepDb },
      );
      if (flags.predictions)
        await writeFile(
          flags.predictions,
          run.predictions.map((p) => writePredictionsLine(p.id, p.claims)).join(''),
        );
      process.stdout.write(`${formatEvalTable(run.result)}\n`);
    });
}
