#!/usr/bin/env node
import { Command } from 'commander';
import { InputError } from '../ingest/errors.js';
import { commands } from './commands/index.js';

export function buildProgram(): Command {
  const program = new Command('vigil')
    .description('Vigil: from reports of attacks to graded, sourced incidents with honest casualty ranges.')
    .option(
      '--db <path>',
      'embedded database file (default: $VIGIL_DB, else vigil.db in the user data directory)',
    )
    .option('--database <url>', 'PostgreSQL server database, postgres://… (default: $VIGIL_DATABASE_URL)')
    .enablePositionalOptions()
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}

// `vigil export … | head`: once the reader has gone, the rest of the output has nowhere to go. Stop
// quietly, as other command-line tools do, instead of a stack trace from an unhandled 'error' event.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    // An input error says where (file:line (field)); a feeds file's "feeds[2].url", for one.
    const message =
      err instanceof InputError
        ? `${err.where}: ${err.message}`
        : err instanceof Error
          ? err.message
          : String(err);
    process.stderr.write(`vigil: ${message}\n`);
    process.exitCode = 1;
  });
