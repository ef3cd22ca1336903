import type { SealedSecret, SecretStore } from '../secret-store.js';
import { secretGone } from '../secret-store-rules.js';
import type { PostgresDatabase } from './open-postgres.js';

/**
 * Sealed secrets in PostgreSQL. `replaceAll` is one transaction: a key rotation lands whole or not at all.
 * Names sort bytewise (COLLATE "C"), whatever the database's collation.
 * @example const store = createPostgresSecretStore(await openPostgres({ connectionString }));
 */
export function createPostgresSecretStore(db: PostgresDatabase): SecretStore {
  const UPDATE = 'UPDATE secrets SET sealed = $2, updated = $3 WHERE name = $1';
  return {
    async put(s) {
      await db.query(
        `INSERT INTO secrets (name, sealed, updated) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, updated = excluded.updated`,
        [s.name, s.sealed, s.updated],
      );
    },
    async get(name) {
      const { rows } = await db.query<SealedSecret>(
        'SELECT name, sealed, updated FROM secrets WHERE name = $1',
        [name],
      );
      return rows[0];
    },
    async list(prefix = '') {
      const { rows } = await db.query<SealedSecret>(
        'SELECT name, sealed, updated FROM secrets WHERE starts_with(name, $1) ORDER BY name COLLATE "C"',
        [prefix],
      );
      return rows;
    },
    async remove(name) {
      return (await db.query('DELETE FROM secrets WHERE name = $1', [name])).rowCount === 1;
    },
    replaceAll: (secrets) =>
      db.transaction(async (tx) => {
        for (const s of secrets) {
          const updated = await tx.query(UPDATE, [s.name, s.sealed, s.updated]);
          if (updated.rowCount === 0) throw secretGone(s.name);
        }
      }),
    close: () => db.close(),
  };
}
