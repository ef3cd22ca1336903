import type { AuditEntry } from '../../core/index.js';
import { AUDIT_COLUMNS, type AuditRow as Row, toEntry } from '../audit-row.js';
import type { AuditHead, AuditQuery, AuditStore } from '../audit-store.js';
import { auditLimit } from '../audit-store-rules.js';
import type { SqliteDatabase } from './open-sqlite.js';

const COLUMNS = AUDIT_COLUMNS;
// Scans read pages, so the connection is free between them for appends from the same process.
const SCAN_PAGE = 500;

function where(query: AuditQuery): string {
  const conditions = [
    query.afterSeq === undefined ? '' : 'seq > @afterSeq',
    query.actor === undefined ? '' : 'actor = @actor',
    query.action === undefined ? '' : 'action = @action',
    query.from === undefined ? '' : 'time >= @from',
    query.to === undefined ? '' : 'time < @to',
  ].filter((c) => c !== '');
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

/**
 * The audit chain in SQLite: `audit` rows in the order they were written (`position`) and the head in
 * `audit_head`. An append is one IMMEDIATE transaction, so two processes never link to the same head.
 * @example const store = createSqliteAuditStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteAuditStore(db: SqliteDatabase): AuditStore {
  const readHead = db.prepare('SELECT seq, hash FROM audit_head WHERE one = 1');
  const insert = db.prepare(
    `INSERT INTO audit (${COLUMNS})
     VALUES (@seq, @time, @actor, @action, @target, @outcome, @ip, @details, @prevHash, @hash)`,
  );
  const moveHead = db.prepare(
    `INSERT INTO audit_head (one, seq, hash) VALUES (1, ?, ?)
     ON CONFLICT (one) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`,
  );
  // The cursor is read as text: a position moved far out by hand is still exact past 2^53.
  const cursor = 'CAST(position AS TEXT) AS cursor';
  const firstPage = db.prepare(`SELECT ${cursor}, ${COLUMNS} FROM audit ORDER BY position LIMIT ?`);
  const nextPage = db.prepare(
    `SELECT ${cursor}, ${COLUMNS} FROM audit WHERE position > ? ORDER BY position LIMIT ?`,
  );
  const lists = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  const append = db.transaction((link: (head: AuditHead | undefined) => AuditEntry) => {
    const entry = link(readHead.get() as AuditHead | undefined);
    insert.run({ ...entry, details: JSON.stringify(entry.details) });
    moveHead.run(entry.seq, entry.hash);
    return entry;
  });
  return {
    async append(link) {
      return append.immediate(link);
    },
    async head() {
      const head = readHead.get() as AuditHead | undefined;
      return head === undefined ? undefined : { seq: head.seq, hash: head.hash };
    },
    async list(query = {}) {
      const sql = `SELECT ${COLUMNS} FROM audit ${where(query)} ORDER BY seq, position LIMIT @limit`;
      let statement = lists.get(sql);
      if (statement === undefined) {
        statement = db.prepare(sql);
        lists.set(sql, statement);
      }
      const { afterSeq, actor, action, from, to } = query;
      const params = { afterSeq, actor, action, from, to, limit: auditLimit(query) };
      const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
      return (statement.all(defined) as Row[]).map(toEntry);
    },
    async *scan() {
      let after: bigint | undefined;
      for (;;) {
        const rows = (
          after === undefined ? firstPage.all(SCAN_PAGE) : nextPage.all(after, SCAN_PAGE)
        ) as (Row & { cursor: string })[];
        for (const row of rows) yield toEntry(row);
        if (rows.length < SCAN_PAGE) return;
        after = BigInt(rows.at(-1)!.cursor);
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
