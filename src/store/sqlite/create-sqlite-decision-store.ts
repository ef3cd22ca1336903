import { type DecisionRow as Row, toDecision } from '../decision-row.js';
import type { DecisionStore } from '../decision-store.js';
import type { SqliteDatabase } from './open-sqlite.js';

/**
 * Decisions in SQLite. Statements are prepared once; each call is one short statement (better-sqlite3 is
 * synchronous, and decisions are few and rare, so the promise only keeps the port's shape).
 * @example const store = createSqliteDecisionStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteDecisionStore(db: SqliteDatabase): DecisionStore {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO decisions (id, scope, value, action, reason, source, created, expires, created_by)
     VALUES (@id, @scope, @value, @action, @reason, @source, @created, @expires, @createdBy)`,
  );
  const remove = db.prepare('DELETE FROM decisions WHERE id = ?');
  const live = db.prepare(
    'SELECT * FROM decisions WHERE expires IS NULL OR expires > ? ORDER BY created, rowid',
  );
  const prune = db.prepare('DELETE FROM decisions WHERE expires IS NOT NULL AND expires <= ?');
  return {
    async add(decision) {
      insert.run(decision);
    },
    async remove(id) {
      return remove.run(id).changes > 0;
    },
    async list(now) {
      return (live.all(now) as Row[]).map(toDecision);
    },
    async prune(now) {
      return prune.run(now).changes;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
