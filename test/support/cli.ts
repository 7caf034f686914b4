import { type ChildProcess, type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = join(REPO_ROOT, '..', 'shared');
const BUILT_CLI = join(REPO_ROOT, 'dist', 'cli', 'main.js');

/**
 * Node arguments that run `vigil` with `args`. `npm test` builds first and sets VIGIL_TEST_BUILT,
 * so children start from the compiled CLI, with no TypeScript loader (about a second faster each
 * under load); a test file run on its own uses the sources through tsx. `typescript` keeps tsx
 * loaded for a child that imports a module written in TypeScript (a test extractor).
 */
export function cliArgs(args: string[], options: { typescript?: boolean } = {}): string[] {
  if (process.env.VIGIL_TEST_BUILT === '1' && existsSync(BUILT_CLI))
    return [...(options.typescript ? ['--import', 'tsx'] : []), BUILT_CLI, ...args];
  return ['--import', 'tsx', join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...args];
}

/** Runs the `vigil` command from source (no build needed) and waits for it. */
export function vigil(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, cliArgs(args), {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, ...options.env },
    timeout: 300_000,
  });
}

/** Starts `vigil` in the background, for tests that interrupt it. */
export function vigilAsync(args: string[]): ChildProcess {
  return spawn(process.execPath, cliArgs(args), { cwd: REPO_ROOT, stdio: 'ignore' });
}
