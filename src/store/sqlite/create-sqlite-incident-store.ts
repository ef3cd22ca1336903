import type { Incident } from '../../core/index.js';
import { withoutClient } from '../incident-erasure.js';
import type { IncidentStore } from '../incident-store.js';
import type { SqliteDatabase } from './open-sqlite.js';

const DEFAULT_LIMIT = 100;
// Whether the incident's clients hold @client, read from the JSON: a scan, but incidents are few.
const INVOLVES = "EXISTS (SELECT 1 FROM json_each(body, '$.clients') WHERE value = @client)";

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
         AND (@since IS NULL OR last_seen >= @since) AND (@client IS NULL OR ${INVOLVES})
       ORDER BY last_seen DESC, rowid LIMIT @limit`,
    )
    .pluck();
  const prune = db.prepare('DELETE FROM incidents WHERE last_seen < ?');
  const involving = db.prepare(`SELECT body FROM incidents WHERE ${INVOLVES}`).pluck();
  const rewrite = db.prepare('UPDATE incidents SET body = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM incidents WHERE id = ?');
  const eraseClient = db.transaction((client: string) => {
    const found = involving.all({ client }) as string[];
    for (const body of found) {
      const incident = JSON.parse(body) as Incident;
      const kept = withoutClient(incident, client);
      if (kept === undefined) remove.run(incident.id);
      else rewrite.run(JSON.stringify(kept), incident.id);
    }
    return found.length;
  });
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
        client: query.client ?? null,
        limit: query.limit ?? DEFAULT_LIMIT,
      }) as string[];
      return rows.map((body) => JSON.parse(body) as Incident);
    },
    async prune(before) {
      return prune.run(before).changes;
    },
    async eraseClient(ip) {
      return eraseClient(ip);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
