import type { SqliteDatabase } from './open-sqlite.js';

/** A statement prepared from SQL text. */
export type SqliteStatement = ReturnType<SqliteDatabase['prepare']>;

/**
 * Prepares each distinct SQL text once. For queries whose WHERE clause depends on which filters are given:
 * the shapes are few, and preparing is the costly part.
 */
export function createStatementCache(db: SqliteDatabase): (sql: string) => SqliteStatement {
  const cache = new Map<string, SqliteStatement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
