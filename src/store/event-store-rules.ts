import type { Action, SecurityEvent } from '../core/index.js';

// What every EventStore adapter applies the same way, so that memory and SQLite answer alike.

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
const DEFAULT_TOP = 10;
/** More buckets than a chart can show means the caller asked for too fine a grain. */
const MAX_BUCKETS = 10_000;

/** The actions that slow a client down rather than stop it. */
export const SLOWED_ACTIONS: ReadonlySet<Action> = new Set(['ratelimit', 'labyrinth', 'tarpit']);

const clamp = (value: number | undefined, fallback: number, max: number) =>
  value === undefined || !Number.isFinite(value) ? fallback : Math.min(max, Math.max(1, Math.trunc(value)));

/** A page size: 100 when not given, between 1 and 1000 otherwise. */
export const pageLimit = (limit: number | undefined): number => clamp(limit, DEFAULT_PAGE, MAX_PAGE);

/** Entries per top list: 10 when not given, between 1 and 1000 otherwise. */
export const topLimit = (top: number | undefined): number => clamp(top, DEFAULT_TOP, MAX_PAGE);

/** The distinct analyzers that found something in the event, sorted. */
export function eventCategories(event: SecurityEvent): string[] {
  return [...new Set(event.verdict.findings.map((f) => f.analyzer))].sort();
}

/** Throws unless `bucketMs` is a positive number; checked before any work. */
export function checkBucketMs(bucketMs: number): void {
  if (!(Number.isFinite(bucketMs) && bucketMs > 0))
    throw new RangeError(`store.events: bucketMs must be a positive number, not ${bucketMs}`);
}

/**
 * The buckets covering `[start, end)`, `bucketMs` wide; none when either end is unknown (no events) or the
 * range is empty. Throws when there would be more than 10,000.
 */
export function planBuckets(
  start: number | undefined,
  end: number | undefined,
  bucketMs: number,
): { start: number; count: number } {
  if (start === undefined || end === undefined || end <= start) return { start: start ?? 0, count: 0 };
  const count = Math.ceil((end - start) / bucketMs);
  if (count > MAX_BUCKETS)
    throw new RangeError(
      `store.events: ${count} buckets of ${bucketMs} ms is over ${MAX_BUCKETS}; widen bucketMs`,
    );
  return { start, count };
}

// In whole percents, so that the product is exact and a rank never slips by one on a rounding error.
const rank = (n: number, percent: number) => Math.min(n - 1, Math.max(0, Math.ceil((percent * n) / 100) - 1));

/** The 0-based ranks of the 50th, 95th and 99th percentiles among `n` sorted values (nearest rank). */
export const latencyRanks = (n: number): { p50: number; p95: number; p99: number } => ({
  p50: rank(n, 50),
  p95: rank(n, 95),
  p99: rank(n, 99),
});

/** Orders a top list by count, most first, then by name so that ties read the same in every adapter. */
export function byCountThenName<T extends { readonly count: number }>(name: (entry: T) => string) {
  return (a: T, b: T): number => b.count - a.count || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
}
