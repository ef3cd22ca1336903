import { DatabaseError } from 'pg';
import type { ChangeRequest } from '../../core/index.js';
import { changeIdTaken, changeLimit } from '../change-request-rules.js';
import type { ChangeRequestStore } from '../change-request-store.js';
import type { PostgresDatabase } from './open-postgres.js';

const UNIQUE_VIOLATION = '23505';

// The columns of a request, in the order of the statements' first five parameters.
const columns = (request: ChangeRequest): unknown[] => [
  request.id,
  request.status,
  request.created,
  request.decided,
  JSON.stringify(request),
];

/**
 * Change requests in PostgreSQL: status and times in columns, the whole request as JSON text in `record`. An
 * update is one UPDATE whose WHERE holds the expected status: of two approvers, only the first changes the row.
 * @example const store = createPostgresChangeRequestStore(await openPostgres({ connectionString }));
 */
export function createPostgresChangeRequestStore(db: PostgresDatabase): ChangeRequestStore {
  return {
    async create(request) {
      try {
        await db.query(
          'INSERT INTO change_requests (id, status, created, decided, record) VALUES ($1, $2, $3, $4, $5)',
          columns(request),
        );
      } catch (err) {
        if (err instanceof DatabaseError && err.code === UNIQUE_VIOLATION)
          throw changeIdTaken('store.postgres', request.id, err);
        throw err;
      }
    },
    async get(id) {
      const { rows } = await db.query<{ record: string }>(
        'SELECT record FROM change_requests WHERE id = $1',
        [id],
      );
      return rows[0] && (JSON.parse(rows[0].record) as ChangeRequest);
    },
    async list(query = {}) {
      const { rows } = await db.query<{ record: string }>(
        `SELECT record FROM change_requests WHERE ($1::text IS NULL OR status = $1)
         ORDER BY created DESC, seq DESC LIMIT $2`,
        [query.status ?? null, changeLimit(query.limit)],
      );
      return rows.map((row) => JSON.parse(row.record) as ChangeRequest);
    },
    async update(request, expected) {
      const updated = await db.query(
        `UPDATE change_requests SET status = $2, created = $3, decided = $4, record = $5
         WHERE id = $1 AND status = $6`,
        [...columns(request), expected],
      );
      return (updated.rowCount ?? 0) > 0;
    },
    async prune(before) {
      const pruned = await db.query(
        "DELETE FROM change_requests WHERE status <> 'pending' AND decided < $1",
        [before],
      );
      return pruned.rowCount ?? 0;
    },
    close: () => db.close(),
  };
}
