import type { SecurityEvent } from '../../core/index.js';
import { decodeEventCursor, encodeEventCursor } from '../event-cursor.js';
import type { EventStore } from '../event-store.js';
import { checkBucketMs, eventCategories, pageLimit } from '../event-store-rules.js';
import { addressNeedle, valueMentionsAddress } from '../mentions-address.js';
import { eventConditions } from './event-filter-sql.js';
import type { PostgresDatabase } from './open-postgres.js';
import { queryEventStats } from './query-event-stats.js';
import { sqlParams, whereAll } from './sql-params.js';

/** Rows deleted per statement when pruning, so that no transaction grows with the table. */
const PRUNE_CHUNK = 5000;
/** Rows deleted or read per statement when erasing a client. */
const ERASE_CHUNK = 1000;

// One statement for the whole batch: one array per column, unnested in batch order (so `seq` follows it and,
// of two events with one id, the first is kept). Categories travel as JSON, an array per event.
const INSERT = `INSERT INTO events (id, time, site, client, action, categories, path, total_ms, body)
  SELECT id, time, site, client, action, ARRAY(SELECT jsonb_array_elements_text(categories)), path, total_ms, body
  FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[],
    $8::float8[], $9::text[])
    WITH ORDINALITY AS batch (id, time, site, client, action, categories, path, total_ms, body, n)
  ORDER BY n
  ON CONFLICT (id) DO NOTHING`;

// The batch as one array per column, in the order of INSERT's parameters.
const columns = (events: readonly SecurityEvent[]): unknown[][] => [
  events.map((e) => e.id),
  events.map((e) => e.time),
  events.map((e) => e.site),
  events.map((e) => e.client.ip),
  events.map((e) => e.verdict.action),
  events.map((e) => JSON.stringify(eventCategories(e))),
  events.map((e) => e.request.path),
  events.map((e) => e.timings.totalMs),
  events.map((e) => JSON.stringify(e)),
];

/** Where a page starts: after the cursor's event, refused (RangeError) unless this store could have made it. */
function decodeCursor(cursor: string) {
  const after = decodeEventCursor(cursor);
  if (!Number.isSafeInteger(after.time)) throw new RangeError('store.events: the cursor is malformed');
  return after;
}

/**
 * Security events in PostgreSQL: the filterable fields in columns (categories as a text array), the whole
 * event as JSON text in `body`. A batch is one INSERT; pages are read newest first by (time, seq) from the
 * (time, seq) index, and the cursor carries that pair, so pages neither repeat nor skip events while new ones
 * arrive. Stats are SQL aggregates over one snapshot.
 * @example const store = createPostgresEventStore(await openPostgres({ connectionString }));
 */
export function createPostgresEventStore(db: PostgresDatabase): EventStore {
  return {
    async append(events) {
      if (events.length > 0) await db.query(INSERT, columns(events));
    },
    async get(id) {
      const { rows } = await db.query<{ body: string }>('SELECT body FROM events WHERE id = $1', [id]);
      return rows[0] && (JSON.parse(rows[0].body) as SecurityEvent);
    },
    async query(query) {
      const limit = pageLimit(query.limit);
      const params = sqlParams();
      const conditions = eventConditions(query, params);
      if (query.cursor !== undefined) {
        const after = decodeCursor(query.cursor);
        conditions.push(`(time, seq) < (${params.add(after.time)}, ${params.add(after.seq)})`);
      }
      // One row more than the page tells whether an older page exists.
      const { rows } = await db.query<{ seq: number; time: number; body: string }>(
        `SELECT seq, time, body FROM events ${whereAll(conditions)}
         ORDER BY time DESC, seq DESC LIMIT ${params.add(limit + 1)}`,
        params.values,
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        events: page.map((row) => JSON.parse(row.body) as SecurityEvent),
        next: rows.length > limit && last ? encodeEventCursor(last) : null,
      };
    },
    async count(query = {}) {
      const params = sqlParams();
      const where = whereAll(eventConditions(query, params));
      const { rows } = await db.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM events ${where}`,
        params.values,
      );
      return rows[0]!.n;
    },
    async stats(query) {
      checkBucketMs(query.bucketMs);
      return db.transaction((tx) => queryEventStats(tx, query), { snapshot: true });
    },
    async prune(before) {
      let removed = 0;
      for (;;) {
        const deleted = await db.query(
          'DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE time < $1 LIMIT $2)',
          [before, PRUNE_CHUNK],
        );
        const count = deleted.rowCount ?? 0;
        removed += count;
        if (count < PRUNE_CHUNK) return removed;
      }
    },
    async eraseClient(ip) {
      const needle = addressNeedle(ip);
      if (needle === undefined) return 0;
      let removed = 0;
      // The client's own events from its index, a chunk at a time, until a chunk comes back short.
      let count: number;
      do {
        const deleted = await db.query(
          'DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE client = $1 LIMIT $2)',
          [ip, ERASE_CHUNK],
        );
        count = deleted.rowCount ?? 0;
        removed += count;
      } while (count === ERASE_CHUNK);
      // Then those whose record holds the address's text, each confirmed as a whole address. Each step starts
      // past the last row read, so the steps end once the table has been read through.
      const body = needle.lower ? 'lower(body)' : 'body';
      let after: number | undefined = 0;
      while (after !== undefined) {
        const { rows }: { rows: { seq: number; body: string }[] } = await db.query(
          `SELECT seq, body FROM events WHERE seq > $1 AND strpos(${body}, $2) > 0 ORDER BY seq LIMIT $3`,
          [after, needle.text, ERASE_CHUNK],
        );
        const mentioning = rows
          .filter((row) => valueMentionsAddress(JSON.parse(row.body), ip))
          .map((row) => row.seq);
        if (mentioning.length > 0) {
          const deleted = await db.query('DELETE FROM events WHERE seq = ANY ($1::bigint[])', [mentioning]);
          removed += deleted.rowCount ?? 0;
        }
        after = rows.length < ERASE_CHUNK ? undefined : rows.at(-1)!.seq;
      }
      return removed;
    },
    close: () => db.close(),
  };
}
