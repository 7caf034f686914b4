import type SqliteDatabase from 'better-sqlite3';

/**
 * Sets SQLite pragmas for a while (an import's page cache, a rebuild's sort threads) and gives
 * back the function that puts the values they had before back. Names and values come from the
 * callers' own constants, never from input.
 */
export function setPragmas(
  sqlite: SqliteDatabase.Database,
  values: Record<string, string | number>,
): () => void {
  const before = Object.keys(values).map((name) => [name, sqlite.pragma(name, { simple: true })] as const);
  for (const [name, value] of Object.entries(values)) sqlite.pragma(`${name} = ${value}`);
  return () => {
    for (const [name, value] of before) sqlite.pragma(`${name} = ${Number(value)}`);
  };
}
