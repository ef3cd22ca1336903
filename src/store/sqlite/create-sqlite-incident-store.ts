import type { Incident } from '../../core/index.js';
import type { IncidentStore } from '../incident-store.js';
import type { SqliteDatabase } from './open-sqlite.js';

const DEFAULT_LIMIT = 100;

/**
 * Incidents in SQLite: the listed fields in columns, the whole incident as JSON in `body`. Among incidents
 * last seen at the same time, the one put first comes first, as in the memory store.
 * @example const store = createSqliteIncidentStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteIncidentStore(db: SqliteDatabase): IncidentStore {
  const put = db.prepare(
    'INSERT OR REPLACE INTO incidents (id, status, site, last_seen, body) VALUES (?, ?, ?, ?, ?)',
  );
  const get = db.prepare('SELECT body FROM incidents WHERE id = ?').pluck();
  const list = db
    .prepare(
      `SELECT body FROM incidents
       WHERE (@status IS NULL OR status = @status) AND (@site IS NULL OR site = @site)
         AND (@since IS NULL OR last_seen >= @since)
       ORDER BY last_seen DESC, rowid LIMIT @limit`,
    )
    .pluck();
  const prune = db.prepare('DELETE FROM incidents WHERE last_seen < ?');
  return {
    async put(incident) {
      put.run(incident.id, incident.status, incident.site, incident.lastSeen, JSON.stringify(incident));
    },
    async get(id) {
      const body = get.get(id) as string | undefined;
      return body === undefined ? undefined : (JSON.parse(body) as Incident);
    },
    async list(query = {}) {
      const rows = list.all({
        status: query.status ?? null,
        site: query.site ?? null,
        since: query.since ?? null,
        limit: query.limit ?? DEFAULT_LIMIT,
      }) as string[];
      return rows.map((body) => JSON.parse(body) as Incident);
    },
    async prune(before) {
      return prune.run(before).changes;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
