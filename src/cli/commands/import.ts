import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { InputError } from '../../ingest/errors.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../ingest/importers/types.js';
import {
  DEFAULT_EMBEDDED_IMPORT_BATCH,
  DEFAULT_IMPORT_BATCH,
  DEFAULT_ROWS_PER_COMMIT,
  type ImportSummary,
  importFile,
} from '../../services/import.js';
import { type GlobalOptions, withStore } from '../context.js';
import { checkInputFile } from '../input-file.js';
import { wholeNumber } from '../numbers.js';
import { counted } from '../output.js';

export function register(program: Command): void {
  program
    .command('import')
    .description('import a dataset CSV (UCDP GED, ACLED export, Airwars-style incidents) as incidents')
    .requiredOption('--format <format>', IMPORT_FORMATS.join('|'))
    .argument('<file>', 'the CSV file')
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress bar')
    .option(
      '--batch <rows>',
      `rows written together (default ${DEFAULT_EMBEDDED_IMPORT_BATCH.toLocaleString('en')} on the embedded ` +
        `database, which commits every ${DEFAULT_ROWS_PER_COMMIT.toLocaleString('en')} rows; ` +
        `${DEFAULT_IMPORT_BATCH.toLocaleString('en')} on PostgreSQL, each batch a transaction)`,
      wholeNumber(1),
    )
    .action(
      async (
        file: string,
        opts: { format: string; json?: boolean; progress: boolean; batch?: number },
        cmd: Command,
      ) => {
        if (!(IMPORT_FORMATS as readonly string[]).includes(opts.format))
          throw new Error(`--format must be one of ${IMPORT_FORMATS.join(', ')}, got "${opts.format}"`);
        await checkInputFile(file);
        const bar =
          opts.progress && process.stderr.isTTY
            ? new SingleBar({
                format: `import ${basename(file)} [{bar}] {percentage}% {rows} rows`,
                hideCursor: true,
              })
            : null;
        bar?.start(100, 0, { rows: 0 });
        let summary: ImportSummary;
        try {
          summary = await withStore(cmd.optsWithGlobals<GlobalOptions>(), (store) =>
            importFile(store, {
              format: opts.format as ImportFormat,
              path: file,
              actor: 'cli',
              batchSize: opts.batch,
              onProgress: (p) =>
                bar?.update(p.totalBytes ? Math.round((100 * p.bytes) / p.totalBytes) : 0, { rows: p.rows }),
            }),
          );
        } catch (err) {
          // Say where: a refused header is line 1 of the file.
          if (err instanceof InputError) throw new Error(`${err.where}: ${err.message}`);
          throw err;
        } finally {
          bar?.stop();
        }
        if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
        else process.stdout.write(formatSummary(summary));
        if (summary.failed > 0) process.exitCode = 1;
      },
    );
}

export function formatSummary(s: ImportSummary): string {
  const lines = [
    `${s.file}: ${counted(s.rows, 'row')} — ${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed` +
      ` (${s.seconds.toFixed(1)} s, ${s.rowsPerSecond} rows/s)`,
  ];
  for (const e of s.errors) lines.push(`  error ${e.where}: ${e.message}`);
  if (s.failed > s.errors.length) lines.push(`  … and ${counted(s.failed - s.errors.length, 'more error')}`);
  if (s.warningCount > 0) {
    lines.push(`${counted(s.warningCount, 'warning')} (rows imported as coded):`);
    for (const w of s.warnings.slice(0, 10)) lines.push(`  ${w.where}: ${w.message}`);
    if (s.warningCount > 10) lines.push(`  … and ${s.warningCount - 10} more (--json lists them)`);
  }
  if (s.unmappedActors.length > 0)
    lines.push(
      `Actors with no belligerent code (kept verbatim): ${s.unmappedActors
        .slice(0, 10)
        .map((a) => `${a.name} (${a.rows})`)
        .join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}
