import { join } from 'node:path';
import envPaths from 'env-paths';

/** `--db PATH`, else VIGIL_DB, else a file in the user's data directory. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.VIGIL_DB) return env.VIGIL_DB;
  return join(envPaths('vigil', { suffix: '' }).data, 'vigil.db');
}
