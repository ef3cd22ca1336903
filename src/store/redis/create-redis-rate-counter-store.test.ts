import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { slidingWindow } from '../../defend/rate-limit/sliding-window.js';
import { tokenBucket } from '../../defend/rate-limit/token-bucket.js';
import type { RateCounterRule } from '../rate-counter-store.js';
import { createRedisRateCounterStore } from './create-redis-rate-counter-store.js';
import { redisReachable, TEST_REDIS_URL, testPrefixes } from './redis-test-database.testing.js';

const prefixes = testPrefixes();

const rule = (over: Partial<RateCounterRule> = {}): RateCounterRule => ({
  name: 'api',
  algorithm: 'sliding-window',
  limit: 5,
  windowMs: 1000,
  ...over,
});

// A small deterministic generator, so a failure replays the same sequence.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe.skipIf(!redisReachable)('redis rate counters', () => {
  for (const algorithm of ['sliding-window', 'token-bucket'] as const) {
    it(`answers as the gateway's own ${algorithm} counter, take after take`, async () => {
      const shared = createRedisRateCounterStore(await prefixes.open());
      const r = rule({ algorithm, limit: 7, windowMs: 2000 });
      const local = algorithm === 'sliding-window' ? slidingWindow(7, 2000, 100) : tokenBucket(7, 2000, 100);
      const next = random(algorithm.length);
      let now = 1_700_000_000_000;
      for (let i = 0; i < 300; i++) {
        // Mostly within a window, now and then past two of them.
        now += next() < 0.05 ? 5000 : Math.floor(next() * 400);
        const key = next() < 0.7 ? '198.51.100.1' : '198.51.100.2';
        const [got] = await shared.take([{ rule: r, key }], now);
        expect(got, `take ${i} at ${now} for ${key}`).toEqual(local.take(key, now));
      }
    });
  }

  it('holds one limit across several clients of the same prefix', async () => {
    const prefix = prefixes.name();
    const gateways = [
      createRedisRateCounterStore(await prefixes.open(prefix)),
      createRedisRateCounterStore(await prefixes.open(prefix)),
      createRedisRateCounterStore(await prefixes.open(prefix)),
    ];
    const r = rule({ limit: 100, windowMs: 60_000 });
    const now = 1_700_000_000_000;
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => gateways[i % 3]!.take([{ rule: r, key: 'k' }], now)),
    );
    expect(answers.filter(([a]) => a!.allowed)).toHaveLength(100);
  });

  it('counts every take of a request in one call, each rule on its own counter', async () => {
    const shared = createRedisRateCounterStore(await prefixes.open());
    const tight = rule({ name: 'login', limit: 1 });
    const loose = rule({ name: 'all', limit: 10 });
    const now = 1_700_000_000_000;
    const first = await shared.take(
      [
        { rule: tight, key: 'a' },
        { rule: loose, key: 'a' },
      ],
      now,
    );
    const second = await shared.take(
      [
        { rule: tight, key: 'a' },
        { rule: loose, key: 'a' },
      ],
      now + 1,
    );
    expect(first.map((c) => c.allowed)).toEqual([true, true]);
    expect(second.map((c) => c.allowed)).toEqual([false, true]);
    expect(second[1]!.remaining).toBe(8);
    expect(await shared.take([], now)).toEqual([]);
  });

  it('keeps its counters under the prefix and lets them expire', async () => {
    const prefix = prefixes.name();
    const shared = createRedisRateCounterStore(await prefixes.open(prefix));
    await shared.take([{ rule: rule({ windowMs: 5000 }), key: '203.0.113.5' }], Date.now());
    const admin = new Redis(TEST_REDIS_URL);
    try {
      const ttl = await admin.pttl(`${prefix}rl:api:203.0.113.5`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(10_000);
    } finally {
      admin.disconnect();
    }
  });
});
