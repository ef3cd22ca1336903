import type { Action } from '../../core/index.js';
import type { EventQuery, EventStats } from '../event-store.js';
import {
  byCountThenName,
  latencyRanks,
  planBuckets,
  SLOWED_ACTIONS,
  topLimit,
} from '../event-store-rules.js';
import { LATENCY_KEYS, latencyKeyValue, MINUTE } from './event-rollups.js';
import type { SqliteStatement } from './statement-cache.js';

type Prepare = (sql: string) => SqliteStatement;
type StatsQuery = EventQuery & { readonly bucketMs: number; readonly top?: number };

/** A stats query the rollups answer: a range and buckets of whole minutes, filtered by site at most. */
export type RollupStatsQuery = StatsQuery & { readonly from: number; readonly to: number };

/** Whether the rollups hold what the query asks for: no filter but the site, whole minutes throughout. */
export function rollupsCover(query: StatsQuery): query is RollupStatsQuery {
  const whole = (ms: number | undefined) => ms !== undefined && ms % MINUTE === 0;
  return (
    query.client === undefined &&
    query.action === undefined &&
    query.category === undefined &&
    query.path === undefined &&
    whole(query.from) &&
    whole(query.to) &&
    whole(query.bucketMs)
  );
}

interface SlotRow {
  slot: number;
  action: string;
  events: number;
  attacks: number;
}

type Counts = { requests: number; blocked: number; challenged: number; slowed: number; attacks: number };

// The events at the nearest ranks, read from the histogram: each reads as the upper bound of its bucket.
function latency(rows: readonly { key: string; count: number }[]): EventStats['latency'] {
  const histogram = new Map(rows.map((row) => [row.key, row.count]));
  const ranks = latencyRanks(rows.reduce((total, row) => total + row.count, 0));
  const percentiles = { p50: 0, p95: 0, p99: 0 };
  let seen = 0;
  for (const key of LATENCY_KEYS) {
    const count = histogram.get(key) ?? 0;
    for (const p of ['p50', 'p95', 'p99'] as const)
      if (seen <= ranks[p] && ranks[p] < seen + count) percentiles[p] = latencyKeyValue(key);
    seen += count;
  }
  return percentiles;
}

/**
 * The stats of the per-minute rollups: every count is what the events table gives, the latency percentiles
 * are the upper bounds of their histogram buckets. Run it inside one read transaction, like the exact stats.
 */
export function queryRollupStats(prepare: Prepare, query: RollupStatsQuery): EventStats {
  const plan = planBuckets(query.from, query.to, query.bucketMs);
  const top = topLimit(query.top);
  const params = {
    from: query.from,
    to: query.to,
    ...(query.site === undefined ? {} : { site: query.site }),
  };
  const range = `minute >= @from AND minute < @to${query.site === undefined ? '' : ' AND site = @site'}`;
  const sums = (kind: 'category' | 'latency') =>
    prepare(
      `SELECT key, SUM(events) AS count FROM event_rollups WHERE kind = '${kind}' AND ${range} GROUP BY key`,
    ).all(params) as { key: string; count: number }[];
  const topOf = (kind: 'client' | 'path', name: 'ip' | 'path', extra = '') =>
    prepare(
      `SELECT key AS ${name}, SUM(events) AS count${extra} FROM event_rollups WHERE kind = '${kind}' AND ${range}
       GROUP BY key ORDER BY count DESC, key LIMIT @top`,
    ).all({ ...params, top });

  const slots = prepare(
    `SELECT CAST((minute - @from) / @bucketMs AS INTEGER) AS slot, key AS action, SUM(events) AS events,
       SUM(attacks) AS attacks
     FROM event_rollups WHERE kind = 'action' AND ${range} GROUP BY slot, key`,
  ).all({ ...params, bucketMs: query.bucketMs }) as SlotRow[];
  const buckets = Array.from(
    { length: plan.count },
    (): Counts => ({ requests: 0, blocked: 0, challenged: 0, slowed: 0, attacks: 0 }),
  );
  const actions = new Map<string, number>();
  let total = 0;
  for (const { slot, action, events, attacks } of slots) {
    const bucket = buckets[slot]!;
    bucket.requests += events;
    bucket.attacks += attacks;
    if (action === 'block') bucket.blocked += events;
    if (action === 'challenge') bucket.challenged += events;
    if (SLOWED_ACTIONS.has(action as Action)) bucket.slowed += events;
    actions.set(action, (actions.get(action) ?? 0) + events);
    total += events;
  }
  return {
    total,
    buckets: buckets.map((counts, slot) => ({ time: plan.start + slot * query.bucketMs, ...counts })),
    categories: sums('category')
      .map(({ key, count }) => ({ category: key, count }))
      .sort(byCountThenName((e) => e.category))
      .slice(0, top),
    actions: [...actions]
      .map(([action, count]) => ({ action, count }))
      .sort(byCountThenName((e) => e.action)),
    topClients: topOf('client', 'ip', ', SUM(attacks) AS attacks') as EventStats['topClients'],
    topPaths: topOf('path', 'path') as EventStats['topPaths'],
    latency: latency(sums('latency')),
  };
}
