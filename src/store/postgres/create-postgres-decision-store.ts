import { type DecisionRow as Row, toDecision } from '../decision-row.js';
import type { DecisionStore } from '../decision-store.js';
import type { PostgresDatabase } from './open-postgres.js';

const COLUMNS = 'id, scope, value, action, reason, source, created, expires, created_by';

/**
 * Decisions in PostgreSQL. A replaced decision takes a new `position`, so that among decisions created in
 * the same millisecond it lists last, as in the other stores.
 * @example const store = createPostgresDecisionStore(await openPostgres({ connectionString }));
 */
export function createPostgresDecisionStore(db: PostgresDatabase): DecisionStore {
  return {
    async add(d) {
      await db.query(
        `INSERT INTO decisions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO UPDATE SET scope = excluded.scope, value = excluded.value,
           action = excluded.action, reason = excluded.reason, source = excluded.source,
           created = excluded.created, expires = excluded.expires, created_by = excluded.created_by,
           position = excluded.position`,
        [d.id, d.scope, d.value, d.action, d.reason, d.source, d.created, d.expires, d.createdBy],
      );
    },
    async remove(id) {
      return (await db.query('DELETE FROM decisions WHERE id = $1', [id])).rowCount === 1;
    },
    async list(now) {
      const { rows } = await db.query<Row>(
        `SELECT ${COLUMNS} FROM decisions WHERE expires IS NULL OR expires > $1 ORDER BY created, position`,
        [now],
      );
      return rows.map(toDecision);
    },
    async prune(now) {
      const result = await db.query('DELETE FROM decisions WHERE expires IS NOT NULL AND expires <= $1', [
        now,
      ]);
      return result.rowCount ?? 0;
    },
    close: () => db.close(),
  };
}
