import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { RANGE_RULE_TEXT } from '../../domain/incident.js';
import { listIncidents } from '../../services/incidents.js';
import { statsBy } from '../../services/stats.js';
import { type GlobalOptions, withStore } from '../context.js';
import { incidentTable } from './incidents.js';
import { ingestPaths } from './ingest.js';
import { statsTable } from './stats.js';

/** examples/reports, found from the installed package (dist/cli/commands → repo root). */
export const EXAMPLES_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'examples',
  'reports',
);

export function register(program: Command): void {
  program
    .command('demo')
    .description('ingest the bundled example reports, then show the incidents and figures they give')
    .action(async (_flags: unknown, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalOptions>(), async (store) => {
        process.stdout.write(`Database: ${store.location}\nIngesting ${EXAMPLES_DIR}\n`);
        const s = await ingestPaths(store, [EXAMPLES_DIR], {
          progress: process.stderr.isTTY === true,
          actor: 'demo',
        });
        process.stdout.write(
          `${s.new} new, ${s.known} already known, ${s.failed.length} failed; ${s.claims} claims\n\n`,
        );
        for (const f of s.failed) process.stderr.write(`  failed: ${f.where}: ${f.why}\n`);
        const incidents = await listIncidents(store.db, { grading: 'all' });
        process.stdout.write(`Incidents\n${incidentTable(incidents)}\n\n`);
        const months = await statsBy(store.db, 'month', { grading: 'all' });
        process.stdout.write(
          `Civilian deaths by month (every incident; none graded yet)\n${statsTable('month', months)}\n`,
        );
        process.stdout.write(`${RANGE_RULE_TEXT}\n\n`);
        process.stdout.write(
          'Next: vigil show <code> (claims with their evidence), vigil stats --by belligerent --grading all,\n' +
            'vigil export --format geojson, vigil audit verify. `vigil --help` lists everything.\n',
        );
        if (s.failed.length > 0) process.exitCode = 1;
      });
    });
}
