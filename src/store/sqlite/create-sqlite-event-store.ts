import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SecurityEvent } from '../../core/index.js';
import { decodeEventCursor, encodeEventCursor } from '../event-cursor.js';
import type { EventStore } from '../event-store.js';
import { checkBucketMs, eventCategories, pageLimit } from '../event-store-rules.js';
import { categoriesColumn, eventFilterSql } from './event-filter-sql.js';
import type { SqliteDatabase } from './open-sqlite.js';
import { queryEventStats } from './query-event-stats.js';
import { createStatementCache } from './statement-cache.js';

/** Rows deleted per statement when pruning; the event loop gets a turn between chunks. */
const PRUNE_CHUNK = 5000;

// Row values compare (time, seq) as one key, which the time index (time, then rowid) serves in order.
const OLDER_THAN_CURSOR = '(time, seq) < (@afterTime, @afterSeq)';

interface PageRow {
  seq: number;
  time: number;
  body: string;
}

const toRow = (event: SecurityEvent) => [
  event.id,
  event.time,
  event.site,
  event.client.ip,
  event.verdict.action,
  categoriesColumn(eventCategories(event)),
  event.request.path,
  event.timings.totalMs,
  JSON.stringify(event),
];

/**
 * Security events in SQLite: the filterable fields in columns, the whole event as JSON in `body`. A batch is
 * one transaction of one prepared insert; pages are read newest first by (time, seq) from the time index, and
 * the cursor carries that pair, so pages neither repeat nor skip events while new ones arrive.
 * @example const store = createSqliteEventStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteEventStore(db: SqliteDatabase): EventStore {
  const prepare = createStatementCache(db);
  const insert = db.prepare(
    // Only a known id is skipped; OR IGNORE would also drop rows that break NOT NULL, silently.
    `INSERT INTO events (id, time, site, client, action, categories, path, total_ms, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const insertAll = db.transaction((events: readonly SecurityEvent[]) => {
    for (const event of events) insert.run(toRow(event));
  });
  const byId = db.prepare('SELECT body FROM events WHERE id = ?').pluck();
  const pruneChunk = db.prepare(
    'DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE time < ? LIMIT ?)',
  );
  return {
    async append(events) {
      insertAll(events);
    },
    async get(id) {
      const body = byId.get(id) as string | undefined;
      return body === undefined ? undefined : (JSON.parse(body) as SecurityEvent);
    },
    async query(query) {
      const limit = pageLimit(query.limit);
      const after = query.cursor === undefined ? undefined : decodeEventCursor(query.cursor);
      const { where, params } = eventFilterSql(query, ...(after ? [OLDER_THAN_CURSOR] : []));
      // One row more than the page tells whether an older page exists.
      const rows = prepare(
        `SELECT seq, time, body FROM events ${where} ORDER BY time DESC, seq DESC LIMIT @limit`,
      ).all({ ...params, afterTime: after?.time, afterSeq: after?.seq, limit: limit + 1 }) as PageRow[];
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        events: page.map((row) => JSON.parse(row.body) as SecurityEvent),
        next: rows.length > limit && last ? encodeEventCursor(last) : null,
      };
    },
    async count(query = {}) {
      const { where, params } = eventFilterSql(query);
      return (prepare(`SELECT COUNT(*) AS n FROM events ${where}`).get(params) as { n: number }).n;
    },
    async stats(query) {
      checkBucketMs(query.bucketMs);
      return db.transaction(() => queryEventStats(prepare, query))();
    },
    async prune(before) {
      let removed = 0;
      for (;;) {
        const changes = pruneChunk.run(before, PRUNE_CHUNK).changes;
        removed += changes;
        if (changes < PRUNE_CHUNK) return removed;
        await nextTurn();
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
