import type { ConfigVersion, ConfigVersionStore } from '../config-version-store.js';
import type { PostgresDatabase } from './open-postgres.js';

const DEFAULT_LIMIT = 50;
const COLUMNS = 'version, time, author, source, digest, comment, sealed';

/**
 * The configuration history in PostgreSQL. `append` locks the table against other appends (reads go on), then
 * numbers the version inside its INSERT: the lock is taken before the statement's snapshot, so the statement
 * sees every version committed before it, and two processes applying at once get consecutive numbers.
 * @example const store = createPostgresConfigVersionStore(await openPostgres({ connectionString }));
 */
export function createPostgresConfigVersionStore(db: PostgresDatabase): ConfigVersionStore {
  const one = async (sql: string, values: unknown[] = []) =>
    (await db.query<ConfigVersion>(sql, values)).rows[0];
  return {
    append: (applied) =>
      db.transaction(async (tx) => {
        await tx.query('LOCK TABLE config_versions IN EXCLUSIVE MODE');
        const { rows } = await tx.query<ConfigVersion>(
          `INSERT INTO config_versions (${COLUMNS})
           SELECT COALESCE(MAX(version), 0) + 1, $1::bigint, $2, $3, $4, $5, $6 FROM config_versions
           RETURNING ${COLUMNS}`,
          [
            applied.time,
            applied.author,
            applied.source,
            applied.digest,
            applied.comment,
            applied.sealed ?? null,
          ],
        );
        return rows[0]!;
      }),
    get: (version) => one(`SELECT ${COLUMNS} FROM config_versions WHERE version = $1`, [version]),
    latest: () => one(`SELECT ${COLUMNS} FROM config_versions ORDER BY version DESC LIMIT 1`),
    async list(limit = DEFAULT_LIMIT) {
      const { rows } = await db.query<ConfigVersion>(
        `SELECT ${COLUMNS} FROM config_versions ORDER BY version DESC LIMIT $1`,
        [Math.max(0, limit)],
      );
      return rows;
    },
    close: () => db.close(),
  };
}
