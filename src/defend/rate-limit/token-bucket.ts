import { boundedSet } from './bounded-map.js';
import type { RateCounter, RateOutcome } from './rate-limit-types.js';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * The token bucket: `limit` tokens, refilled at `limit` per `windowMs`; a request takes one. Bursts up to the
 * bucket's size, then a steady rate.
 * @example const counter = tokenBucket(10, 1000, 100_000); counter.take('2001:db8::/64', Date.now());
 */
export function tokenBucket(limit: number, windowMs: number, maxKeys: number): RateCounter {
  const buckets = new Map<string, Bucket>();
  const perMs = limit / windowMs;
  return {
    get size() {
      return buckets.size;
    },
    take(key, now): RateOutcome {
      let b = buckets.get(key);
      if (b === undefined) {
        b = { tokens: limit, at: now };
        boundedSet(buckets, key, b, maxKeys);
      } else {
        b.tokens = Math.min(limit, b.tokens + (now - b.at) * perMs);
        b.at = now;
      }
      if (b.tokens < 1) {
        return {
          allowed: false,
          limit,
          remaining: 0,
          resetMs: Math.max(1, Math.ceil((1 - b.tokens) / perMs)),
        };
      }
      b.tokens -= 1;
      return {
        allowed: true,
        limit,
        remaining: Math.floor(b.tokens),
        resetMs: Math.ceil((limit - b.tokens) / perMs),
      };
    },
  };
}
