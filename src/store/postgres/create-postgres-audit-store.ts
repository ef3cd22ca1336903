import { AUDIT_COLUMNS, type AuditRow as Row, toEntry } from '../audit-row.js';
import type { AuditHead, AuditQuery, AuditStore } from '../audit-store.js';
import { auditLimit } from '../audit-store-rules.js';
import type { PostgresDatabase } from './open-postgres.js';
import { type SqlParams, sqlParams, whereAll } from './sql-params.js';

const COLUMNS = AUDIT_COLUMNS;
// Scans read pages, so that no connection is held between them and appends go on meanwhile.
const SCAN_PAGE = 500;
// Below every position, tampered ones too; positions travel as text, exact past 2^53.
const BEFORE_ALL = '-9223372036854775808';

function conditions(query: AuditQuery, params: SqlParams): string[] {
  const out: string[] = [];
  if (query.afterSeq !== undefined) out.push(`seq > ${params.add(query.afterSeq)}`);
  if (query.actor !== undefined) out.push(`actor = ${params.add(query.actor)}`);
  if (query.action !== undefined) out.push(`action = ${params.add(query.action)}`);
  if (query.from !== undefined) out.push(`time >= ${params.add(query.from)}`);
  if (query.to !== undefined) out.push(`time < ${params.add(query.to)}`);
  return out;
}

/**
 * The audit chain in PostgreSQL: `audit` rows in the order they were written (`position`) and the head in
 * `audit_head`. An append locks `audit_head` against other appends (reads go on) for its transaction, so two
 * processes never link to the same head.
 * @example const store = createPostgresAuditStore(await openPostgres({ connectionString }));
 */
export function createPostgresAuditStore(db: PostgresDatabase): AuditStore {
  const readHead = 'SELECT seq, hash FROM audit_head WHERE one = 1';
  return {
    append: (link) =>
      db.transaction(async (tx) => {
        await tx.query('LOCK TABLE audit_head IN EXCLUSIVE MODE');
        const entry = link((await tx.query<AuditHead>(readHead)).rows[0]);
        await tx.query(
          `WITH written AS (
             INSERT INTO audit (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           )
           INSERT INTO audit_head (one, seq, hash) VALUES (1, $1, $10)
           ON CONFLICT (one) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`,
          [
            entry.seq,
            entry.time,
            entry.actor,
            entry.action,
            entry.target,
            entry.outcome,
            entry.ip,
            JSON.stringify(entry.details),
            entry.prevHash,
            entry.hash,
          ],
        );
        return entry;
      }),
    async head() {
      return (await db.query<AuditHead>(readHead)).rows[0];
    },
    async list(query = {}) {
      const params = sqlParams();
      const where = whereAll(conditions(query, params));
      const { rows } = await db.query<Row>(
        `SELECT ${COLUMNS} FROM audit ${where} ORDER BY seq, position LIMIT ${params.add(auditLimit(query))}`,
        params.values,
      );
      return rows.map(toEntry);
    },
    async *scan() {
      for (let after = BEFORE_ALL; ; ) {
        const { rows } = await db.query<Row & { cursor: string }>(
          `SELECT position::text AS cursor, ${COLUMNS} FROM audit WHERE position > $1 ORDER BY position LIMIT $2`,
          [after, SCAN_PAGE],
        );
        for (const row of rows) yield toEntry(row);
        if (rows.length < SCAN_PAGE) return;
        after = rows.at(-1)!.cursor;
      }
    },
    close: () => db.close(),
  };
}
