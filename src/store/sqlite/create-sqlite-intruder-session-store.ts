import type { IntruderSession } from '../../core/index.js';
import type { IntruderSessionStore } from '../intruder-session-store.js';
import type { SqliteDatabase } from './open-sqlite.js';

const DEFAULT_LIMIT = 100;
// The client's address, read from the JSON: a scan, but sessions are far fewer than events and pruned by age.
const CLIENT = "json_extract(body, '$.client.ip')";

/**
 * Intruder sessions in SQLite: site and last-seen time in columns, the whole session as JSON in `body`. Among
 * sessions last seen at the same time, the one put first comes first, as in the memory store.
 * @example const store = createSqliteIntruderSessionStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteIntruderSessionStore(db: SqliteDatabase): IntruderSessionStore {
  const put = db.prepare(
    'INSERT OR REPLACE INTO intruder_sessions (id, site, last_seen, body) VALUES (?, ?, ?, ?)',
  );
  const get = db.prepare('SELECT body FROM intruder_sessions WHERE id = ?').pluck();
  const list = db
    .prepare(
      `SELECT body FROM intruder_sessions
       WHERE (@site IS NULL OR site = @site) AND (@since IS NULL OR last_seen >= @since)
         AND (@client IS NULL OR ${CLIENT} = @client)
       ORDER BY last_seen DESC, rowid LIMIT @limit`,
    )
    .pluck();
  const prune = db.prepare('DELETE FROM intruder_sessions WHERE last_seen < ?');
  const eraseClient = db.prepare(`DELETE FROM intruder_sessions WHERE ${CLIENT} = ?`);
  return {
    async put(session) {
      put.run(session.id, session.site, session.lastSeen, JSON.stringify(session));
    },
    async get(id) {
      const body = get.get(id) as string | undefined;
      return body === undefined ? undefined : (JSON.parse(body) as IntruderSession);
    },
    async list(query = {}) {
      const rows = list.all({
        site: query.site ?? null,
        since: query.since ?? null,
        client: query.client ?? null,
        limit: query.limit ?? DEFAULT_LIMIT,
      }) as string[];
      return rows.map((body) => JSON.parse(body) as IntruderSession);
    },
    async prune(before) {
      return prune.run(before).changes;
    },
    async eraseClient(ip) {
      return eraseClient.run(ip).changes;
    },
  };
}
