import type { RefreshToken } from '../../core/index.js';
import type { RefreshTokenStore } from '../refresh-token-store.js';
import type { SqliteDatabase } from './open-sqlite.js';

interface Row {
  hash: string;
  family: string;
  user_id: string;
  created: number;
  expires: number;
  used: number;
  revoked: number;
}

const toToken = (row: Row): RefreshToken => ({
  hash: row.hash,
  family: row.family,
  userId: row.user_id,
  created: row.created,
  expires: row.expires,
  used: row.used === 1,
  revoked: row.revoked === 1,
});

/**
 * Refresh tokens in SQLite. `markUsed` is one conditional UPDATE, so that across connections and processes
 * only the caller whose statement flipped `used` sees true.
 * @example const store = createSqliteRefreshTokenStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteRefreshTokenStore(db: SqliteDatabase): RefreshTokenStore {
  const put = db.prepare(
    `INSERT OR REPLACE INTO refresh_tokens (hash, family, user_id, created, expires, used, revoked)
     VALUES (@hash, @family, @userId, @created, @expires, @used, @revoked)`,
  );
  const get = db.prepare('SELECT * FROM refresh_tokens WHERE hash = ?');
  const markUsed = db.prepare('UPDATE refresh_tokens SET used = 1 WHERE hash = ? AND used = 0');
  const revokeFamily = db.prepare('UPDATE refresh_tokens SET revoked = 1 WHERE family = ? AND revoked = 0');
  const revokeUser = db.prepare('UPDATE refresh_tokens SET revoked = 1 WHERE user_id = ? AND revoked = 0');
  const prune = db.prepare('DELETE FROM refresh_tokens WHERE expires < ?');
  return {
    async put(token) {
      put.run({ ...token, used: token.used ? 1 : 0, revoked: token.revoked ? 1 : 0 });
    },
    async get(hash) {
      const row = get.get(hash) as Row | undefined;
      return row && toToken(row);
    },
    async markUsed(hash) {
      return markUsed.run(hash).changes === 1;
    },
    async revokeFamily(family) {
      return revokeFamily.run(family).changes;
    },
    async revokeUser(userId) {
      return revokeUser.run(userId).changes;
    },
    async prune(before) {
      return prune.run(before).changes;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
