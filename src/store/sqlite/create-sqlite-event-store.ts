import type { SecurityEvent } from '../../core/index.js';
import { decodeEventCursor, encodeEventCursor } from '../event-cursor.js';
import type { EventStore } from '../event-store.js';
import { checkBucketMs, eventCategories, pageLimit } from '../event-store-rules.js';
import { createSqliteEventEraser } from './erase-sqlite-events.js';
import { categoriesColumn, eventFilterSql } from './event-filter-sql.js';
import { createRollupWriter, type RolledUpEvent } from './event-rollups.js';
import type { SqliteDatabase } from './open-sqlite.js';
import { createSqliteEventPruner } from './prune-sqlite-events.js';
import { queryEventStats } from './query-event-stats.js';
import { queryRollupStats, rollupsCover } from './query-rollup-stats.js';
import { createStatementCache } from './statement-cache.js';

/** Options of the SQLite event store. */
export interface SqliteEventStoreOptions {
  /**
   * Stats read the per-minute rollups, rather than every event, when the range holds more events than this
   * (all sites counted, since the exact scan reads them all) and the query allows it. Default 20,000.
   */
  readonly rollupAbove?: number;
}

// Row values compare (time, seq) as one key, which the time index (time, then rowid) serves in order.
const OLDER_THAN_CURSOR = '(time, seq) < (@afterTime, @afterSeq)';

interface PageRow {
  seq: number;
  time: number;
  body: string;
}

const toRolledUp = (event: SecurityEvent): RolledUpEvent => ({
  time: event.time,
  site: event.site,
  client: event.client.ip,
  action: event.verdict.action,
  categories: categoriesColumn(eventCategories(event)),
  path: event.request.path,
  total_ms: event.timings.totalMs,
});

/**
 * Security events in SQLite: the filterable fields in columns, the whole event as JSON in `body`. A batch is
 * one transaction of one prepared insert, plus the per-minute rollups of the events it wrote; pages are read
 * newest first by (time, seq) from the time index, and the cursor carries that pair, so pages neither repeat
 * nor skip events while new ones arrive. Stats over many events come from the rollups when the query is by
 * site and whole minutes at most: the counts are exact, the latency percentiles approximate (see
 * query-rollup-stats.ts); other stats scan the events. Erasing a client takes its events out of the rollups too.
 * @example const store = createSqliteEventStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteEventStore(
  db: SqliteDatabase,
  options: SqliteEventStoreOptions = {},
): EventStore {
  const { rollupAbove = 20_000 } = options;
  if (!(rollupAbove >= 0))
    throw new RangeError(`store.events: rollupAbove must be a number of events, not ${rollupAbove}`);
  const prepare = createStatementCache(db);
  const insert = db.prepare(
    // Only a known id is skipped; OR IGNORE would also drop rows that break NOT NULL, silently.
    `INSERT INTO events (id, time, site, client, action, categories, path, total_ms, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const rollUp = createRollupWriter(db);
  const insertAll = db.transaction((events: readonly SecurityEvent[]) => {
    const inserted: RolledUpEvent[] = [];
    for (const event of events) {
      const row = toRolledUp(event);
      const { time, site, client, action, categories, path } = row;
      const body = JSON.stringify(event);
      // A skipped id changes nothing, and must not be counted.
      if (insert.run(event.id, time, site, client, action, categories, path, row.total_ms, body).changes > 0)
        inserted.push(row);
    }
    rollUp(inserted, 1);
  });
  const byId = db.prepare('SELECT body FROM events WHERE id = ?').pluck();
  // Counting stops one past the threshold: deciding costs at most that many steps of the time index.
  const eventsUpTo = db
    .prepare('SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE time >= ? AND time < ? LIMIT ?)')
    .pluck();
  const countCap = Math.min(Math.floor(rollupAbove) + 1, Number.MAX_SAFE_INTEGER);
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
      return db.transaction(() =>
        rollupsCover(query) && (eventsUpTo.get(query.from, query.to, countCap) as number) > rollupAbove
          ? queryRollupStats(prepare, query)
          : queryEventStats(prepare, query),
      )();
    },
    prune: createSqliteEventPruner(db, rollUp),
    eraseClient: createSqliteEventEraser(db, rollUp),
    async close() {
      if (db.open) db.close();
    },
  };
}
