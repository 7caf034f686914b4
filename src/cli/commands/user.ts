import { createInterface } from 'node:readline';
import { type Command, Option } from 'commander';
import { ROLES } from '../../policies/roles.js';
import { createApiToken, createUser, findUserByName, listUsers } from '../../services/accounts.js';
import { type GlobalOptions, withExistingStore, withStore } from '../context.js';
import { printJson, table } from '../output.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks without echoing what is typed. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    out._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stderr.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

export function register(program: Command): void {
  const user = program
    .command('user')
    .description('accounts for the HTTP API (roles: admin, analyst, viewer)');

  user
    .command('add')
    .description(
      'create an account; its password is asked for twice on a terminal, or read with --password-stdin',
    )
    .argument('<name>', 'user name')
    .addOption(new Option('--role <role>', 'what it may do').choices(ROLES).makeOptionMandatory())
    .option('--password-stdin', 'read the password from standard input (for scripts)')
    .action(async (name: string, flags: { role: string; passwordStdin?: boolean }, cmd: Command) => {
      let password: string;
      if (flags.passwordStdin) password = await readStdin();
      else {
        if (!process.stdin.isTTY) throw new Error('no terminal to ask for a password: use --password-stdin');
        password = await promptHidden(`password for ${name}: `);
        if ((await promptHidden('again: ')) !== password) throw new Error('the passwords differ');
      }
      const created = await withStore(cmd.optsWithGlobals<GlobalOptions>(), (s) =>
        createUser(s.db, { name, role: flags.role, password }, `cli:${process.env.USER ?? 'unknown'}`),
      );
      process.stdout.write(`created ${created.role} ${created.name} (${created.id})\n`);
    });

  user
    .command('list')
    .description('every account: name, role, when created, whether disabled')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const users = await withExistingStore(cmd.optsWithGlobals<GlobalOptions>(), (s) => listUsers(s.db));
      if (flags.json) return printJson(users);
      process.stdout.write(
        `${table(
          ['name', 'role', 'created', 'disabled'],
          users.map((u) => [u.name, u.role, u.createdAt, u.disabled ? 'yes' : '']),
        )}\n`,
      );
    });

  user
    .command('token')
    .description('a new API token for a user (printed once; only its hash is stored)')
    .argument('<name>', 'user name')
    .option('--label <text>', 'what the token is for', 'cli')
    .action(async (name: string, flags: { label: string }, cmd: Command) => {
      const token = await withStore(cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const u = await findUserByName(s.db, name);
        if (!u) throw new Error(`no user "${name}"`);
        return (await createApiToken(s.db, u.id, flags.label)).token;
      });
      process.stdout.write(`${token}\n`);
    });
}
