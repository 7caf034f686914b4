import type SqliteDatabase from 'better-sqlite3';

/**
 * Prepared statements by SQL text, least recently used dropped first. Preparing is a large share of
 * a small query's cost (a tenth of an ingest's time was spent in `prepare`), and the code issues a
 * few hundred statement shapes at most, so reusing them is nearly free in memory.
 */
export class StatementCache {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();

  constructor(
    private readonly db: SqliteDatabase.Database,
    private readonly max = 500,
  ) {}

  prepare(text: string): SqliteDatabase.Statement {
    const cached = this.statements.get(text);
    // A statement still being iterated (a streamed export) cannot run again until it finishes.
    if (cached?.busy) return this.db.prepare(text);
    if (cached) {
      // Re-inserted so the map's order stays least recently used first.
      this.statements.delete(text);
      this.statements.set(text, cached);
      return cached;
    }
    const stmt = this.db.prepare(text);
    if (this.statements.size >= this.max) {
      const oldest = this.statements.keys().next().value;
      if (oldest !== undefined) this.statements.delete(oldest);
    }
    this.statements.set(text, stmt);
    return stmt;
  }
}

const caches = new WeakMap<SqliteDatabase.Database, StatementCache>();

/** The one statement cache of a connection, shared by Kysely's queries and hand-written bulk writes. */
export function statementsOf(db: SqliteDatabase.Database): StatementCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new StatementCache(db);
    caches.set(db, cache);
  }
  return cache;
}
