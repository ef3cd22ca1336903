import type { RefreshToken } from '../../core/index.js';
import type { RefreshTokenStore } from '../refresh-token-store.js';
import type { PostgresDatabase } from './open-postgres.js';

interface Row {
  hash: string;
  family: string;
  user_id: string;
  created: number;
  expires: number;
  used: boolean;
  revoked: boolean;
}

const toToken = (row: Row): RefreshToken => ({
  hash: row.hash,
  family: row.family,
  userId: row.user_id,
  created: row.created,
  expires: row.expires,
  used: row.used,
  revoked: row.revoked,
});

/**
 * Refresh tokens in PostgreSQL. `markUsed` is one conditional UPDATE: a second caller waits for the first to
 * commit, then finds the token used, so across connections and processes only one caller sees true.
 * @example const store = createPostgresRefreshTokenStore(await openPostgres({ connectionString }));
 */
export function createPostgresRefreshTokenStore(db: PostgresDatabase): RefreshTokenStore {
  const changed = async (sql: string, value: unknown) => (await db.query(sql, [value])).rowCount ?? 0;
  return {
    async put(t) {
      await db.query(
        `INSERT INTO refresh_tokens (hash, family, user_id, created, expires, used, revoked)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (hash) DO UPDATE SET family = excluded.family, user_id = excluded.user_id,
           created = excluded.created, expires = excluded.expires, used = excluded.used, revoked = excluded.revoked`,
        [t.hash, t.family, t.userId, t.created, t.expires, t.used, t.revoked],
      );
    },
    async get(hash) {
      const { rows } = await db.query<Row>('SELECT * FROM refresh_tokens WHERE hash = $1', [hash]);
      return rows[0] && toToken(rows[0]);
    },
    async markUsed(hash) {
      return (
        (await changed('UPDATE refresh_tokens SET used = true WHERE hash = $1 AND NOT used', hash)) === 1
      );
    },
    revokeFamily: (family) =>
      changed('UPDATE refresh_tokens SET revoked = true WHERE family = $1 AND NOT revoked', family),
    revokeUser: (userId) =>
      changed('UPDATE refresh_tokens SET revoked = true WHERE user_id = $1 AND NOT revoked', userId),
    prune: (before) => changed('DELETE FROM refresh_tokens WHERE expires < $1', before),
    close: () => db.close(),
  };
}
