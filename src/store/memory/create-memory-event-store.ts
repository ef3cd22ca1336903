import { decodeEventCursor, encodeEventCursor } from '../event-cursor.js';
import type { EventQuery, EventStore } from '../event-store.js';
import { checkBucketMs, eventCategories, pageLimit } from '../event-store-rules.js';
import { valueMentionsAddress } from '../mentions-address.js';
import { type CategorizedEvent, computeEventStats } from './compute-event-stats.js';

interface Row extends CategorizedEvent {
  /** Append order, which breaks ties between events of the same millisecond. */
  readonly seq: number;
}

/** The first index at or after (time, seq) in rows sorted by time, then seq. */
function lowerBound(rows: readonly Row[], time: number, seq: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const row = rows[mid]!;
    if (row.event.time < time || (row.event.time === time && row.seq < seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function matches(row: Row, query: EventQuery): boolean {
  const { event } = row;
  return (
    (query.site === undefined || event.site === query.site) &&
    (query.client === undefined || event.client.ip === query.client) &&
    (query.action === undefined || event.verdict.action === query.action) &&
    (query.category === undefined || row.categories.includes(query.category)) &&
    (query.path === undefined || event.request.path.startsWith(query.path))
  );
}

/**
 * The in-memory event store, bounded: past `max` events the oldest go. Events are kept sorted by time, so that
 * time ranges, pages and pruning are binary searches.
 * @example const store = createMemoryEventStore({ max: 100_000 });
 */
export function createMemoryEventStore(options: { readonly max: number }): EventStore {
  if (!Number.isInteger(options.max) || options.max < 1)
    throw new TypeError('store.memory: max must be a positive integer');
  const rows: Row[] = [];
  const byId = new Map<string, Row>();
  let seq = 0;

  const removeOldest = (count: number) => {
    for (const row of rows.splice(0, count)) byId.delete(row.event.id);
  };
  // Indexes [lo, hi) of the rows inside the query's time range.
  const window = (query: EventQuery): [number, number] => [
    query.from === undefined ? 0 : lowerBound(rows, query.from, Number.NEGATIVE_INFINITY),
    query.to === undefined ? rows.length : lowerBound(rows, query.to, Number.NEGATIVE_INFINITY),
  ];
  const select = (query: EventQuery) => {
    const [lo, hi] = window(query);
    return rows.slice(lo, hi).filter((row) => matches(row, query));
  };

  return {
    async append(events) {
      for (const event of events) {
        if (byId.has(event.id)) continue;
        const row = { seq: ++seq, event, categories: eventCategories(event) };
        // Events come nearly in time order, so this is almost always a push at the end.
        rows.splice(lowerBound(rows, event.time, row.seq), 0, row);
        byId.set(event.id, row);
      }
      if (rows.length > options.max) removeOldest(rows.length - options.max);
    },
    async get(id) {
      return byId.get(id)?.event;
    },
    async query(query) {
      const limit = pageLimit(query.limit);
      let [lo, hi] = window(query);
      if (query.cursor !== undefined) {
        const after = decodeEventCursor(query.cursor);
        hi = Math.min(hi, lowerBound(rows, after.time, after.seq));
      }
      const found: Row[] = [];
      for (let i = hi - 1; i >= lo && found.length <= limit; i--)
        if (matches(rows[i]!, query)) found.push(rows[i]!);
      const page = found.slice(0, limit);
      const last = page[page.length - 1];
      return {
        events: page.map((row) => row.event),
        next:
          found.length > limit && last ? encodeEventCursor({ time: last.event.time, seq: last.seq }) : null,
      };
    },
    async count(query = {}) {
      return select(query).length;
    },
    async stats(query) {
      checkBucketMs(query.bucketMs);
      return computeEventStats(select(query), query);
    },
    async prune(before) {
      const count = lowerBound(rows, before, Number.NEGATIVE_INFINITY);
      removeOldest(count);
      return count;
    },
    async eraseClient(ip) {
      if (ip === '') return 0;
      // Compacted in place: the kept rows keep their order.
      let kept = 0;
      for (const row of rows) {
        if (row.event.client.ip === ip || valueMentionsAddress(row.event, ip)) byId.delete(row.event.id);
        else rows[kept++] = row;
      }
      const removed = rows.length - kept;
      rows.length = kept;
      return removed;
    },
    async close() {},
  };
}
