import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Value } from './import-rows.js';
import type { Database } from './schema.js';

/**
 * Bulk rows into PostgreSQL by COPY … FROM STDIN: the server parses plain text rows, with no
 * statement to plan and no JSON to build on our side and take apart on the server's, which is
 * what made the json_populate_recordset inserts the pace of a PostgreSQL import.
 */

// Text format (PostgreSQL docs, "COPY", File Formats → Text Format): a backslash, a tab, a newline
// or a carriage return inside a value is written as a backslash sequence; \N is NULL.
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format (pure). */
export function copyValue(v: Value): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c);
}

/** Rows as COPY text, a chunk of about `chunkBytes` characters at a time (pure). */
export function* copyChunks(rows: readonly Value[][], chunkBytes = 1 << 20): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    let line = '';
    for (let k = 0; k < row.length; k++) line += (k === 0 ? '' : '\t') + copyValue(row[k] ?? null);
    chunk += `${line}\n`;
    if (chunk.length >= chunkBytes) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Writes positional rows into `table` (values in `columns`' order) with one COPY on `client`,
 * inside whatever transaction the client is in. Table and column names come from the caller's
 * own constants, never from input.
 */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: readonly Value[][],
): Promise<void> {
  if (rows.length === 0) return;
  const target = `"${table}" (${columns.map((c) => `"${c}"`).join(', ')})`;
  const sink = client.query(copyFrom(`copy ${target} from stdin`));
  await pipeline(Readable.from(copyChunks(rows)), sink);
}

/**
 * A Kysely handle whose every query runs on `client`, a connection the caller has checked out, so
 * Kysely's queries and COPY (which Kysely cannot issue) share one transaction. Releasing stays
 * the caller's: Kysely's release of the connection after each query must not hand it back.
 */
export function kyselyOnClient(client: pg.PoolClient): Kysely<Database> {
  const lent = {
    query: client.query.bind(client),
    release: () => {},
  };
  // pg's client has every method Kysely's PostgresPoolClient names, with overloads TypeScript cannot match one by one.
  const pool: PostgresPool = { connect: async () => lent as never, end: async () => {} };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
