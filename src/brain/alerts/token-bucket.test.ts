import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('allows the burst at once, then refills at the rate', () => {
    const bucket = new TokenBucket({ burst: 3, perMinute: 6 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.take(9_999)).toBe(false);
    expect(bucket.take(10_000)).toBe(true);
    expect(bucket.take(10_000)).toBe(false);
  });

  it('never holds more than the burst however long it waits', () => {
    const bucket = new TokenBucket({ burst: 2, perMinute: 60 }, 0);
    let taken = 0;
    for (let i = 0; i < 10; i++) if (bucket.take(3_600_000)) taken++;
    expect(taken).toBe(2);
  });

  it('has() does not take', () => {
    const bucket = new TokenBucket({ burst: 1, perMinute: 1 }, 0);
    expect(bucket.has(0)).toBe(true);
    expect(bucket.has(0)).toBe(true);
    expect(bucket.take(0)).toBe(true);
    expect(bucket.has(0)).toBe(false);
  });

  it('refuses a burst under 1 and a rate of 0', () => {
    expect(() => new TokenBucket({ burst: 0, perMinute: 1 }, 0)).toThrow(TypeError);
    expect(() => new TokenBucket({ burst: 1, perMinute: 0 }, 0)).toThrow(TypeError);
  });
});
