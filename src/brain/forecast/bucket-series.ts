/** A bucket of counts, as the event store's `stats` returns them (`EventBucket` is one). */
export interface CountBucket {
  /** Bucket start, epoch milliseconds. */
  readonly time: number;
  readonly requests: number;
}

/** Counts at a fixed step: `values[i]` is the bucket starting at `start + i * bucketMs`. */
export interface BucketSeries {
  readonly start: number;
  readonly bucketMs: number;
  readonly values: readonly number[];
}

/** Longest series taken (a year of 5-minute buckets is about 105,000). */
export const MAX_SERIES = 200_000;

const counts = (b: CountBucket) => Number.isFinite(b.time) && Number.isFinite(b.requests) && b.requests > 0;

/**
 * Lays buckets out at a fixed step, in time order: a missing bucket counts 0, two in one step add up, and the
 * empty buckets before the first count are left out (a site with no traffic yet has no history).
 * @example bucketSeries([{ time: 0, requests: 3 }, { time: 600_000, requests: 5 }], 300_000).values // [3, 0, 5]
 */
export function bucketSeries(buckets: readonly CountBucket[], bucketMs: number): BucketSeries {
  if (!(bucketMs > 0) || !Number.isFinite(bucketMs))
    throw new RangeError('forecast: bucketMs must be positive');
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const b of buckets) {
    if (!Number.isFinite(b.time)) continue;
    if (b.time > end) end = b.time;
    if (counts(b) && b.time < start) start = b.time;
  }
  if (start === Number.POSITIVE_INFINITY)
    return { start: Number.isFinite(end) ? end : 0, bucketMs, values: [] };
  const length = Math.floor((end - start) / bucketMs) + 1;
  if (length > MAX_SERIES) throw new RangeError(`forecast: more than ${MAX_SERIES} buckets`);
  const values = new Array<number>(length).fill(0);
  for (const b of buckets) if (counts(b)) values[Math.floor((b.time - start) / bucketMs)]! += b.requests;
  return { start, bucketMs, values };
}
