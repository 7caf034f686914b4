import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { RANGE_RULE_TEXT } from '../../domain/incident.js';
import { createUser, findUserByName, setPassword } from '../../services/accounts.js';
import { listIncidents } from '../../services/incidents.js';
import { statsBy } from '../../services/stats.js';
import { type GlobalOptions, withStore } from '../context.js';
import { wholeNumber } from '../numbers.js';
import { counted } from '../output.js';
import { incidentTable } from './incidents.js';
import { ingestPaths } from './ingest.js';
import { serveUntilStopped } from './serve.js';
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

export const DEMO_USER = 'demo';

export function register(program: Command): void {
  program
    .command('demo')
    .description(
      'ingest the bundled example reports, show the incidents and figures they give, then serve the web app',
    )
    .option('--port <n>', 'TCP port for the web app', wholeNumber(0, 65535), 8080)
    .option('--no-serve', 'stop after printing the figures')
    .action(async (flags: { port: number; serve: boolean }, cmd: Command) => {
      const opts = cmd.optsWithGlobals<GlobalOptions>();
      await withStore(opts, async (store) => {
        process.stdout.write(`Database: ${store.location}\nIngesting ${EXAMPLES_DIR}\n`);
        const s = await ingestPaths(store, [EXAMPLES_DIR], {
          progress: process.stderr.isTTY === true,
          actor: 'demo',
        });
        process.stdout.write(
          `${s.new} new, ${s.known} already known, ${s.failed.length} failed; ${counted(s.claims, 'claim')}\n\n`,
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
        if (!flags.serve) return;
        // A fresh password each run: the demo account exists to try the analyst views, nothing more.
        const password = randomBytes(9).toString('base64url');
        if (await findUserByName(store.db, DEMO_USER))
          await setPassword(store.db, DEMO_USER, password, 'demo');
        else await createUser(store.db, { name: DEMO_USER, role: 'analyst', password }, 'demo');
        await serveUntilStopped(
          store,
          opts,
          { port: flags.port, host: '127.0.0.1', worker: true, concurrency: 1 },
          (address) =>
            process.stdout.write(
              `\nVigil is running at ${address}/  (Ctrl-C to stop)\n` +
                `Sign in as "${DEMO_USER}" with password ${password} to review, grade and publish incidents\n` +
                '(until an analyst publishes one, the public view shows none).\n',
            ),
        );
      });
    });
}
