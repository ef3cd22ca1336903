import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { InfinisecError } from '../../core/index.js';

/** An open SQLite database, the embedded default store. */
export type SqliteDatabase = Database.Database;

// Each migration runs once, in order, inside a transaction; `user_version` counts those applied.
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE decisions (
     id TEXT PRIMARY KEY,
     scope TEXT NOT NULL,
     value TEXT NOT NULL,
     action TEXT NOT NULL,
     reason TEXT NOT NULL,
     source TEXT NOT NULL,
     created INTEGER NOT NULL,
     expires INTEGER,
     created_by TEXT NOT NULL
   );
   CREATE INDEX decisions_expires ON decisions (expires);`,
];

/**
 * Opens (or creates) the database file, in WAL mode so readers never wait for the writer, with a busy timeout
 * for the CLI writing while the gateway reads, and brings its schema up to date. `:memory:` opens a private
 * in-memory database. Throws INFINISEC_ERR_STATE when the file cannot be opened.
 * @example const db = openSqlite('./.infinisec/infinisec.db');
 */
export function openSqlite(file: string): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
  } catch (err) {
    throw new InfinisecError('INFINISEC_ERR_STATE', 'store.sqlite', `${file}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}
