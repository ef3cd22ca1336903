import type { SqliteDatabase } from '../../store/index.js';
import { assertTableName } from './store-snapshot.js';

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every table of a SQLite database (SQLite's own aside) and its rows, by name. */
export function sqliteTableCounts(db: SqliteDatabase): Record<string, number> {
  const names = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of names)
    counts[assertTableName(name)] = db
      .prepare(`SELECT COUNT(*) FROM ${quoted(name)}`)
      .pluck()
      .get() as number;
  return counts;
}

/** The schema version of a SQLite database: the migrations applied to it. */
export function sqliteSchemaVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}
