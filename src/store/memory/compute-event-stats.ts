import type { SecurityEvent } from '../../core/index.js';
import type { EventBucket, EventStats } from '../event-store.js';
import {
  byCountThenName,
  latencyRanks,
  planBuckets,
  SLOWED_ACTIONS,
  topLimit,
} from '../event-store-rules.js';

/** An event as the memory store keeps it, with its distinct finding analyzers. */
export interface CategorizedEvent {
  readonly event: SecurityEvent;
  readonly categories: readonly string[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const add = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

function emptyBuckets(start: number, count: number, bucketMs: number): Mutable<EventBucket>[] {
  return Array.from({ length: count }, (_, i) => ({
    time: start + i * bucketMs,
    requests: 0,
    blocked: 0,
    challenged: 0,
    slowed: 0,
    attacks: 0,
  }));
}

function fillBucket(bucket: Mutable<EventBucket> | undefined, row: CategorizedEvent): void {
  if (bucket === undefined) return;
  const action = row.event.verdict.action;
  bucket.requests++;
  if (action === 'block') bucket.blocked++;
  if (action === 'challenge') bucket.challenged++;
  if (SLOWED_ACTIONS.has(action)) bucket.slowed++;
  if (row.categories.length > 0) bucket.attacks++;
}

function latency(rows: readonly CategorizedEvent[]): EventStats['latency'] {
  if (rows.length === 0) return { p50: 0, p95: 0, p99: 0 };
  const sorted = Float64Array.from(rows, (row) => row.event.timings.totalMs).sort();
  const ranks = latencyRanks(sorted.length);
  return { p50: sorted[ranks.p50]!, p95: sorted[ranks.p95]!, p99: sorted[ranks.p99]! };
}

/**
 * The stats of events already filtered by the query, oldest first, computed the way the SQLite adapter's
 * SQL does.
 */
export function computeEventStats(
  rows: readonly CategorizedEvent[],
  query: { readonly from?: number; readonly to?: number; readonly bucketMs: number; readonly top?: number },
): EventStats {
  const end = rows.length > 0 ? rows[rows.length - 1]!.event.time + 1 : undefined;
  const plan = planBuckets(query.from ?? rows[0]?.event.time, query.to ?? end, query.bucketMs);
  const buckets = emptyBuckets(plan.start, plan.count, query.bucketMs);
  const categories = new Map<string, number>();
  const actions = new Map<string, number>();
  const clients = new Map<string, { count: number; attacks: number }>();
  const paths = new Map<string, number>();
  for (const row of rows) {
    const { event } = row;
    fillBucket(buckets[Math.floor((event.time - plan.start) / query.bucketMs)], row);
    for (const category of row.categories) add(categories, category);
    add(actions, event.verdict.action);
    add(paths, event.request.path);
    const client = clients.get(event.client.ip) ?? { count: 0, attacks: 0 };
    client.count++;
    if (row.categories.length > 0) client.attacks++;
    clients.set(event.client.ip, client);
  }
  const top = topLimit(query.top);
  return {
    total: rows.length,
    buckets,
    categories: [...categories]
      .map(([category, count]) => ({ category, count }))
      .sort(byCountThenName((e) => e.category))
      .slice(0, top),
    actions: [...actions]
      .map(([action, count]) => ({ action, count }))
      .sort(byCountThenName((e) => e.action)),
    topClients: [...clients]
      .map(([ip, c]) => ({ ip, count: c.count, attacks: c.attacks }))
      .sort(byCountThenName((e) => e.ip))
      .slice(0, top),
    topPaths: [...paths]
      .map(([path, count]) => ({ path, count }))
      .sort(byCountThenName((e) => e.path))
      .slice(0, top),
    latency: latency(rows),
  };
}
