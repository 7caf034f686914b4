import { SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { countReports, listInputs, readInputs } from '../../ingest/collect.js';
import type { InputError } from '../../ingest/errors.js';
import { countryField } from '../../ingest/fields.js';
import { ingestReport } from '../../services/ingest.js';
import { defaultExtractionContext, defaultExtractor } from '../../services/pipeline.js';
import { type GlobalOptions, withStore } from '../context.js';
import { counted } from '../output.js';

export interface IngestSummary {
  new: number;
  known: number;
  failed: { where: string; why: string }[];
  claims: number;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description(
      'archive reports (.txt .md .html .jsonl, directories, - for stdin), extract claims, form incidents',
    )
    .argument('<paths...>', 'files or directories; - reads stdin')
    .option(
      '--country <code>',
      'ISO 3166-1 alpha-2 (SY, IQ) the reports are about, for those that give none: places their text names without a country are read there',
      countryOption,
    )
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress bar')
    .action(
      async (
        paths: string[],
        opts: { json?: boolean; progress: boolean; country?: string },
        cmd: Command,
      ) => {
        const summary = await withStore(cmd.optsWithGlobals<GlobalOptions>(), (store) =>
          ingestPaths(store, paths, {
            progress: opts.progress && process.stderr.isTTY === true,
            country: opts.country ?? null,
          }),
        );
        if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
        else printSummary(summary);
        if (summary.failed.length > 0) process.exitCode = 1;
      },
    );
}

/** --country's value, refused (naming the option) unless it is a country's ISO alpha-2 code. */
function countryOption(value: string): string {
  try {
    return countryField(value, { origin: '--country' }) ?? value;
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

export async function ingestPaths(
  store: Parameters<typeof ingestReport>[0]['store'],
  paths: string[],
  options: { progress: boolean; actor?: string; country?: string | null },
): Promise<IngestSummary> {
  const summary: IngestSummary = { new: 0, known: 0, failed: [], claims: 0 };
  const fail = (e: InputError) => summary.failed.push({ where: e.where, why: e.message });
  const { files, errors } = await listInputs(paths);
  errors.forEach(fail);
  let total = 0;
  if (options.progress) for (const f of files) total += await countReports(f);
  const bar =
    options.progress && total > 1
      ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true })
      : null;
  bar?.start(total, 0, { file: '' });
  const deps = {
    store,
    extract: defaultExtractor,
    context: defaultExtractionContext,
    actor: options.actor ?? 'cli',
  };
  try {
    for (const file of files) {
      for await (const item of readInputs(file)) {
        bar?.increment({ file: file.length > 40 ? `…${file.slice(-39)}` : file });
        if (!item.ok) {
          fail(item.error);
          continue;
        }
        item.report.country ??= options.country ?? null;
        const outcome = await ingestReport(deps, item.report);
        if (outcome.status === 'new') {
          summary.new++;
          summary.claims += outcome.claims;
        } else summary.known++;
      }
    }
  } finally {
    bar?.stop();
  }
  return summary;
}

function printSummary(s: IngestSummary): void {
  process.stdout.write(
    `${s.new} new, ${s.known} already known, ${s.failed.length} failed; ${counted(s.claims, 'claim')} extracted\n`,
  );
  for (const f of s.failed) process.stderr.write(`  failed: ${f.where}: ${f.why}\n`);
}
