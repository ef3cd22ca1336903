import { chmodSync, mkdirSync } from 'node:fs';
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
  `CREATE TABLE events (
     seq INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     time INTEGER NOT NULL,
     site TEXT NOT NULL,
     client TEXT NOT NULL,
     action TEXT NOT NULL,
     categories TEXT NOT NULL,
     path TEXT NOT NULL,
     total_ms REAL NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX events_time ON events (time);
   CREATE INDEX events_client ON events (client, time);
   CREATE TABLE audit (
     position INTEGER PRIMARY KEY,
     seq INTEGER NOT NULL,
     time INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT NOT NULL,
     outcome TEXT NOT NULL,
     ip TEXT NOT NULL,
     details TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE INDEX audit_seq ON audit (seq);
   CREATE TABLE audit_head (
     one INTEGER PRIMARY KEY CHECK (one = 1),
     seq INTEGER NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE TABLE users (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
     role TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     mfa_enabled INTEGER NOT NULL,
     recovery_codes TEXT NOT NULL,
     failed_logins INTEGER NOT NULL,
     locked_until INTEGER NOT NULL,
     created INTEGER NOT NULL,
     last_login INTEGER,
     disabled INTEGER NOT NULL
   );
   CREATE TABLE api_keys (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     role TEXT NOT NULL,
     scopes TEXT NOT NULL,
     secret_hash TEXT NOT NULL,
     created INTEGER NOT NULL,
     created_by TEXT NOT NULL,
     expires INTEGER,
     last_used INTEGER,
     revoked INTEGER NOT NULL
   );
   CREATE TABLE refresh_tokens (
     hash TEXT PRIMARY KEY,
     family TEXT NOT NULL,
     user_id TEXT NOT NULL,
     created INTEGER NOT NULL,
     expires INTEGER NOT NULL,
     used INTEGER NOT NULL,
     revoked INTEGER NOT NULL
   );
   CREATE INDEX refresh_tokens_family ON refresh_tokens (family);
   CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
   CREATE TABLE config_versions (
     version INTEGER PRIMARY KEY,
     time INTEGER NOT NULL,
     author TEXT NOT NULL,
     source TEXT NOT NULL,
     digest TEXT NOT NULL,
     comment TEXT NOT NULL
   );
   CREATE TABLE incidents (
     id TEXT PRIMARY KEY,
     status TEXT NOT NULL,
     site TEXT NOT NULL,
     last_seen INTEGER NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX incidents_last_seen ON incidents (last_seen);
   CREATE TABLE intruder_sessions (
     id TEXT PRIMARY KEY,
     site TEXT NOT NULL,
     last_seen INTEGER NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX intruder_sessions_last_seen ON intruder_sessions (last_seen);
   CREATE TABLE secrets (
     name TEXT PRIMARY KEY,
     sealed TEXT NOT NULL,
     updated INTEGER NOT NULL
   );`,
  // Per-minute event counts for charts over long ranges (see event-rollups.ts), filled in from the events
  // already stored. Minutes are epoch milliseconds; the latency keys are the histogram's bucket bounds.
  `CREATE TABLE event_rollups (
     kind TEXT NOT NULL,
     minute INTEGER NOT NULL,
     site TEXT NOT NULL,
     key TEXT NOT NULL,
     events INTEGER NOT NULL,
     attacks INTEGER NOT NULL,
     PRIMARY KEY (kind, minute, site, key)
   ) WITHOUT ROWID;
   CREATE TEMP TABLE rolled AS
     SELECT CAST(time / 60000 AS INTEGER) * 60000 AS minute, site, client, action, categories, path,
       CASE WHEN total_ms <= 0.1 THEN '0.1' WHEN total_ms <= 0.2 THEN '0.2' WHEN total_ms <= 0.5 THEN '0.5'
         WHEN total_ms <= 1 THEN '1' WHEN total_ms <= 2 THEN '2' WHEN total_ms <= 5 THEN '5'
         WHEN total_ms <= 10 THEN '10' WHEN total_ms <= 20 THEN '20' WHEN total_ms <= 50 THEN '50'
         WHEN total_ms <= 100 THEN '100' WHEN total_ms <= 200 THEN '200' WHEN total_ms <= 500 THEN '500'
         WHEN total_ms <= 1000 THEN '1000' WHEN total_ms <= 2000 THEN '2000' WHEN total_ms <= 5000 THEN '5000'
         WHEN total_ms <= 10000 THEN '10000' ELSE '+inf' END AS latency,
       categories <> '' AS attack
     FROM events;
   INSERT INTO event_rollups
     SELECT 'action', minute, site, action, COUNT(*), SUM(attack) FROM rolled GROUP BY minute, site, action;
   INSERT INTO event_rollups
     SELECT 'client', minute, site, client, COUNT(*), SUM(attack) FROM rolled GROUP BY minute, site, client;
   INSERT INTO event_rollups
     SELECT 'path', minute, site, path, COUNT(*), SUM(attack) FROM rolled GROUP BY minute, site, path;
   INSERT INTO event_rollups
     SELECT 'latency', minute, site, latency, COUNT(*), SUM(attack) FROM rolled GROUP BY minute, site, latency;
   WITH RECURSIVE split (minute, site, category, rest) AS (
       SELECT minute, site, NULL, substr(categories, 2) FROM rolled WHERE attack
       UNION ALL
       SELECT minute, site, substr(rest, 1, instr(rest, ',') - 1), substr(rest, instr(rest, ',') + 1)
       FROM split WHERE rest <> '')
   INSERT INTO event_rollups SELECT 'category', minute, site, category, COUNT(*), COUNT(*) FROM split WHERE category IS NOT NULL
     GROUP BY minute, site, category;
   DROP TABLE rolled;`,
  // What the brain's agents remember across restarts: JSON values per agent and key, some with an expiry.
  // IF NOT EXISTS: a test takes the schema back to an earlier version and runs the later migrations again.
  `CREATE TABLE IF NOT EXISTS agent_memory (
     agent TEXT NOT NULL,
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     expires INTEGER,
     PRIMARY KEY (agent, key)
   ) WITHOUT ROWID;
   CREATE INDEX IF NOT EXISTS agent_memory_expires ON agent_memory (expires) WHERE expires IS NOT NULL;`,
  // The sealed text of each configuration version (for rollbacks), the request sample that change previews
  // replay (each sample as JSON in `record`), and change requests (each as JSON in `record`). The rollups'
  // test, which runs the migrations after the rollups' again, drops the added column first.
  `ALTER TABLE config_versions ADD COLUMN sealed TEXT;
   CREATE TABLE IF NOT EXISTS request_samples (
     seq INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     time INTEGER NOT NULL,
     site TEXT NOT NULL,
     ip TEXT NOT NULL,
     has_body INTEGER NOT NULL,
     record TEXT NOT NULL
   );
   CREATE INDEX IF NOT EXISTS request_samples_time ON request_samples (time);
   CREATE INDEX IF NOT EXISTS request_samples_ip ON request_samples (ip, time);
   CREATE TABLE IF NOT EXISTS change_requests (
     seq INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     status TEXT NOT NULL,
     created INTEGER NOT NULL,
     decided INTEGER,
     record TEXT NOT NULL
   );
   CREATE INDEX IF NOT EXISTS change_requests_created ON change_requests (created);
   CREATE INDEX IF NOT EXISTS change_requests_decided ON change_requests (decided) WHERE decided IS NOT NULL;`,
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
    // Users, audit and sealed secrets live here: only the owner reads it (SQLite gives its -wal the same mode).
    if (file !== ':memory:') chmodSync(file, 0o600);
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
