import { escapeIdentifier, type Pool } from 'pg';
import { InfinisecError } from '../../core/index.js';
import { withTransaction } from './postgres-transaction.js';

// Each migration runs once, in order, in a transaction of its own; `schema_migrations` lists those applied.
// Epoch milliseconds are BIGINT; JSON bodies are TEXT, kept byte for byte (the audit chain hashes them as
// written, and jsonb would reorder keys). `position` records put order: an upsert takes a fresh one, so that
// a replaced row goes last among equals, as a delete and insert would.
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE decisions (
     id TEXT PRIMARY KEY,
     scope TEXT NOT NULL,
     value TEXT NOT NULL,
     action TEXT NOT NULL,
     reason TEXT NOT NULL,
     source TEXT NOT NULL,
     created BIGINT NOT NULL,
     expires BIGINT,
     created_by TEXT NOT NULL,
     position BIGSERIAL NOT NULL
   );
   CREATE INDEX decisions_expires ON decisions (expires);
   CREATE TABLE events (
     seq BIGSERIAL PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     time BIGINT NOT NULL,
     site TEXT NOT NULL,
     client TEXT NOT NULL,
     action TEXT NOT NULL,
     categories TEXT[] NOT NULL,
     path TEXT NOT NULL,
     total_ms DOUBLE PRECISION NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX events_time ON events (time, seq);
   CREATE INDEX events_client ON events (client, time);
   CREATE TABLE audit (
     position BIGSERIAL PRIMARY KEY,
     seq BIGINT NOT NULL,
     time BIGINT NOT NULL,
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
     seq BIGINT NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE TABLE users (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
     role TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     mfa_enabled BOOLEAN NOT NULL,
     recovery_codes TEXT[] NOT NULL,
     failed_logins INTEGER NOT NULL,
     locked_until BIGINT NOT NULL,
     created BIGINT NOT NULL,
     last_login BIGINT,
     disabled BOOLEAN NOT NULL
   );
   CREATE TABLE api_keys (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     role TEXT NOT NULL,
     scopes TEXT[] NOT NULL,
     secret_hash TEXT NOT NULL,
     created BIGINT NOT NULL,
     created_by TEXT NOT NULL,
     expires BIGINT,
     last_used BIGINT,
     revoked BOOLEAN NOT NULL,
     position BIGSERIAL NOT NULL
   );
   CREATE TABLE refresh_tokens (
     hash TEXT PRIMARY KEY,
     family TEXT NOT NULL,
     user_id TEXT NOT NULL,
     created BIGINT NOT NULL,
     expires BIGINT NOT NULL,
     used BOOLEAN NOT NULL,
     revoked BOOLEAN NOT NULL
   );
   CREATE INDEX refresh_tokens_family ON refresh_tokens (family);
   CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
   CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires);
   CREATE TABLE config_versions (
     version INTEGER PRIMARY KEY,
     time BIGINT NOT NULL,
     author TEXT NOT NULL,
     source TEXT NOT NULL,
     digest TEXT NOT NULL,
     comment TEXT NOT NULL
   );
   CREATE TABLE incidents (
     id TEXT PRIMARY KEY,
     status TEXT NOT NULL,
     site TEXT NOT NULL,
     last_seen BIGINT NOT NULL,
     body TEXT NOT NULL,
     position BIGSERIAL NOT NULL
   );
   CREATE INDEX incidents_last_seen ON incidents (last_seen);
   CREATE TABLE intruder_sessions (
     id TEXT PRIMARY KEY,
     site TEXT NOT NULL,
     last_seen BIGINT NOT NULL,
     body TEXT NOT NULL,
     position BIGSERIAL NOT NULL
   );
   CREATE INDEX intruder_sessions_last_seen ON intruder_sessions (last_seen);
   CREATE TABLE secrets (
     name TEXT PRIMARY KEY,
     sealed TEXT NOT NULL,
     updated BIGINT NOT NULL
   );`,
  // What the brain's agents remember across restarts: JSON values per agent and key, some with an expiry.
  `CREATE TABLE agent_memory (
     agent TEXT NOT NULL,
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     expires BIGINT,
     PRIMARY KEY (agent, key)
   );
   CREATE INDEX agent_memory_expires ON agent_memory (expires) WHERE expires IS NOT NULL;`,
  // The sealed text of each configuration version (for rollbacks), the request sample that change previews
  // replay (each sample as JSON in `record`), and change requests (each as JSON in `record`).
  `ALTER TABLE config_versions ADD COLUMN sealed TEXT;
   CREATE TABLE request_samples (
     seq BIGSERIAL PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     time BIGINT NOT NULL,
     site TEXT NOT NULL,
     ip TEXT NOT NULL,
     has_body BOOLEAN NOT NULL,
     record TEXT NOT NULL
   );
   CREATE INDEX request_samples_time ON request_samples (time, seq);
   CREATE INDEX request_samples_ip ON request_samples (ip, time);
   CREATE TABLE change_requests (
     seq BIGSERIAL PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     status TEXT NOT NULL,
     created BIGINT NOT NULL,
     decided BIGINT,
     record TEXT NOT NULL
   );
   CREATE INDEX change_requests_created ON change_requests (created, seq);
   CREATE INDEX change_requests_decided ON change_requests (decided) WHERE decided IS NOT NULL;`,
];

/**
 * Applies the next pending migration, if any, in one transaction; returns whether there was one. The advisory
 * lock, keyed by schema, makes processes that start at once take turns: the later ones find the work done.
 */
function migrateOnce(pool: Pool, schema: string): Promise<boolean> {
  return withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`infinisec:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${escapeIdentifier(schema)}`);
    const current = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    // An `options` parameter in the connection string replaces the one that sets the search path.
    if (current.rows[0]?.schema !== schema)
      throw new InfinisecError('INFINISEC_ERR_STORE', 'store.postgres', `the search path misses "${schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version INTEGER PRIMARY KEY,
         applied TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    );
    const applied = await client.query<{ version: number }>(
      'SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations',
    );
    const version = applied.rows[0]!.version;
    const pending = MIGRATIONS[version];
    if (pending === undefined) return false;
    await client.query(pending);
    await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
    return true;
  });
}

/** Creates the schema if needed and brings its tables up to date, one migration per transaction. */
export async function migratePostgres(pool: Pool, schema: string): Promise<void> {
  while (await migrateOnce(pool, schema));
}
