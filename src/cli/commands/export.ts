import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { EXPORT_FORMATS, type ExportFormat, exportIncidents } from '../../services/export.js';
import { type GlobalOptions, withStore } from '../context.js';
import { addFilterOptions, type FilterFlags, filterFromFlags } from '../filter-options.js';

export function register(program: Command): void {
  addFilterOptions(
    program
      .command('export')
      .description('stream incidents as CSV, GeoJSON (RFC 7946), JSONL, or ACLED- or UCDP-format CSV'),
    'all',
  )
    .requiredOption('--format <format>', EXPORT_FORMATS.join('|'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (flags: FilterFlags & { format: string; output?: string }, cmd: Command) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(flags.format))
        throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${flags.format}"`);
      const filter = filterFromFlags(flags, 'all');
      const out = flags.output ? createWriteStream(flags.output) : process.stdout;
      await withStore(cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        for await (const chunk of exportIncidents(s.db, flags.format as ExportFormat, filter)) {
          if (!out.write(chunk)) await once(out, 'drain');
        }
      });
      if (flags.output) {
        out.end();
        await once(out, 'finish');
      }
    });
}
