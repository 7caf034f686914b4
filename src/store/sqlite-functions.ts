import type SqliteDatabase from 'better-sqlite3';

/**
 * SQL functions every embedded-database connection gets, so a query means the same as on
 * PostgreSQL. SQLite's own lower() folds ASCII only: a search for "ḩamāh" missed "Ḩamāh" there
 * and found it on PostgreSQL.
 */
export function addSqliteFunctions(db: SqliteDatabase.Database): void {
  db.function('lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
}
