import type { Command } from 'commander';
import { verifyAudit } from '../../store/audit.js';
import { type GlobalOptions, withExistingStore } from '../context.js';
import { counted } from '../output.js';

export function register(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit trail');
  audit
    .command('verify')
    .description(
      'recompute the hash chain; name every entry changed, removed or reordered behind Vigil’s back',
    )
    .action(async (_flags: unknown, cmd: Command) => {
      const result = await withExistingStore(cmd.optsWithGlobals<GlobalOptions>(), (s) => verifyAudit(s.db));
      if (result.problems.length === 0) {
        process.stdout.write(
          `audit log intact: ${counted(result.entries, 'entry', 'entries')}, hash chain verified\n`,
        );
        return;
      }
      for (const p of result.problems) process.stdout.write(`audit entry ${p.seq}: ${p.problem}\n`);
      process.stdout.write(
        `audit log BROKEN: ${counted(result.problems.length, 'problem')} in ${counted(result.entries, 'entry', 'entries')}\n`,
      );
      process.exitCode = 1;
    });
}
