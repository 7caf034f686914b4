import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { EXPORT_FORMATS, type ExportFormat, exportIncidents } from '../../services/export.js';
import { type GlobalOptions, withExistingStore } from '../context.js';
import { addFilterOptions, type FilterFlags, filterFromFlags } from '../filter-options.js';

export function register(program: Command): void {
  addFilterOptions(
    program
      .command('export')
      .description('stream incidents as CSV, GeoJSON (RFC 7946), JSONL, or ACLED- or UCDP-format CSV'),
    'all',
  )
    .requiredOption('--format <format>', EXPORT_FORMATS.join('|'))
    .option(
      '-o, --output <file>',
      'write to a file instead of stdout (replaced only once the export is complete)',
    )
    .action(async (flags: FilterFlags & { format: string; output?: string }, cmd: Command) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(flags.format))
        throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${flags.format}"`);
      const filter = filterFromFlags(flags, 'all');
      // A file is written beside the output and renamed over it at the end: an export that fails
      // leaves a previous file of that name as it was, not truncated or half written.
      if (flags.output) await checkOutput(flags.output);
      const partial = flags.output ? `${flags.output}.${process.pid}.partial` : null;
      const out = partial ? createWriteStream(partial) : process.stdout;
      try {
        if (partial)
          await once(out, 'open').catch((err: NodeJS.ErrnoException) => {
            throw new Error(`-o ${flags.output}: cannot write there (${err.code ?? err.message})`);
          });
        await withExistingStore(cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
          for await (const chunk of exportIncidents(s.db, flags.format as ExportFormat, filter)) {
            if (!out.write(chunk)) await once(out, 'drain');
          }
        });
        if (partial && flags.output) {
          out.end();
          await once(out, 'finish');
          await rename(partial, flags.output);
        }
      } catch (err) {
        if (partial) {
          out.destroy();
          await rm(partial, { force: true });
        }
        throw err;
      }
    });
}

/** -o names a file in a directory that exists, not a directory: said before anything is written. */
async function checkOutput(path: string): Promise<void> {
  const at = await stat(path).catch(() => null);
  if (at?.isDirectory()) throw new Error(`-o ${path}: is a directory; name a file`);
  const dir = await stat(dirname(path)).catch(() => null);
  if (!dir?.isDirectory()) throw new Error(`-o ${path}: no such directory ${dirname(path)}`);
}
