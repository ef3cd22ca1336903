import type { SealedSecret, SecretStore } from '../secret-store.js';
import { secretGone } from '../secret-store-rules.js';
import type { SqliteDatabase } from './open-sqlite.js';

/**
 * Sealed secrets in SQLite. `replaceAll` is one transaction: a key rotation lands whole or not at all.
 * @example const store = createSqliteSecretStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteSecretStore(db: SqliteDatabase): SecretStore {
  const put = db.prepare(
    `INSERT INTO secrets (name, sealed, updated) VALUES (@name, @sealed, @updated)
     ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, updated = excluded.updated`,
  );
  const get = db.prepare('SELECT name, sealed, updated FROM secrets WHERE name = ?');
  // substr and length count characters on both sides, so any prefix matches exactly (no LIKE wildcards).
  const list = db.prepare(
    'SELECT name, sealed, updated FROM secrets WHERE substr(name, 1, length(@prefix)) = @prefix ORDER BY name',
  );
  const remove = db.prepare('DELETE FROM secrets WHERE name = ?');
  const update = db.prepare('UPDATE secrets SET sealed = @sealed, updated = @updated WHERE name = @name');
  const replaceAll = db.transaction((secrets: readonly SealedSecret[]) => {
    for (const secret of secrets) {
      if (update.run(pick(secret)).changes === 0) throw secretGone(secret.name);
    }
  });
  return {
    async put(secret) {
      put.run(pick(secret));
    },
    async get(name) {
      return get.get(name) as SealedSecret | undefined;
    },
    async list(prefix = '') {
      return list.all({ prefix }) as SealedSecret[];
    },
    async remove(name) {
      return remove.run(name).changes > 0;
    },
    async replaceAll(secrets) {
      replaceAll.immediate(secrets);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

const pick = (s: SealedSecret) => ({ name: s.name, sealed: s.sealed, updated: s.updated });
