import { type ApiKey, InfinisecError, type Role } from '../../core/index.js';
import type { ApiKeyStore } from '../api-key-store.js';
import type { PostgresDatabase } from './open-postgres.js';

interface Row {
  id: string;
  name: string;
  role: string;
  scopes: string[];
  secret_hash: string;
  created: number;
  created_by: string;
  expires: number | null;
  last_used: number | null;
  revoked: boolean;
}

const toKey = (row: Row): ApiKey => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  scopes: row.scopes,
  secretHash: row.secret_hash,
  created: row.created,
  createdBy: row.created_by,
  expires: row.expires,
  lastUsed: row.last_used,
  revoked: row.revoked,
});

const COLUMNS = 'id, name, role, scopes, secret_hash, created, created_by, expires, last_used, revoked';

/**
 * API keys in PostgreSQL, scopes as a text array. An update is one statement that sets only the fields the
 * patch gives, so two updates of one key never lose each other's change.
 * @example const store = createPostgresApiKeyStore(await openPostgres({ connectionString }));
 */
export function createPostgresApiKeyStore(db: PostgresDatabase): ApiKeyStore {
  return {
    async create(key) {
      const inserted = await db.query(
        `INSERT INTO api_keys (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (id) DO NOTHING`,
        [
          key.id,
          key.name,
          key.role,
          key.scopes,
          key.secretHash,
          key.created,
          key.createdBy,
          key.expires,
          key.lastUsed,
          key.revoked,
        ],
      );
      if (inserted.rowCount === 0)
        throw new InfinisecError('INFINISEC_ERR_STORE', 'store.api-keys', `id "${key.id}" is taken`);
    },
    async get(id) {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1`, [id]);
      return rows[0] && toKey(rows[0]);
    },
    async list() {
      const { rows } = await db.query<Row>(
        `SELECT ${COLUMNS} FROM api_keys ORDER BY created DESC, position DESC`,
      );
      return rows.map(toKey);
    },
    async update(id, patch) {
      // A field the patch leaves undefined keeps its value; lastUsed may be set to null.
      const { rows } = await db.query<Row>(
        `UPDATE api_keys SET last_used = CASE WHEN $2 THEN $3::bigint ELSE last_used END,
           revoked = COALESCE($4, revoked)
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, patch.lastUsed !== undefined, patch.lastUsed ?? null, patch.revoked ?? null],
      );
      return rows[0] && toKey(rows[0]);
    },
    async remove(id) {
      return (await db.query('DELETE FROM api_keys WHERE id = $1', [id])).rowCount === 1;
    },
    close: () => db.close(),
  };
}
