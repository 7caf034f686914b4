import { extname } from 'node:path';
import { SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { countReports, listInputs, readInputs } from '../../ingest/collect.js';
import type { InputError } from '../../ingest/errors.js';
import { countryField, publishedDate } from '../../ingest/fields.js';
import { ingestReport } from '../../services/ingest.js';
import { defaultExtractionContext, defaultExtractor } from '../../services/pipeline.js';
import { type GlobalOptions, withStore } from '../context.js';
import { counted } from '../output.js';

export interface IngestSummary {
  new: number;
  /** Reports stored before with no date or claim, dated now (--published) and their claims extracted. */
  dated: number;
  known: number;
  failed: { where: string; why: string }[];
  claims: number;
  /** Reports stored with no publication date that gave no claim (IngestOutcome's `undated`). */
  undated: string[];
  /** Files of other types in the directories given, passed over. */
  skipped: string[];
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
    .option(
      '--published <date>',
      'publication date (YYYY-MM-DD) of reports that give none: the day their "on 3 March" or "on Sunday" is read from',
      publishedOption,
    )
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress bar')
    .action(
      async (
        paths: string[],
        opts: { json?: boolean; progress: boolean; country?: string; published?: string },
        cmd: Command,
      ) => {
        const summary = await withStore(cmd.optsWithGlobals<GlobalOptions>(), (store) =>
          ingestPaths(store, paths, {
            progress: opts.progress && process.stderr.isTTY === true,
            country: opts.country ?? null,
            published: opts.published ?? null,
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

/** --published's value, refused (naming the option) unless it is a real day, YYYY-MM-DD. */
function publishedOption(value: string): string {
  try {
    return publishedDate(value, { origin: '--published' }) ?? value;
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

export async function ingestPaths(
  store: Parameters<typeof ingestReport>[0]['store'],
  paths: string[],
  options: { progress: boolean; actor?: string; country?: string | null; published?: string | null },
): Promise<IngestSummary> {
  const summary: IngestSummary = {
    new: 0,
    dated: 0,
    known: 0,
    failed: [],
    claims: 0,
    undated: [],
    skipped: [],
  };
  const fail = (e: InputError) => summary.failed.push({ where: e.where, why: e.message });
  const { files, errors, skipped } = await listInputs(paths);
  errors.forEach(fail);
  summary.skipped = skipped;
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
        item.report.published ??= options.published ?? null;
        const outcome = await ingestReport(deps, item.report);
        if (outcome.status === 'new') {
          summary.new++;
          summary.claims += outcome.claims;
          if (outcome.undated) summary.undated.push(outcome.origin);
        } else if (outcome.status === 'dated') {
          summary.dated++;
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
    `${s.new} new, ${s.dated > 0 ? `${s.dated} dated now, ` : ''}${s.known} already known, ` +
      `${s.failed.length} failed; ${counted(s.claims, 'claim')} extracted\n`,
  );
  for (const f of s.failed) process.stderr.write(`  failed: ${f.where}: ${f.why}\n`);
  if (s.undated.length > 0)
    process.stderr.write(
      `  ${counted(s.undated.length, 'report')} with no publication date gave no claim. An event such a report\n` +
        '  dates without a year ("on 3 March", "on Sunday"), or not at all, cannot be placed in time: give the\n' +
        '  date with --published YYYY-MM-DD (the same file ingested again with it is dated then) or a\n' +
        `  "published:" front matter line:\n${listed(s.undated)}`,
    );
  if (s.skipped.length > 0) {
    const types = [...new Set(s.skipped.map((f) => extname(f).toLowerCase() || '(none)'))].join(' ');
    process.stderr.write(
      `  passed over ${counted(s.skipped.length, 'file')} of another type (${types}) in the directories given:\n` +
        listed(s.skipped),
    );
  }
}

/** Files the summary names, one a line; --json gives them all. */
function listed(files: readonly string[], shown = 10): string {
  const more = files.length - shown;
  return (
    files
      .slice(0, shown)
      .map((f) => `    ${f}\n`)
      .join('') + (more > 0 ? `    and ${more} more (--json lists them all)\n` : '')
  );
}
