import { stat } from 'node:fs/promises';

/** Refuses, in words that name it, a file argument that does not exist or is a directory. */
export async function checkInputFile(path: string): Promise<void> {
  const at = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new Error(
      err.code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${err.code ?? err.message})`,
    );
  });
  if (at.isDirectory()) throw new Error(`${path}: is a directory; name a file`);
}
