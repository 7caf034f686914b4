/**
 * One reader of the embedded database, in a worker thread: it runs the SELECTs the main thread
 * compiles, so a long read (a decade of stats, a page deep in a year) runs beside the event loop
 * and beside other reads instead of stalling every request behind it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { addSqliteFunctions } from './sqlite-functions.js';
import type { ReaderReply, ReaderRequest, ReaderSetup } from './sqlite-read-messages.js';
import { StatementCache } from './statement-cache.js';

const port = parentPort;
if (!port) throw new Error('sqlite-read-worker must run in a worker thread');

const setup = workerData as ReaderSetup;
let db: SqliteDatabase.Database | null = null;
let statements: StatementCache | null = null;
try {
  // Read-only at the connection level: a write routed here by mistake fails instead of racing the writer.
  db = new SqliteDatabase(setup.path, { readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${setup.busyTimeoutMs}`);
  addSqliteFunctions(db);
  statements = new StatementCache(db);
  port.postMessage({ id: 0, ready: true } satisfies ReaderReply);
} catch (err) {
  port.postMessage({ id: 0, error: { message: (err as Error).message } } satisfies ReaderReply);
}

port.on('message', (msg: ReaderRequest) => {
  if (msg.close) {
    db?.close();
    db = null;
    statements = null;
    port.close();
    return;
  }
  try {
    if (!statements) throw new Error('reader is closed');
    const stmt = statements.prepare(msg.sql);
    if (!stmt.reader) throw new Error('the read pool runs only statements that return rows');
    const rows = stmt.all(...msg.parameters) as Record<string, unknown>[];
    port.postMessage({ id: msg.id, rows } satisfies ReaderReply);
  } catch (err) {
    const e = err as Error & { code?: string };
    port.postMessage({ id: msg.id, error: { message: e.message, code: e.code } } satisfies ReaderReply);
  }
});
