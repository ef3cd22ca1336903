import { type ApiKey, InfinisecError, type Role } from '../../core/index.js';
import type { ApiKeyStore } from '../api-key-store.js';
import { mergePatch } from '../merge-patch.js';
import type { SqliteDatabase } from './open-sqlite.js';

interface Row {
  id: string;
  name: string;
  role: string;
  scopes: string;
  secret_hash: string;
  created: number;
  created_by: string;
  expires: number | null;
  last_used: number | null;
  revoked: number;
}

const toKey = (row: Row): ApiKey => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  scopes: JSON.parse(row.scopes) as string[],
  secretHash: row.secret_hash,
  created: row.created,
  createdBy: row.created_by,
  expires: row.expires,
  lastUsed: row.last_used,
  revoked: row.revoked === 1,
});

const isKeyViolation = (err: unknown) => (err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY';

/**
 * API keys in SQLite. An update reads, merges and writes in one immediate transaction.
 * @example const store = createSqliteApiKeyStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteApiKeyStore(db: SqliteDatabase): ApiKeyStore {
  const insert = db.prepare(
    `INSERT INTO api_keys (id, name, role, scopes, secret_hash, created, created_by, expires, last_used, revoked)
     VALUES (@id, @name, @role, @scopes, @secretHash, @created, @createdBy, @expires, @lastUsed, @revoked)`,
  );
  const byId = db.prepare('SELECT * FROM api_keys WHERE id = ?');
  const all = db.prepare('SELECT * FROM api_keys ORDER BY created DESC, rowid DESC');
  const write = db.prepare('UPDATE api_keys SET last_used = @lastUsed, revoked = @revoked WHERE id = @id');
  const remove = db.prepare('DELETE FROM api_keys WHERE id = ?');
  const update = db.transaction((id: string, patch: Partial<ApiKey>) => {
    const row = byId.get(id) as Row | undefined;
    if (row === undefined) return undefined;
    const next = mergePatch(toKey(row), { lastUsed: patch.lastUsed, revoked: patch.revoked });
    write.run({ id, lastUsed: next.lastUsed, revoked: next.revoked ? 1 : 0 });
    return next;
  });
  return {
    async create(key) {
      try {
        insert.run({ ...key, scopes: JSON.stringify(key.scopes), revoked: key.revoked ? 1 : 0 });
      } catch (err) {
        if (!isKeyViolation(err)) throw err;
        throw new InfinisecError('INFINISEC_ERR_STORE', 'store.api-keys', `id "${key.id}" is taken`, {
          cause: err,
        });
      }
    },
    async get(id) {
      const row = byId.get(id) as Row | undefined;
      return row && toKey(row);
    },
    async list() {
      return (all.all() as Row[]).map(toKey);
    },
    async update(id, patch) {
      return update.immediate(id, patch);
    },
    async remove(id) {
      return remove.run(id).changes > 0;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
