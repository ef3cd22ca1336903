import type { ConfigVersion, ConfigVersionStore } from '../config-version-store.js';
import type { SqliteDatabase } from './open-sqlite.js';

const DEFAULT_LIMIT = 50;
const COLUMNS = 'version, time, author, source, digest, comment, sealed';

/**
 * The configuration history in SQLite. `append` numbers the version inside its INSERT, one statement, so that
 * two processes applying at once get consecutive numbers and neither overwrites the other.
 * @example const store = createSqliteConfigVersionStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteConfigVersionStore(db: SqliteDatabase): ConfigVersionStore {
  const append = db.prepare(
    `INSERT INTO config_versions (version, time, author, source, digest, comment, sealed)
     VALUES ((SELECT COALESCE(MAX(version), 0) + 1 FROM config_versions), @time, @author, @source, @digest,
       @comment, @sealed)
     RETURNING ${COLUMNS}`,
  );
  const get = db.prepare(`SELECT ${COLUMNS} FROM config_versions WHERE version = ?`);
  const latest = db.prepare(`SELECT ${COLUMNS} FROM config_versions ORDER BY version DESC LIMIT 1`);
  const list = db.prepare(`SELECT ${COLUMNS} FROM config_versions ORDER BY version DESC LIMIT ?`);
  return {
    async append(applied) {
      const { time, author, source, digest, comment, sealed = null } = applied;
      return append.get({ time, author, source, digest, comment, sealed }) as ConfigVersion;
    },
    async get(version) {
      return get.get(version) as ConfigVersion | undefined;
    },
    async latest() {
      return latest.get() as ConfigVersion | undefined;
    },
    async list(limit = DEFAULT_LIMIT) {
      // SQLite reads a negative LIMIT as no limit at all.
      return list.all(Math.max(0, limit)) as ConfigVersion[];
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
