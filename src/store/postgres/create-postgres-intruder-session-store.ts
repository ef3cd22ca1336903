import type { IntruderSession } from '../../core/index.js';
import type { IntruderSessionStore } from '../intruder-session-store.js';
import type { PostgresDatabase } from './open-postgres.js';

const DEFAULT_LIMIT = 100;
// The client's address, read from the JSON: a scan, but sessions are far fewer than events and pruned by age.
const CLIENT = "(body::json -> 'client' ->> 'ip')";

/**
 * Intruder sessions in PostgreSQL: site and last-seen time in columns, the whole session as JSON in `body`. A
 * replaced session takes a new `position`, so that among sessions last seen at the same time it lists last,
 * as in the other stores. The port has no close: whoever opened the database closes it.
 * @example const store = createPostgresIntruderSessionStore(await openPostgres({ connectionString }));
 */
export function createPostgresIntruderSessionStore(db: PostgresDatabase): IntruderSessionStore {
  return {
    async put(session) {
      await db.query(
        `INSERT INTO intruder_sessions (id, site, last_seen, body) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET site = excluded.site, last_seen = excluded.last_seen,
           body = excluded.body, position = excluded.position`,
        [session.id, session.site, session.lastSeen, JSON.stringify(session)],
      );
    },
    async get(id) {
      const { rows } = await db.query<{ body: string }>('SELECT body FROM intruder_sessions WHERE id = $1', [
        id,
      ]);
      return rows[0] && (JSON.parse(rows[0].body) as IntruderSession);
    },
    async list(query = {}) {
      const { rows } = await db.query<{ body: string }>(
        `SELECT body FROM intruder_sessions
         WHERE ($1::text IS NULL OR site = $1) AND ($2::bigint IS NULL OR last_seen >= $2)
           AND ($4::text IS NULL OR ${CLIENT} = $4)
         ORDER BY last_seen DESC, position LIMIT $3`,
        [query.site ?? null, query.since ?? null, query.limit ?? DEFAULT_LIMIT, query.client ?? null],
      );
      return rows.map((row) => JSON.parse(row.body) as IntruderSession);
    },
    async prune(before) {
      return (await db.query('DELETE FROM intruder_sessions WHERE last_seen < $1', [before])).rowCount ?? 0;
    },
    async eraseClient(ip) {
      return (await db.query(`DELETE FROM intruder_sessions WHERE ${CLIENT} = $1`, [ip])).rowCount ?? 0;
    },
  };
}
