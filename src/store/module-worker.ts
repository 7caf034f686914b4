import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on the module `name` beside `base` (pass `import.meta.url`), taking the
 * built .js file or, when running from source, the .ts one. A .ts entry is imported through a
 * bootstrap that registers tsx in the thread first: Node 20 does not carry the parent's
 * `--import tsx` hooks over to a worker's entry module.
 */
export function startModuleWorker(
  base: string,
  name: string,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): Worker {
  const ext = extname(fileURLToPath(base));
  const entry = new URL(`./${name}${ext}`, base);
  if (ext !== '.ts') return new Worker(entry, { workerData, resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
