import type { ChangeRequest } from '../../core/index.js';
import { changeIdTaken, changeLimit } from '../change-request-rules.js';
import type { ChangeRequestStore } from '../change-request-store.js';
import type { SqliteDatabase } from './open-sqlite.js';

const isUniqueViolation = (err: unknown) => (err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';

const columns = (request: ChangeRequest) => ({
  id: request.id,
  status: request.status,
  created: request.created,
  decided: request.decided,
  record: JSON.stringify(request),
});

/**
 * Change requests in SQLite: status and times in columns, the whole request as JSON in `record`. An update is
 * one UPDATE whose WHERE holds the expected status: of two approvers, only the first changes the row.
 * @example const store = createSqliteChangeRequestStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteChangeRequestStore(db: SqliteDatabase): ChangeRequestStore {
  const insert = db.prepare(
    `INSERT INTO change_requests (id, status, created, decided, record)
     VALUES (@id, @status, @created, @decided, @record)`,
  );
  const get = db.prepare('SELECT record FROM change_requests WHERE id = ?').pluck();
  const list = db
    .prepare(
      `SELECT record FROM change_requests WHERE (@status IS NULL OR status = @status)
       ORDER BY created DESC, seq DESC LIMIT @limit`,
    )
    .pluck();
  const update = db.prepare(
    `UPDATE change_requests SET status = @status, created = @created, decided = @decided, record = @record
     WHERE id = @id AND status = @expected`,
  );
  const prune = db.prepare("DELETE FROM change_requests WHERE status <> 'pending' AND decided < ?");
  return {
    async create(request) {
      try {
        insert.run(columns(request));
      } catch (err) {
        throw isUniqueViolation(err) ? changeIdTaken('store.sqlite', request.id, err) : err;
      }
    },
    async get(id) {
      const record = get.get(id) as string | undefined;
      return record === undefined ? undefined : (JSON.parse(record) as ChangeRequest);
    },
    async list(query = {}) {
      const rows = list.all({ status: query.status ?? null, limit: changeLimit(query.limit) }) as string[];
      return rows.map((record) => JSON.parse(record) as ChangeRequest);
    },
    async update(request, expected) {
      return update.run({ ...columns(request), expected }).changes > 0;
    },
    async prune(before) {
      return prune.run(before).changes;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
