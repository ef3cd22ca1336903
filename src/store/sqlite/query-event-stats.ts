import type { EventBucket, EventQuery, EventStats } from '../event-store.js';
import {
  byCountThenName,
  latencyRanks,
  planBuckets,
  SLOWED_ACTIONS,
  topLimit,
} from '../event-store-rules.js';
import { eventFilterSql } from './event-filter-sql.js';
import type { SqliteStatement } from './statement-cache.js';

type Prepare = (sql: string) => SqliteStatement;
type Params = Record<string, string | number>;

const SLOWED_SQL = [...SLOWED_ACTIONS].map((action) => `'${action}'`).join(', ');

function buckets(
  prepare: Prepare,
  where: string,
  params: Params,
  start: number,
  count: number,
  bucketMs: number,
) {
  const filled = new Map<number, Omit<EventBucket, 'time'>>();
  const rows = prepare(
    `SELECT CAST((time - @start) / @bucketMs AS INTEGER) AS slot, COUNT(*) AS requests,
       SUM(action = 'block') AS blocked, SUM(action = 'challenge') AS challenged,
       SUM(action IN (${SLOWED_SQL})) AS slowed, SUM(categories <> '') AS attacks
     FROM events ${where} GROUP BY slot`,
  ).all({ ...params, start, bucketMs }) as ({ slot: number } & Omit<EventBucket, 'time'>)[];
  for (const { slot, ...counts } of rows) filled.set(slot, counts);
  return Array.from({ length: count }, (_, slot): EventBucket => {
    const counts = filled.get(slot) ?? { requests: 0, blocked: 0, challenged: 0, slowed: 0, attacks: 0 };
    return { time: start + slot * bucketMs, ...counts };
  });
}

// Rows are grouped by their whole categories text first (few distinct combinations), then split, so that an
// event counts once for each distinct analyzer.
function categories(prepare: Prepare, query: EventQuery, top: number): EventStats['categories'] {
  const { where, params } = eventFilterSql(query, "categories <> ''");
  const rows = prepare(`SELECT categories, COUNT(*) AS count FROM events ${where} GROUP BY categories`).all(
    params,
  ) as { categories: string; count: number }[];
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const category of row.categories.slice(1, -1).split(','))
      counts.set(category, (counts.get(category) ?? 0) + row.count);
  return [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort(byCountThenName((e) => e.category))
    .slice(0, top);
}

// One sort for the three ranks, rather than one ORDER BY ... OFFSET per percentile.
function latency(prepare: Prepare, where: string, params: Params, total: number): EventStats['latency'] {
  if (total === 0) return { p50: 0, p95: 0, p99: 0 };
  const ranks = latencyRanks(total);
  const rows = prepare(
    `SELECT rank, total_ms AS value FROM (
       SELECT total_ms, ROW_NUMBER() OVER (ORDER BY total_ms) - 1 AS rank FROM events ${where})
     WHERE rank IN (@p50, @p95, @p99)`,
  ).all({ ...params, ...ranks }) as { rank: number; value: number }[];
  const value = new Map(rows.map((row) => [row.rank, row.value]));
  return { p50: value.get(ranks.p50)!, p95: value.get(ranks.p95)!, p99: value.get(ranks.p99)! };
}

/**
 * The stats of the events table, computed with SQL aggregates; run it inside one read transaction so that
 * every figure describes the same rows.
 */
export function queryEventStats(
  prepare: Prepare,
  query: EventQuery & { readonly bucketMs: number; readonly top?: number },
): EventStats {
  const { where, params } = eventFilterSql(query);
  const summary = prepare(
    `SELECT COUNT(*) AS total, MIN(time) AS first, MAX(time) AS last FROM events ${where}`,
  ).get(params) as { total: number; first: number | null; last: number | null };
  const plan = planBuckets(
    query.from ?? summary.first ?? undefined,
    query.to ?? (summary.last === null ? undefined : summary.last + 1),
    query.bucketMs,
  );
  const top = topLimit(query.top);
  const topOf = (column: 'client' | 'path', extra = '') =>
    prepare(
      `SELECT ${column}, COUNT(*) AS count${extra} FROM events ${where}
       GROUP BY ${column} ORDER BY count DESC, ${column} LIMIT @top`,
    ).all({ ...params, top });
  return {
    total: summary.total,
    buckets: buckets(prepare, where, params, plan.start, plan.count, query.bucketMs),
    categories: categories(prepare, query, top),
    actions: (
      prepare(`SELECT action, COUNT(*) AS count FROM events ${where} GROUP BY action`).all(params) as {
        action: string;
        count: number;
      }[]
    ).sort(byCountThenName((e) => e.action)),
    topClients: (
      topOf('client', ", SUM(categories <> '') AS attacks") as {
        client: string;
        count: number;
        attacks: number;
      }[]
    ).map((row) => ({ ip: row.client, count: row.count, attacks: row.attacks })),
    topPaths: topOf('path') as { path: string; count: number }[],
    latency: latency(prepare, where, params, summary.total),
  };
}
