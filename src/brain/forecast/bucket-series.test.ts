import { describe, expect, it } from 'vitest';
import { bucketSeries } from './bucket-series.js';

describe('bucketSeries', () => {
  it('lays buckets out in time order, with 0 for a missing one and a sum for two in one step', () => {
    const series = bucketSeries(
      [
        { time: 1_200_000, requests: 5 },
        { time: 0, requests: 3 },
        { time: 900_000, requests: 1 },
        { time: 900_000, requests: 2 },
      ],
      300_000,
    );
    expect(series).toEqual({ start: 0, bucketMs: 300_000, values: [3, 0, 0, 3, 5] });
  });

  it('leaves out the empty buckets before the first count, and keeps those after the last', () => {
    const buckets = [0, 0, 4, 0, 6, 0, 0].map((requests, i) => ({ time: i * 1000, requests }));
    expect(bucketSeries(buckets, 1000)).toEqual({ start: 2000, bucketMs: 1000, values: [4, 0, 6, 0, 0] });
  });

  it('has no values without a count, and ignores counts that are not numbers', () => {
    expect(bucketSeries([], 1000).values).toEqual([]);
    expect(bucketSeries([{ time: 0, requests: 0 }], 1000).values).toEqual([]);
    const odd = [
      { time: 0, requests: Number.NaN },
      { time: 1000, requests: 2 },
      { time: Number.NaN, requests: 9 },
      { time: 2000, requests: Number.POSITIVE_INFINITY },
    ];
    expect(bucketSeries(odd, 1000).values).toEqual([2, 0]);
  });

  it('refuses a bucket width of 0 and a span of too many buckets', () => {
    expect(() => bucketSeries([], 0)).toThrow(RangeError);
    expect(() =>
      bucketSeries(
        [
          { time: 0, requests: 1 },
          { time: 1e12, requests: 1 },
        ],
        1000,
      ),
    ).toThrow(/buckets/);
  });
});
