import type { QueryResultRow } from 'pg';
import type { EventBucket, EventQuery, EventStats } from '../event-store.js';
import { latencyRanks, planBuckets, SLOWED_ACTIONS, topLimit } from '../event-store-rules.js';
import { eventConditions } from './event-filter-sql.js';
import type { PostgresQueryable } from './open-postgres.js';
import { type SqlParams, sqlParams, whereAll } from './sql-params.js';

type StatsQuery = EventQuery & { readonly bucketMs: number; readonly top?: number };

/** The filtered events as a FROM clause, and params that further values may follow. */
function filtered(query: EventQuery, from = 'events'): { sql: string; params: SqlParams } {
  const params = sqlParams();
  return { sql: `FROM ${from} ${whereAll(eventConditions(query, params))}`, params };
}

async function rows<R extends QueryResultRow>(tx: PostgresQueryable, sql: string, params: SqlParams) {
  return (await tx.query<R>(sql, params.values)).rows;
}

async function buckets(
  tx: PostgresQueryable,
  query: StatsQuery,
  plan: { start: number; count: number },
): Promise<EventBucket[]> {
  if (plan.count === 0) return [];
  const { sql, params } = filtered(query);
  const start = params.add(plan.start);
  const width = params.add(query.bucketMs);
  const slowed = params.add([...SLOWED_ACTIONS]);
  const counted = await rows<{ slot: number } & Omit<EventBucket, 'time'>>(
    tx,
    `SELECT floor((time - ${start}::float8) / ${width}::float8)::int AS slot, COUNT(*) AS requests,
       COUNT(*) FILTER (WHERE action = 'block') AS blocked,
       COUNT(*) FILTER (WHERE action = 'challenge') AS challenged,
       COUNT(*) FILTER (WHERE action = ANY (${slowed}::text[])) AS slowed,
       COUNT(*) FILTER (WHERE cardinality(categories) > 0) AS attacks
     ${sql} GROUP BY slot`,
    params,
  );
  const filled = new Map(counted.map(({ slot, ...counts }) => [slot, counts]));
  return Array.from({ length: plan.count }, (_, slot): EventBucket => {
    const counts = filled.get(slot) ?? { requests: 0, blocked: 0, challenged: 0, slowed: 0, attacks: 0 };
    return { time: plan.start + slot * query.bucketMs, ...counts };
  });
}

// The `top` most frequent values of `key`; ties go by name, bytewise (COLLATE "C"), whatever the database's
// collation.
function ranked<R extends QueryResultRow>(
  tx: PostgresQueryable,
  query: StatsQuery,
  key: string,
  select: string,
  from?: string,
): Promise<R[]> {
  const { sql, params } = filtered(query, from);
  const limit = params.add(topLimit(query.top));
  return rows<R>(
    tx,
    `SELECT ${select}, COUNT(*) AS count ${sql}
     GROUP BY ${key} ORDER BY count DESC, ${key} COLLATE "C" LIMIT ${limit}`,
    params,
  );
}

// percentile_disc(f) takes the value at 1-based rank ceil(f * n). Asking for the middle of the wanted rank,
// (rank + 0.5) / n, lands half a rank away from any rounding error, so the ranks are exactly the rules' ones.
async function latency(
  tx: PostgresQueryable,
  query: StatsQuery,
  total: number,
): Promise<EventStats['latency']> {
  if (total === 0) return { p50: 0, p95: 0, p99: 0 };
  const ranks = latencyRanks(total);
  const { sql, params } = filtered(query);
  const fractions = params.add([ranks.p50, ranks.p95, ranks.p99].map((rank) => (rank + 0.5) / total));
  const [row] = await rows<{ values: number[] }>(
    tx,
    `SELECT percentile_disc(${fractions}::float8[]) WITHIN GROUP (ORDER BY total_ms) AS values ${sql}`,
    params,
  );
  const [p50, p95, p99] = row!.values as [number, number, number];
  return { p50, p95, p99 };
}

/**
 * The stats of the events table, computed with SQL aggregates; run it in one snapshot so that every figure
 * describes the same rows.
 */
export async function queryEventStats(tx: PostgresQueryable, query: StatsQuery): Promise<EventStats> {
  const { sql, params } = filtered(query);
  const [summary] = await rows<{ total: number; first: number | null; last: number | null }>(
    tx,
    `SELECT COUNT(*) AS total, MIN(time) AS first, MAX(time) AS last ${sql}`,
    params,
  );
  const { total, first, last } = summary!;
  const plan = planBuckets(
    query.from ?? first ?? undefined,
    query.to ?? (last === null ? undefined : last + 1),
    query.bucketMs,
  );
  return {
    total,
    buckets: await buckets(tx, query, plan),
    categories: await ranked(tx, query, 'category', 'category', 'events, unnest(categories) AS category'),
    actions: await rows(
      tx,
      `SELECT action, COUNT(*) AS count ${sql} GROUP BY action ORDER BY count DESC, action COLLATE "C"`,
      params,
    ),
    topClients: await ranked(
      tx,
      query,
      'client',
      'client AS ip, COUNT(*) FILTER (WHERE cardinality(categories) > 0) AS attacks',
    ),
    topPaths: await ranked(tx, query, 'path', 'path'),
    latency: await latency(tx, query, total),
  };
}
